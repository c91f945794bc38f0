import type { FieldChange } from '../form-diff';

/** The fields of a 自评表 the unit edits, by indicator name (for the history of each save). */
export interface EditableEvaluation {
  annualBudget: string | null;
  executedAmount: string | null;
  actualGoal: string | null;
  indicators: { id: string; name: string; actualValue: string | null; selfShare: string | null; deviationReason: string | null }[];
}

const same = (a: string | null, b: string | null) => (a ?? '').trim() === (b ?? '').trim();

/** What a save changed, field by field with old and new values, in the words of the printed table. */
export function diffEvaluations(before: EditableEvaluation, after: EditableEvaluation): FieldChange[] {
  const changes: FieldChange[] = [];
  const push = (field: string, label: string, a: string | null, b: string | null) => {
    if (!same(a, b)) changes.push({ field, label, before: a, after: b });
  };
  push('funds.annualBudget', '全年预算数', before.annualBudget, after.annualBudget);
  push('funds.executedAmount', '全年执行数', before.executedAmount, after.executedAmount);
  push('actualGoal', '实际完成情况', before.actualGoal, after.actualGoal);
  const previous = new Map(before.indicators.map((i) => [i.id, i]));
  after.indicators.forEach((indicator, index) => {
    const old = previous.get(indicator.id);
    if (!old) return;
    push(`indicators.${index}.actualValue`, `实际完成值：${indicator.name}`, old.actualValue, indicator.actualValue);
    push(`indicators.${index}.selfShare`, `自评得分比例：${indicator.name}`, old.selfShare, indicator.selfShare);
    push(`indicators.${index}.deviationReason`, `偏差原因：${indicator.name}`, old.deviationReason, indicator.deviationReason);
  });
  return changes;
}
