export {
  countIndicators,
  indicatorCountProblem,
  MAX_INDICATORS_PER_FORM,
  type IndicatorCounts,
} from './count-indicators';
export {
  looksLikeIndicatorTable,
  parseIndicatorTable,
  type PastedIndicator,
  type PastedTable,
  type PastedTableProblem,
} from './parse-indicator-table';
export { layoutIndicatorRows, type IndicatorTreeLike, type SheetRow } from './sheet-rows';
