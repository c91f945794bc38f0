import type { IndicatorSets, IndicatorSetsInput } from '@jxt/contracts';

/** What an indicator may carry besides its name and value; a sheet without such a column leaves it undefined. */
const OPTIONAL_FIELDS = ['weight', 'scoringNotes', 'explanation', 'remark', 'nature', 'measureUnit'] as const;

/**
 * An imported draft's indicators with the ids of the ones the draft already has (same set, 一级, 二级 and name, in
 * order), so the update keeps their identity and the form's history lists only what the workbook changed; a field
 * the sheet does not carry (undefined) keeps the draft's value. The others are new (no id).
 */
export function keepIndicatorIds(imported: IndicatorSetsInput, current: IndicatorSets): IndicatorSetsInput {
  const key = (set: string, level1: string, level2: string, name: string) =>
    `${set}|${level1}|${level2}|${name.trim()}`;
  const existing = new Map<string, IndicatorSets['year'][number]['children'][number]['indicators']>();
  for (const set of ['year', 'longTerm'] as const)
    for (const g1 of current[set] ?? [])
      for (const g2 of g1.children)
        for (const indicator of g2.indicators) {
          const k = key(set, g1.code, g2.code, indicator.name);
          existing.set(k, [...(existing.get(k) ?? []), indicator]);
        }
  const withIds = (set: 'year' | 'longTerm', groups: IndicatorSetsInput['year']) =>
    groups.map((g1) => ({
      ...g1,
      children: g1.children.map((g2) => ({
        ...g2,
        indicators: g2.indicators.map((indicator) => {
          const match = existing.get(key(set, g1.code, g2.code, indicator.name))?.shift();
          if (!match) return indicator;
          const kept = Object.fromEntries(
            OPTIONAL_FIELDS.filter((field) => indicator[field] === undefined).map((field) => [field, match[field]]),
          );
          return { ...kept, ...indicator, id: match.id };
        }),
      })),
    }));
  return {
    year: withIds('year', imported.year),
    longTerm: imported.longTerm ? withIds('longTerm', imported.longTerm) : imported.longTerm,
  };
}
