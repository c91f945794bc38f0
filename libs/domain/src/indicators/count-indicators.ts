/**
 * The most 三级指标 one form may hold, both sets together (docs/domain.md §3): the API refuses a save above it and
 * the SPA says so while editing. The printed forms hold a few dozen.
 */
export const MAX_INDICATORS_PER_FORM = 500;

/** Any indicator tree: the input sets and the saved sets both fit. */
interface CountableSets {
  year: ReadonlyArray<{ children: ReadonlyArray<{ indicators: ReadonlyArray<unknown> }> }>;
  longTerm: ReadonlyArray<{ children: ReadonlyArray<{ indicators: ReadonlyArray<unknown> }> }> | null;
}

export interface IndicatorCounts {
  /** 三级指标 in the 年度绩效指标 set */
  year: number;
  /** 三级指标 in the 长期绩效指标 set (0 when the form has none) */
  longTerm: number;
  total: number;
}

/** What is wrong with the number of 三级指标 (above MAX_INDICATORS_PER_FORM), or null: the save's 400 and the editor's hint. */
export function indicatorCountProblem(sets: CountableSets): string | null {
  const { total } = countIndicators(sets);
  return total > MAX_INDICATORS_PER_FORM
    ? `每张表最多 ${MAX_INDICATORS_PER_FORM} 个三级指标，现有 ${total} 个，请删减`
    : null;
}

/** Counts the 三级指标 of each set. */
export function countIndicators(sets: CountableSets): IndicatorCounts {
  const count = (groups: CountableSets['year'] | null) =>
    (groups ?? []).reduce((sum, l1) => sum + l1.children.reduce((s, l2) => s + l2.indicators.length, 0), 0);
  const year = count(sets.year);
  const longTerm = count(sets.longTerm);
  return { year, longTerm, total: year + longTerm };
}
