import { MoneyDecimal as D } from '../money/money-decimal';

/**
 * Exact conversions between units of the same quantity, to the first unit of each group's base.
 * Anything not listed converts only to itself; a value in an unrelated unit is refused.
 */
const FACTORS: Readonly<Record<string, { base: string; factor: string }>> = {
  元: { base: '元', factor: '1' },
  万元: { base: '元', factor: '10000' },
  亿元: { base: '元', factor: '100000000' },
  '%': { base: '%', factor: '1' },
  百分比: { base: '%', factor: '1' },
  '‰': { base: '%', factor: '0.1' },
  天: { base: '天', factor: '1' },
  日: { base: '天', factor: '1' },
  工作日: { base: '工作日', factor: '1' },
  小时: { base: '小时', factor: '1' },
  个月: { base: '月', factor: '1' },
  月: { base: '月', factor: '1' },
  年: { base: '月', factor: '12' },
};

export type ConversionResult = { ok: true; value: string } | { ok: false; message: string };

/**
 * `value` written in `from`, expressed in `to`; any pair of different quantities (次 vs 个, 元 vs %) is refused.
 */
export function convertUnit(value: string, from: string | null, to: string | null): ConversionResult {
  if ((from ?? '') === (to ?? '')) return { ok: true, value };
  if (from === null || to === null) {
    return { ok: false, message: `实际完成值的单位（${from ?? '无'}）与年度指标值的单位（${to ?? '无'}）不一致` };
  }
  const a = FACTORS[from];
  const b = FACTORS[to];
  if (!a || !b || a.base !== b.base)
    return { ok: false, message: `“${from}”不能换算为“${to}”，请按年度指标值的单位（${to}）填写` };
  return { ok: true, value: new D(value).times(a.factor).dividedBy(b.factor).toString() };
}
