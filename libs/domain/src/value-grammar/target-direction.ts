import type { ComparisonOperator } from '@jxt/contracts';

/** forward: higher is better (≥, >); reverse: lower is better (≤, <); equal: hit the value (=). */
export type TargetDirection = 'forward' | 'reverse' | 'equal';

export function targetDirection(operator: ComparisonOperator): TargetDirection {
  switch (operator) {
    case 'gte':
    case 'gt':
      return 'forward';
    case 'lte':
    case 'lt':
      return 'reverse';
    case 'eq':
      return 'equal';
  }
}
