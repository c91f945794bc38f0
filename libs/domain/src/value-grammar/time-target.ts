/**
 * A date written as a date: `2022年`, `2022年12月`, `6月`, `12月31日`, `2022-12-31`, `2022.12`, `3季度` (a day
 * alone is not one: `5日内` is a duration). Years are 1900–2099.
 */
const CHINESE_DATE = /^(?:(?:19|20)\d{2}年)?(?:(?:0?[1-9]|1[0-2])月份?)?(?:(?:0?[1-9]|[12]\d|3[01])[日号])?/;
const NUMERIC_DATE = /^(?:19|20)\d{2}[-./](?:0?[1-9]|1[0-2])(?:[-./](?:0?[1-9]|[12]\d|3[01]))?(?!\d)/;
const QUARTER = /^(?:(?:19|20)\d{2}年)?[1-4]季度/;

/** What may follow the date of a deadline: words only (`底前`, `内完成`, `年底前`, `前上线`), no number. */
const DEADLINE_TAIL = /^\p{Script=Han}*$/u;

/** The date a text starts with, or null: `2022年` of `2022年底前`, `6月` of `6月底前`. */
export function leadingDate(text: string): string | null {
  for (const pattern of [NUMERIC_DATE, QUARTER]) {
    const match = pattern.exec(text);
    if (match) return match[0];
  }
  const match = CHINESE_DATE.exec(text);
  return match && /[年月]/.test(match[0]) ? match[0] : null;
}

/**
 * A time target (时效指标): a date followed by words, e.g. `2022年底前`, `2023年内完成`, `2022年12月底前`, `6月底前`,
 * `2022-12-31前`. Read as qualitative text, never as a number with the unit `年…` (issue 9). The text given is
 * already width-folded and without whitespace.
 */
export function isTimeTarget(text: string): boolean {
  const date = leadingDate(text);
  return date !== null && DEADLINE_TAIL.test(text.slice(date.length));
}

/** A 4-digit year directly followed by 年: what a number must not be read as (`≥2022年` is no quantity of years). */
export function isYearNumber(number: string, rest: string): boolean {
  return /^(?:19|20)\d{2}$/.test(number) && rest.startsWith('年');
}
