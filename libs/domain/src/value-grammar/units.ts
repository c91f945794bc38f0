/** Spellings of one unit that mean the same; the right side is the canonical unit stored. */
const UNIT_ALIASES: Readonly<Record<string, string>> = {
  百分比: '%',
  百分之: '%',
  '%': '%',
  '‰': '‰',
  千分比: '‰',
};

/**
 * Characters that never belong to a unit: they mark a range, a date, an approximation or a
 * phrase (`90%左右`, `6月底前`, `100余个`). A value whose rest contains one is not read as a number.
 */
const NOT_IN_UNIT = /[左右约前后底末初起止及或以内上下余多少到至不未无是否于达完成]/u;

const UNIT_SHAPE = /^(?:%|‰|[\p{Script=Han}A-Za-z/²³℃°·]{1,8})$/u;

/**
 * The canonical unit for the text after the number, `null` when nothing was written,
 * `undefined` when the text does not look like a unit at all.
 */
export function canonicalUnit(text: string): string | null | undefined {
  if (text === '') return null;
  const alias = UNIT_ALIASES[text];
  if (alias !== undefined) return alias;
  if (!UNIT_SHAPE.test(text) || NOT_IN_UNIT.test(text)) return undefined;
  return text;
}
