export { countIndicators, type IndicatorCounts } from './count-indicators';
