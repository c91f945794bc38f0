import type { EvaluationIndicator } from '@jxt/contracts';

export interface TreeIndicator {
  indicator: EvaluationIndicator;
  /** Position in `evaluation.indicators` (the index the API's field paths use). */
  index: number;
}

export interface IndicatorGroup {
  code: string;
  label: string;
  children: { code: string; label: string; indicators: TreeIndicator[] }[];
}

/** The flat indicator list of a 自评表 grouped by 一级/二级指标 in the order they first appear (for the merged cells). */
export function indicatorTree(indicators: readonly EvaluationIndicator[]): IndicatorGroup[] {
  const groups: IndicatorGroup[] = [];
  indicators.forEach((indicator, index) => {
    let level1 = groups.find((g) => g.code === indicator.level1Code);
    if (!level1) groups.push((level1 = { code: indicator.level1Code, label: indicator.level1Label, children: [] }));
    let level2 = level1.children.find((c) => c.code === indicator.level2Code);
    if (!level2)
      level1.children.push((level2 = { code: indicator.level2Code, label: indicator.level2Label, indicators: [] }));
    level2.indicators.push({ indicator, index });
  });
  return groups;
}
