import type { ParsedTarget } from '@jxt/contracts';

// Snake-case reading of a stored target, for the evaluation module until its SQL moves into its repository
// (then common/indicators/stored-target.ts replaces this file).

/** A 年度指标值 as stored: the raw text and its reading (indicator, and the copy in evaluation_indicator). */
export interface TargetRow {
  raw_value: string;
  target_kind: ParsedTarget['kind'];
  target_operator: string | null;
  target_number: string | null;
  target_unit: string | null;
  target_boolean: boolean | null;
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
