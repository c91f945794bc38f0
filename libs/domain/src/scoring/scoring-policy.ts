/**
 * 评分规则 (docs/domain.md §4): every number of the year-end scoring is tenant policy, versioned by year.
 * Decimal strings throughout; the engine computes with decimal.js.
 */
export type { GradeBand, QualitativeBand, ScoringPolicy } from '@jxt/contracts';
import type { ScoringPolicy } from '@jxt/contracts';

/** The defaults of docs/domain.md §4. */
export const DEFAULT_SCORING_POLICY: ScoringPolicy = {
  budgetExecutionWeight: '10',
  level1Weights: { output: '50', benefit: '30', satisfaction: '10' },
  missingLevel1: { code: 'satisfaction', moveTo: 'split_evenly' },
  reverseFormula: 'ratio',
  qualitativeBands: [
    { code: 'achieved', label: '达成年度指标', min: '0.8', max: '1' },
    { code: 'partly', label: '部分达成并具有一定效果', min: '0.6', max: '0.8' },
    { code: 'missed', label: '未达成且效果较差', min: '0', max: '0.6' },
  ],
  overshootRatio: '1.3',
  missThreshold: '1',
  indicatorDecimals: 2,
  totalDecimals: 2,
  grades: [
    { grade: '优', min: '90' },
    { grade: '良', min: '80' },
    { grade: '中', min: '60' },
    { grade: '差', min: '0' },
  ],
};
