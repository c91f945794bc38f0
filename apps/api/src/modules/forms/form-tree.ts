import type { Indicator, IndicatorSet, IndicatorSets, Level1Group, ParsedTarget, TaxonomyNode } from '@jxt/contracts';

/** A 年度指标值 as stored: the raw text and its reading (indicator, and the copy in evaluation_indicator). */
export interface TargetRow {
  raw_value: string;
  target_kind: ParsedTarget['kind'];
  target_operator: string | null;
  target_number: string | null;
  target_unit: string | null;
  target_boolean: boolean | null;
}

/** An indicator row as stored (one query returns all of a form's rows in printed order). */
export interface IndicatorRow extends TargetRow {
  id: string;
  indicator_set: IndicatorSet;
  level1_code: string;
  level2_code: string;
  name: string;
  parse_warning: string | null;
  weight: string | null;
  scoring_notes: string | null;
  explanation: string | null;
  remark: string | null;
  /** The 一级/二级 labels as printed, kept when the form was locked (null while it is open). */
  level1_label: string | null;
  level2_label: string | null;
}

export function targetFromRow(row: TargetRow): ParsedTarget {
  switch (row.target_kind) {
    case 'quantitative':
      return {
        kind: 'quantitative',
        operator: row.target_operator as 'eq',
        value: row.target_number ?? '0',
        unit: row.target_unit,
      };
    case 'boolean':
      return { kind: 'boolean', value: row.target_boolean === true };
    case 'qualitative':
      return { kind: 'qualitative', text: row.raw_value };
    case 'invalid':
      return { kind: 'invalid', text: row.raw_value };
    default:
      return { kind: 'empty' };
  }
}

function toIndicator(row: IndicatorRow): Indicator {
  return {
    id: row.id,
    name: row.name,
    rawValue: row.raw_value,
    target: targetFromRow(row),
    warning: row.parse_warning,
    weight: row.weight,
    scoringNotes: row.scoring_notes,
    explanation: row.explanation,
    remark: row.remark,
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
      if (row.indicator_set !== set) continue;
      let level1 = groups.at(-1);
      if (!level1 || level1.code !== row.level1_code) {
        level1 = { code: row.level1_code, label: labelOf(row.level1_code, row.level1_label), children: [] };
        groups.push(level1);
      }
      let level2 = level1.children.at(-1);
      if (!level2 || level2.code !== row.level2_code) {
        level2 = { code: row.level2_code, label: labelOf(row.level2_code, row.level2_label), indicators: [] };
        level1.children.push(level2);
      }
      level2.indicators.push(toIndicator(row));
    }
    return groups;
  };
  const hasLongTerm = rows.some((row) => row.indicator_set === 'longTerm');
  return { year: build('year'), longTerm: hasLongTerm ? build('longTerm') : null };
}
