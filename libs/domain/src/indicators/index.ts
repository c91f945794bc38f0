export {
  countIndicators,
  indicatorCountProblem,
  MAX_INDICATORS_PER_FORM,
  type IndicatorCounts,
} from './count-indicators';
