import type { Money } from '@jxt/contracts';
import { isPlainDecimal } from './money-decimal';

/** Text in an amount input and where the caret is in it. */
export interface MoneyInputState {
  text: string;
  caret: number;
}

/** How the text came about, when the last keystroke deleted something: the text before it, and which way it deleted. */
export interface MoneyInputDeletion {
  previous: string;
  direction: 'backward' | 'forward';
}

/** An amount being typed: ASCII digits with commas anywhere, then at most one point and digits. */
const AMOUNT_IN_THE_MAKING = /^([0-9,]*)(\.[0-9]*)?$/;

/**
 * Thousands separators while a person types an amount of yuan: the integer part of what is typed is
 * regrouped (`1234567.8` → `1,234,567.8`), the caret stays after the same digit, the decimals are kept
 * exactly as typed. Pure text work, never a number: `parseMoney` reads the result as it read the input.
 *
 * Text that is not an amount in the making (letters, a minus, full-width digits, spaces, leading
 * zeros) is returned as typed, for the checks to name. When the keystroke deleted only a separator
 * (`deletion` tells which), the digit on that side goes with it, else the comma would come straight back.
 */
export function groupMoneyInput(
  text: string,
  caret: number = text.length,
  deletion?: MoneyInputDeletion,
): MoneyInputState {
  let typed = text;
  let at = Math.max(0, Math.min(caret, text.length));
  if (deletion && deletedSeparatorAt(deletion.previous, typed, at)) {
    const digitAt = deletion.direction === 'backward' ? at - 1 : at;
    if (/[0-9]/.test(typed.charAt(digitAt))) {
      typed = typed.slice(0, digitAt) + typed.slice(digitAt + 1);
      if (deletion.direction === 'backward') at -= 1;
    }
  }

  const match = AMOUNT_IN_THE_MAKING.exec(typed);
  const integerDigits = match ? match[1].replace(/,/g, '') : '';
  if (!match || (integerDigits.length > 1 && integerDigits.startsWith('0'))) {
    return typed === text ? { text, caret } : { text: typed, caret: at };
  }

  const grouped = integerDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (match[2] ?? '');
  // The caret goes after as many digits (and points) as stood before it.
  const before = typed.slice(0, at).replace(/,/g, '').length;
  return { text: grouped, caret: positionAfter(grouped, before) };
}

/** A stored amount (`"18963662.79"`) as an amount input opens it: grouped, decimals as stored; blank for null. */
export function moneyForInput(value: Money | null | undefined): string {
  if (value == null || value.trim() === '') return '';
  return isPlainDecimal(value) && !value.trim().startsWith('-') ? groupMoneyInput(value.trim()).text : value;
}

/** True when `next` is `previous` without the comma that stood at `index`. */
function deletedSeparatorAt(previous: string, next: string, index: number): boolean {
  return (
    previous.length === next.length + 1 &&
    previous.charAt(index) === ',' &&
    previous.slice(0, index) + previous.slice(index + 1) === next
  );
}

/** The index just after the `count`-th character that is not a comma (0 for none). */
function positionAfter(text: string, count: number): number {
  if (count <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== ',') seen += 1;
    if (seen === count) return i + 1;
  }
  return text.length;
}
