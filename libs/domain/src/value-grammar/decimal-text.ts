import { Decimal } from 'decimal.js';

/** A number at the start of a text: optional sign, digits with optional `,` thousands groups, optional decimals. */
export const LEADING_NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/;

/**
 * The normalised decimal string of a number as written: no thousands separators, no
 * meaningless zeros (`"099.50"` → `"99.5"`, `"1,000"` → `"1000"`, `"-0"` → `"0"`).
 */
export function normaliseDecimal(text: string): string {
  const value = new Decimal(text.replace(/,/g, ''));
  return value.isZero() ? '0' : value.toFixed();
}
