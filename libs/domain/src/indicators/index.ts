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
export {
  MAX_SUGGESTION_WORDS,
  MAX_SUGGESTIONS,
  MAX_SUGGESTIONS_PER_SLOT,
  rankSuggestions,
  suggestionWords,
  type RankedSuggestion,
  type SimilarUse,
  type SuggestionCandidate,
  type SuggestionExample,
  type SuggestionForm,
} from './rank-suggestions';
