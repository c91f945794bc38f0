/**
 * 评分规则 (domain.md §4): every number of the year-end scoring is tenant policy, versioned by year.
 * Decimal strings throughout; the engine computes with decimal.js.
 */
export interface QualitativeBand {
  code: 'achieved' | 'partly' | 'missed';
  label: string;
  /** Share of the indicator's 分值, as decimal strings in [0, 1]. */
  min: string;
  max: string;
}

export interface GradeBand {
  grade: string;
  /** Lowest 总分 of the grade (inclusive). */
  min: string;
}

export interface ScoringPolicy {
  /** 预算执行率 weight (10 in national practice). */
  budgetExecutionWeight: string;
  /** Weights per 一级指标 code (产出 50, 效益 30, 满意度 10). With the budget weight they must add up to 100. */
  level1Weights: Record<string, string>;
  /** Where the 满意度 weight goes on a form without 满意度 indicators. */
  missingLevel1: { code: string; moveTo: 'split_evenly' | string };
  /** Reverse indicators (≤, <) missing their target: A / B × 分值 ('ratio', the 自评表 template's default) or (1 − (B − A) / A) × 分值 ('linear', 0 from B ≥ 2A). */
  reverseFormula: 'ratio' | 'linear';
  qualitativeBands: QualitativeBand[];
  /** A 偏差原因 is required when B misses A, and when B exceeds A by this ratio (e.g. '1.3'); null: never for over-shoot. */
  overshootRatio: string | null;
  /** Decimals of each indicator's 得分 and of the 总分 (half-up). */
  indicatorDecimals: number;
  totalDecimals: number;
  grades: GradeBand[];
}

/** The defaults of domain.md §4. */
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
  indicatorDecimals: 2,
  totalDecimals: 2,
  grades: [
    { grade: '优', min: '90' },
    { grade: '良', min: '80' },
    { grade: '中', min: '60' },
    { grade: '差', min: '0' },
  ],
};
