import type { ParsedTarget, TargetReading } from '@jxt/contracts';
import { isBlank, removeWhitespace, toHalfWidth } from '../text/normalize-width';
import { LEADING_NUMBER, normaliseDecimal } from './decimal-text';
import { TARGET_WARNINGS } from './messages';
import { combineOperators, foldOperatorSymbols, splitInclusivity, splitPrefix, splitSuffix } from './operators';
import { isQualitativeWord } from './qualitative-vocabulary';
import { canonicalUnit } from './units';

/**
 * Reads a 年度指标值 as typed into a typed target (domain.md §3). Never throws, never changes the
 * text: a value that fits no rule is kept, exactly as written, as qualitative text with a warning.
 */
export function readTarget(raw: string): TargetReading {
  if (typeof raw !== 'string' || isBlank(raw)) {
    return { target: { kind: 'empty' }, warning: TARGET_WARNINGS.empty };
  }
  const text = foldOperatorSymbols(removeWhitespace(toHalfWidth(raw)));

  if (text === '是') return { target: { kind: 'boolean', value: true }, warning: null };
  if (text === '否') return { target: { kind: 'boolean', value: false }, warning: null };
  if (isQualitativeWord(text)) return { target: { kind: 'qualitative', text }, warning: null };

  const quantitative = readQuantitative(text);
  if (quantitative) return { target: quantitative, warning: null };

  return { target: { kind: 'qualitative', text: raw }, warning: TARGET_WARNINGS.unrecognised };
}

/** `[prefix] number [unit] [suffix] [（含）]`, e.g. `≥90%`, `不超过30天`, `4小时内`, `1,000个`. */
function readQuantitative(text: string): ParsedTarget | null {
  const inclusivity = splitInclusivity(text);
  const prefix = splitPrefix(inclusivity.rest);
  const number = LEADING_NUMBER.exec(prefix.rest);
  if (!number) return null;
  const suffix = splitSuffix(prefix.rest.slice(number[0].length));
  const written = combineOperators(prefix.operator, suffix.operator);
  const operator = written === undefined ? undefined : inclusivity.apply(written);
  if (operator === undefined) return null;
  const unit = canonicalUnit(suffix.rest);
  if (unit === undefined) return null;
  return { kind: 'quantitative', operator, value: normaliseDecimal(number[0]), unit };
}
