import { INDICATOR_SETS, type FieldError, type IndicatorSetsInput, type TaxonomyNode } from '@jxt/contracts';

/**
 * A retired 一级/二级指标 (停用, docs/domain.md §3) stays in the forms that already use it, but no form takes it up
 * anew: each group of the saved tree whose code is retired and that the stored form did not have is refused at the
 * group's code.
 */
export function newlyUsedRetiredNodes(
  sets: IndicatorSetsInput,
  stored: readonly { level1Code: string; level2Code: string }[],
  taxonomy: readonly TaxonomyNode[],
): FieldError[] {
  const retired = new Map(taxonomy.filter((n) => n.retired).map((n) => [n.code, n]));
  if (retired.size === 0) return [];
  const used = new Set(stored.flatMap((row) => [row.level1Code, row.level2Code]));
  const fields: FieldError[] = [];
  const check = (code: string, field: string) => {
    const node = retired.get(code);
    if (node && !used.has(code))
      fields.push({ field, message: `${node.level === 1 ? '一级' : '二级'}指标“${node.label}”已停用，不能新增` });
  };
  for (const set of INDICATOR_SETS)
    (sets[set] ?? []).forEach((level1, i) => {
      check(level1.code, `indicators.${set}.${i}.code`);
      level1.children.forEach((level2, j) => check(level2.code, `indicators.${set}.${i}.children.${j}.code`));
    });
  return fields;
}
