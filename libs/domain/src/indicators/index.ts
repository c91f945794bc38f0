export { countIndicators, MAX_INDICATORS_PER_FORM, type IndicatorCounts } from './count-indicators';
