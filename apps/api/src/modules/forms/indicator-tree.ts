import type { Indicator, IndicatorSet, IndicatorSets, Level1Group, TaxonomyNode } from '@jxt/contracts';
import { storedTarget } from '../../common/indicators/stored-target';
import type { IndicatorRow } from './form.repository';

function toIndicator(row: IndicatorRow): Indicator {
  return {
    id: row.id,
    name: row.name,
    rawValue: row.rawValue,
    target: storedTarget(row),
    warning: row.parseWarning,
    weight: row.weight,
    scoringNotes: row.scoringNotes,
    explanation: row.explanation,
    remark: row.remark,
    nature: row.nature,
    measureUnit: row.measureUnit,
    ...(row.weakerTargetReason ? { weakerTargetReason: row.weakerTargetReason } : {}),
  };
}

/**
 * Rebuilds the printed three-level tree from rows in printed order: consecutive rows with the same
 * 一级/二级 code share a group (the merged cells of the paper form). Labels come from the year's taxonomy for an
 * open form, and from the rows themselves (as printed when it was locked) when `taxonomy` is null.
 */
export function buildIndicatorSets(rows: IndicatorRow[], taxonomy: TaxonomyNode[] | null): IndicatorSets {
  const labels = new Map((taxonomy ?? []).map((node) => [node.code, node.label]));
  const labelOf = (code: string, printed: string | null) => (taxonomy ? labels.get(code) : printed) ?? printed ?? code;
  const build = (set: IndicatorSet): Level1Group[] => {
    const groups: Level1Group[] = [];
    for (const row of rows) {
      if (row.indicatorSet !== set) continue;
      let level1 = groups.at(-1);
      if (!level1 || level1.code !== row.level1Code) {
        level1 = { code: row.level1Code, label: labelOf(row.level1Code, row.level1Label), children: [] };
        groups.push(level1);
      }
      let level2 = level1.children.at(-1);
      if (!level2 || level2.code !== row.level2Code) {
        level2 = { code: row.level2Code, label: labelOf(row.level2Code, row.level2Label), indicators: [] };
        level1.children.push(level2);
      }
      level2.indicators.push(toIndicator(row));
    }
    return groups;
  };
  const hasLongTerm = rows.some((row) => row.indicatorSet === 'longTerm');
  return { year: build('year'), longTerm: hasLongTerm ? build('longTerm') : null };
}
