import type { YearSummary } from '@jxt/contracts';

/**
 * 年度 in the selectors and the year each page opens on, from GET /api/years (the years with data, newest first).
 * Pure, so each rule is tested on its own.
 */

/** The selector's years: every year with data and the one after the newest (forms are filed a year ahead), plus the year shown. */
export function yearOptions(years: readonly YearSummary[] | undefined, now: number, shown?: number): number[] {
  const withData = (years ?? []).map((y) => y.year);
  const options = new Set(withData.length ? [...withData, Math.max(...withData) + 1] : [now, now + 1]);
  if (shown !== undefined) options.add(shown);
  return [...options].sort((a, b) => b - a);
}

const newest = (years: readonly YearSummary[], test: (year: YearSummary) => boolean) =>
  years
    .filter(test)
    .reduce<number | undefined>((found, y) => (found === undefined || y.year > found ? y.year : found), undefined);

/**
 * 项目列表: the newest year with projects; for a unit without any (a new one) the newest open year, where the district
 * works and the unit's first project belongs; this year when no year is open either.
 */
export function defaultProjectYear(years: readonly YearSummary[], now: number): number {
  return newest(years, (y) => y.projects > 0) ?? newest(years, (y) => y.status === 'open') ?? now;
}

/** 评分规则: the newest year with a stored version or with forms (not the calendar year, whose "version 0" is only the default). */
export function defaultPolicyYear(years: readonly YearSummary[], now: number): number {
  return newest(years, (y) => y.policyVersions > 0 || y.projects > 0) ?? now;
}

/**
 * 绩效自评: the newest year with 自评 due or open (approved forms not yet evaluated, 自评表 not final), so last year's
 * are not hidden behind next year's new forms; else the newest year with 自评表; else as 项目列表.
 */
export function defaultEvaluationYear(years: readonly YearSummary[], now: number): number {
  return (
    newest(years, (y) => y.evaluationsOpen > 0) ??
    newest(years, (y) => y.evaluations > 0) ??
    defaultProjectYear(years, now)
  );
}
