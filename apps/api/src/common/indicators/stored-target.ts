import type { ParsedTarget } from '@jxt/contracts';

/**
 * A 年度指标值 as stored: the raw text and its reading by the value grammar (docs/domain.md §3.1). Both indicator and
 * its copy in evaluation_indicator keep these columns; repositories select them under these names.
 */
export interface StoredTarget {
  rawValue: string;
  targetKind: string;
  targetOperator: string | null;
  targetNumber: string | null;
  targetUnit: string | null;
  targetBoolean: boolean | null;
}

export function storedTarget(row: StoredTarget): ParsedTarget {
  switch (row.targetKind) {
    case 'quantitative':
      return {
        kind: 'quantitative',
        operator: row.targetOperator as 'eq',
        value: row.targetNumber ?? '0',
        unit: row.targetUnit,
      };
    case 'boolean':
      return { kind: 'boolean', value: row.targetBoolean === true };
    case 'qualitative':
      return { kind: 'qualitative', text: row.rawValue };
    case 'invalid':
      return { kind: 'invalid', text: row.rawValue };
    default:
      return { kind: 'empty' };
  }
}
