import type { ComparisonOperator } from '@jxt/contracts';

/** Symbols as printed for each operator (docs/domain.md §3.1). */
export const OPERATOR_SYMBOLS: Readonly<Record<ComparisonOperator, string>> = {
  eq: '=',
  gte: '≥',
  gt: '>',
  lte: '≤',
  lt: '<',
};

/** Two-character and variant spellings folded to one symbol before reading (after half-width folding). */
export function foldOperatorSymbols(text: string): string {
  return text
    .replace(/>=|=>|≧|⩾/g, '≥')
    .replace(/<=|=<|≦|⩽/g, '≤')
    .replace(/==/g, '=');
}

/** Operators written before the number, symbols and phrases; longest first so `大于等于` wins over `大于`. */
const PREFIXES: ReadonlyArray<readonly [string, ComparisonOperator]> = (
  [
    ['≥', 'gte'],
    ['≤', 'lte'],
    ['>', 'gt'],
    ['<', 'lt'],
    ['=', 'eq'],
    ['大于等于', 'gte'],
    ['大于或等于', 'gte'],
    ['不低于', 'gte'],
    ['不少于', 'gte'],
    ['不小于', 'gte'],
    ['至少', 'gte'],
    // 达到 90% on a performance form means "reach at least 90 %", a forward target.
    ['达到', 'gte'],
    ['小于等于', 'lte'],
    ['小于或等于', 'lte'],
    ['不高于', 'lte'],
    ['不超过', 'lte'],
    ['不多于', 'lte'],
    ['不大于', 'lte'],
    ['至多', 'lte'],
    ['最多', 'lte'],
    ['控制在', 'lte'],
    ['大于', 'gt'],
    ['高于', 'gt'],
    ['超过', 'gt'],
    ['多于', 'gt'],
    ['小于', 'lt'],
    ['低于', 'lt'],
    ['少于', 'lt'],
    ['等于', 'eq'],
  ] as const
)
  .slice()
  .sort((a, b) => b[0].length - a[0].length);

/** Operators written after the number and unit (`90%以上`, `4小时内`). */
const SUFFIXES: ReadonlyArray<readonly [string, ComparisonOperator]> = (
  [
    ['及以上', 'gte'],
    ['或以上', 'gte'],
    ['以上', 'gte'],
    ['及以下', 'lte'],
    ['或以下', 'lte'],
    ['以下', 'lte'],
    ['以内', 'lte'],
    ['之内', 'lte'],
    ['内', 'lte'],
  ] as const
)
  .slice()
  .sort((a, b) => b[0].length - a[0].length);

export function splitPrefix(text: string): { operator: ComparisonOperator | null; rest: string } {
  for (const [word, operator] of PREFIXES) {
    if (text.startsWith(word)) return { operator, rest: text.slice(word.length) };
  }
  return { operator: null, rest: text };
}

export function splitSuffix(text: string): { operator: ComparisonOperator | null; rest: string } {
  for (const [word, operator] of SUFFIXES) {
    if (text.endsWith(word)) return { operator, rest: text.slice(0, text.length - word.length) };
  }
  return { operator: null, rest: text };
}

/**
 * One operator from what was written before and after the number. Both may be present when they
 * agree in direction (`≥90%以上`, `控制在5%以内`); the prefix is the more precise one then.
 * `undefined` when they contradict (`≤90%以上`, `=4小时内`).
 */
export function combineOperators(
  prefix: ComparisonOperator | null,
  suffix: ComparisonOperator | null,
): ComparisonOperator | undefined {
  if (prefix === null) return suffix ?? 'eq';
  if (suffix === null || prefix === suffix) return prefix;
  const forward = (op: ComparisonOperator) => op === 'gte' || op === 'gt';
  const reverse = (op: ComparisonOperator) => op === 'lte' || op === 'lt';
  if ((forward(prefix) && forward(suffix)) || (reverse(prefix) && reverse(suffix))) return prefix;
  return undefined;
}

/**
 * A trailing `（含）` / `（不含）` says whether the bound itself counts: `90%以上（含）` is ≥,
 * `90%以上（不含）` is >. Returns the text without it and how it changes an operator.
 */
export function splitInclusivity(text: string): {
  rest: string;
  apply: (op: ComparisonOperator) => ComparisonOperator | undefined;
} {
  if (text.endsWith('(含)')) {
    const inclusive: Partial<Record<ComparisonOperator, ComparisonOperator>> = {
      gt: 'gte',
      lt: 'lte',
      gte: 'gte',
      lte: 'lte',
    };
    return { rest: text.slice(0, -3), apply: (op) => inclusive[op] };
  }
  if (text.endsWith('(不含)')) {
    const exclusive: Partial<Record<ComparisonOperator, ComparisonOperator>> = {
      gte: 'gt',
      lte: 'lt',
      gt: 'gt',
      lt: 'lt',
    };
    return { rest: text.slice(0, -4), apply: (op) => exclusive[op] };
  }
  return { rest: text, apply: (op) => op };
}
