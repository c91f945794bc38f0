import type { QualitativeBand, QualitativeBandCode } from '@jxt/contracts';
import type { FieldChange } from '../form-diff';
import { isPlainDecimal, MoneyDecimal as D } from '../money/money-decimal';
import { shareToPercent } from '../scoring/shares';

/** The fields of a 自评表 the unit edits, by indicator name (for the history of each save). */
export interface EditableEvaluation {
  annualBudget: string | null;
  executedAmount: string | null;
  actualGoal: string | null;
  indicators: {
    id: string;
    name: string;
    actualValue: string | null;
    selfShare: string | null;
    /** 完成档次 picked (absent in callers that do not keep it). */
    selfBand?: QualitativeBandCode | null;
    deviationReason: string | null;
  }[];
}

const sameText = (a: string | null, b: string | null) => (a ?? '').trim() === (b ?? '').trim();
/** Numbers as stored and as sent differ in form only: `1.0000` (numeric(5,4)) is `1`, `200000.00` is `200000`. */
const sameNumber = (a: string | null, b: string | null) =>
  a !== null && b !== null && isPlainDecimal(a) && isPlainDecimal(b)
    ? new D(a.trim()).equals(b.trim())
    : sameText(a, b);

/**
 * What a save changed, field by field with old and new values, in the words of the printed table: shares in
 * percent, bands by their label (`bands`: the policy's; the code when absent). A row saved unchanged records nothing.
 */
export function diffEvaluations(
  before: EditableEvaluation,
  after: EditableEvaluation,
  bands: readonly Pick<QualitativeBand, 'code' | 'label'>[] = [],
): FieldChange[] {
  const changes: FieldChange[] = [];
  const push = (
    field: string,
    label: string,
    a: string | null,
    b: string | null,
    same = sameText,
    show = (v: string | null) => v,
  ) => {
    if (!same(a, b)) changes.push({ field, label, before: show(a), after: show(b) });
  };
  const percent = (share: string | null) => (share === null ? null : `${shareToPercent(share) ?? share}%`);
  const bandLabel = (code: string | null) =>
    code === null ? null : (bands.find((b) => b.code === code)?.label ?? code);
  push('funds.annualBudget', '全年预算数', before.annualBudget, after.annualBudget, sameNumber);
  push('funds.executedAmount', '全年执行数', before.executedAmount, after.executedAmount, sameNumber);
  push('actualGoal', '实际完成情况', before.actualGoal, after.actualGoal);
  const previous = new Map(before.indicators.map((i) => [i.id, i]));
  after.indicators.forEach((indicator, index) => {
    const old = previous.get(indicator.id);
    if (!old) return;
    push(`indicators.${index}.actualValue`, `实际完成值：${indicator.name}`, old.actualValue, indicator.actualValue);
    push(
      `indicators.${index}.selfBand`,
      `完成档次：${indicator.name}`,
      old.selfBand ?? null,
      indicator.selfBand ?? null,
      sameText,
      bandLabel,
    );
    push(
      `indicators.${index}.selfShare`,
      `自评得分比例：${indicator.name}`,
      old.selfShare,
      indicator.selfShare,
      sameNumber,
      percent,
    );
    push(
      `indicators.${index}.deviationReason`,
      `偏差原因：${indicator.name}`,
      old.deviationReason,
      indicator.deviationReason,
    );
  });
  return changes;
}
