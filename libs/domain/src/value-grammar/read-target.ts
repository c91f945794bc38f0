import type { ParsedTarget, TargetReading } from '@jxt/contracts';
import { isBlank, removeWhitespace, toHalfWidth } from '../text/normalize-width';
import { LEADING_NUMBER, normaliseDecimal } from './decimal-text';
import { TARGET_ERRORS, TARGET_WARNINGS, type TargetProblem } from './messages';
import { combineOperators, foldOperatorSymbols, splitInclusivity, splitPrefix, splitSuffix } from './operators';
import { isQualitativeWord } from './qualitative-vocabulary';
import { isTimeTarget, isYearNumber } from './time-target';
import { canonicalUnit } from './units';

/**
 * Reads a 年度指标值 as typed into a typed target (docs/domain.md §3.1). Never throws, never changes the text:
 * - a quantity (`≥90%`, `不超过30天`, `4小时内`), 是/否, a word of the qualitative vocabulary, a time target
 *   (`2022年底前`) are read without a warning;
 * - text that starts like a quantity but is not one (`≥abc%`, `≤%`, `≥ 98 %%`, `80-90%`) is `invalid`, kept as
 *   typed, with the reason: it blocks 提交;
 * - any other text is kept, exactly as written, as qualitative text with a warning.
 */
export function readTarget(raw: string): TargetReading {
  if (typeof raw !== 'string' || isBlank(raw)) {
    return { target: { kind: 'empty' }, warning: TARGET_WARNINGS.empty };
  }
  const text = foldOperatorSymbols(removeWhitespace(toHalfWidth(raw)));

  if (text === '是') return { target: { kind: 'boolean', value: true }, warning: null };
  if (text === '否') return { target: { kind: 'boolean', value: false }, warning: null };
  if (isQualitativeWord(text) || isTimeTarget(text)) return { target: { kind: 'qualitative', text }, warning: null };

  const quantitative = readQuantitative(text);
  if (quantitative.ok) return { target: quantitative.target, warning: null };
  if (startsLikeQuantity(text, quantitative.problem)) {
    return { target: { kind: 'invalid', text: raw }, warning: TARGET_ERRORS[quantitative.problem] };
  }
  return { target: { kind: 'qualitative', text: raw }, warning: TARGET_WARNINGS.unrecognised };
}

type QuantityReading = { ok: true; target: ParsedTarget } | { ok: false; problem: TargetProblem };

/** A number whose `,` groups are not thousands (`1,00`, `12,34`, `1,0000`). */
const NUMBER_WITH_COMMAS = /^[+-]?\d[\d,]*\d/;
/** After a number: a second number, making a range (`80-90%`, `3至5次`). */
const RANGE_REST = /^(?:[-~—–至到])[+-]?\d/;

/** `[prefix] number [unit] [suffix] [（含）]`, e.g. `≥90%`, `不超过30天`, `4小时内`, `1,000个`; or why not. */
function readQuantitative(text: string): QuantityReading {
  const fail = (problem: TargetProblem): QuantityReading => ({ ok: false, problem });
  const inclusivity = splitInclusivity(text);
  const prefix = splitPrefix(inclusivity.rest);
  const number = LEADING_NUMBER.exec(prefix.rest);
  if (!number) return fail('noNumber');
  const commas = NUMBER_WITH_COMMAS.exec(prefix.rest);
  if (commas && commas[0].includes(',') && commas[0].length > number[0].replace(/\.\d+$/, '').length)
    return fail('badNumber');
  const afterNumber = prefix.rest.slice(number[0].length);
  if (RANGE_REST.test(afterNumber)) return fail('range');
  const suffix = splitSuffix(afterNumber);
  const written = combineOperators(prefix.operator, suffix.operator);
  const operator = written === undefined ? undefined : inclusivity.apply(written);
  if (operator === undefined) return fail('contradictory');
  if (isYearNumber(number[0], suffix.rest)) return fail('yearNotQuantity');
  const unit = canonicalUnit(suffix.rest);
  if (unit === undefined) return fail('badUnit');
  return { ok: true, target: { kind: 'quantitative', operator, value: normaliseDecimal(number[0]), unit } };
}

/**
 * Whether text that is not a quantity was nevertheless written as one, so that reading it as qualitative would
 * hide a typing error: it starts with a comparison sign (`≥`, `<`, `=` …), or its number (after an operator word
 * such as 不低于) is followed by nothing but symbols (`98%%`), is malformed (`1,00个`) or opens a range (`3-5次`).
 * A number followed by words stays qualitative with a warning (`90%左右`, `7×24小时`, `2022年完成10个`).
 */
function startsLikeQuantity(text: string, problem: TargetProblem): boolean {
  if (/^[≥≤<>=]/.test(text)) return true;
  const rest = splitPrefix(text).rest;
  if (!/^[+-]?\d/.test(rest)) return false;
  return problem === 'badNumber' || problem === 'range' || !/[\p{Script=Han}A-Za-z]/u.test(rest);
}
