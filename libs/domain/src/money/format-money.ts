import type { Money } from '@jxt/contracts';
import { isPlainDecimal, MoneyDecimal, toMoneyDecimal } from './money-decimal';

/**
 * 元 with thousands separators and two decimals: `"18963662.79"` → `"18,963,662.79"`.
 * For display only: a value that is not a plain decimal is returned unchanged rather than throwing.
 */
export function formatYuan(value: Money): string {
  if (!isPlainDecimal(value)) return value;
  const fixed = toMoneyDecimal(value).toFixed(2);
  const negative = fixed.startsWith('-');
  const [integerPart, decimals] = (negative ? fixed.slice(1) : fixed).split('.');
  const grouped = integerPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}.${decimals}`;
}

/** 元 → 万元, rounded half-up to two decimals (docs/domain.md §6): `"18963662.79"` → `"1896.37"`. */
export function toWanYuan(value: Money): string {
  return toMoneyDecimal(value).div(10000).toDecimalPlaces(2, MoneyDecimal.ROUND_HALF_UP).toFixed(2);
}
