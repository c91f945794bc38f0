import type { Money } from '@jxt/contracts';
import { MoneyDecimal, toMoneyDecimal } from './money-decimal';

/** Exact sum of amounts, blanks counted as 0, as a two-decimal string. Throws a RangeError on a non-number. */
export function addMoney(...values: ReadonlyArray<Money | null | undefined>): Money {
  return values
    .reduce<MoneyDecimal>(
      (sum, value) => (value == null || value === '' ? sum : sum.plus(toMoneyDecimal(value))),
      new MoneyDecimal(0),
    )
    .toFixed(2);
}

/** a − b, two decimals. */
export function subtractMoney(a: Money, b: Money): Money {
  return toMoneyDecimal(a).minus(toMoneyDecimal(b)).toFixed(2);
}

/** −1, 0 or 1 as a is less than, equal to or greater than b (`"100"` equals `"100.00"`). */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  return toMoneyDecimal(a).comparedTo(toMoneyDecimal(b)) as -1 | 0 | 1;
}
