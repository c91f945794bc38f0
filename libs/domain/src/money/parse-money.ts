import type { Money } from '@jxt/contracts';
import { toHalfWidth } from '../text/normalize-width';
import { MoneyDecimal } from './money-decimal';

/** numeric(18,2): at most 16 digits before the point. */
export const MONEY_MAX_INTEGER_DIGITS = 16;

export type MoneyParseResult = { ok: true; value: Money } | { ok: false; message: string };

const MONEY_SHAPE = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * Reads an amount of yuan as a person types it (`213500`, `1,450,000.00`, full-width digits,
 * spaces around) into a two-decimal string (`"213500.00"`). `label` names the field in messages.
 */
export function parseMoney(text: string, label = '金额'): MoneyParseResult {
  const trimmed = toHalfWidth(typeof text === 'string' ? text : '')
    .replace(/，/g, ',')
    .replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, '');
  if (trimmed === '') return { ok: false, message: `${label}未填写` };
  if (/^[-−]/.test(trimmed)) return { ok: false, message: `${label}不能为负数` };

  const match = MONEY_SHAPE.exec(trimmed);
  if (!match) return { ok: false, message: `${label}应为金额数字（如 1,450,000.00），不能是“${trimmed}”` };
  const [, integerPart, decimals] = match;
  if (decimals !== undefined && decimals.length > 2) {
    return { ok: false, message: `${label}最多保留两位小数（分）` };
  }
  const integerDigits = integerPart.replace(/,/g, '').replace(/^0+(?=\d)/, '');
  if (integerDigits.length > MONEY_MAX_INTEGER_DIGITS) {
    return { ok: false, message: `${label}超出范围：整数部分最多 ${MONEY_MAX_INTEGER_DIGITS} 位` };
  }
  const value = new MoneyDecimal(`${integerDigits}${decimals ? `.${decimals}` : ''}`);
  return { ok: true, value: value.toFixed(2) };
}

/** An amount to store: the two-decimal string, or null when blank or unreadable (validation has named those). */
export function moneyOrNull(text: string | null | undefined): Money | null {
  if (!text?.trim()) return null;
  const parsed = parseMoney(text);
  return parsed.ok ? parsed.value : null;
}

/** An amount as a request carries it: the two-decimal string when it reads, else the text as typed (the server names it). */
export function amountForRequest(typed: string): string | null {
  if (typed.trim() === '') return null;
  const parsed = parseMoney(typed);
  return parsed.ok ? parsed.value : typed;
}
