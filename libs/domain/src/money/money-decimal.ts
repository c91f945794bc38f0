import { Decimal } from 'decimal.js';

/**
 * The decimal type for money: enough precision for numeric(18,2) sums, and half-up rounding
 * (元 → 万元 is "rounded half-up to two decimals", docs/domain.md §6). Never a binary float.
 */
export const MoneyDecimal = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type MoneyDecimal = InstanceType<typeof MoneyDecimal>;

/** A plain decimal number as stored (`"213500"`, `"-1.5"`, `"1450000.00"`): no separators, no exponent. */
const PLAIN_DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** Reads a stored money string; throws a RangeError for anything that is not a plain decimal. */
export function toMoneyDecimal(value: string): MoneyDecimal {
  if (typeof value !== 'string' || !PLAIN_DECIMAL.test(value.trim())) {
    throw new RangeError(`Not a decimal money value: ${JSON.stringify(value)}`);
  }
  return new MoneyDecimal(value.trim());
}

export function isPlainDecimal(value: string): boolean {
  return typeof value === 'string' && PLAIN_DECIMAL.test(value.trim());
}
