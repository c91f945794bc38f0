import type { YearSummary } from '@jxt/contracts';
import { defaultEvaluationYear, defaultPolicyYear, defaultProjectYear, yearOptions } from './year-rules';
import { yearSummary } from '../../testing/years';

const year = (y: number, over: Partial<YearSummary> = {}): YearSummary =>
  yearSummary(y, { status: null, taxonomy: false, ...over });

describe('year options: the years with data plus the next one', () => {
  it('lists the years with data and the year after the newest, newest first (not 2016–2027 in 2026)', () => {
    expect(yearOptions([year(2022, { projects: 1 }), year(2021, { projects: 3, taxonomy: true })], 2026)).toEqual([
      2023, 2022, 2021,
    ]);
  });
  it('keeps a gap a gap, and adds the year shown', () => {
    expect(yearOptions([year(2021, { projects: 3 }), year(2019, { taxonomy: true })], 2026, 2015)).toEqual([
      2022, 2021, 2019, 2015,
    ]);
  });
  it('offers this year and the next when there is no data yet (or while the years load)', () => {
    expect(yearOptions([], 2026)).toEqual([2027, 2026]);
    expect(yearOptions(undefined, 2026, 2021)).toEqual([2027, 2026, 2021]);
  });
});

describe('default years', () => {
  it('项目列表: the newest year with projects; this year when none', () => {
    expect(
      defaultProjectYear(
        [year(2024, { taxonomy: true }), year(2022, { projects: 1 }), year(2021, { projects: 3 })],
        2026,
      ),
    ).toBe(2022);
    expect(defaultProjectYear([year(2024, { taxonomy: true })], 2026)).toBe(2026);
  });

  it('项目列表 of a unit without projects (a new one): the newest open year, where the district works', () => {
    const district = [
      year(2023, { taxonomy: true }),
      year(2022, { status: 'open', taxonomy: true }),
      year(2021, { status: 'open', taxonomy: true }),
      year(2020, { status: 'closed', taxonomy: true }),
    ];
    expect(defaultProjectYear(district, 2026)).toBe(2022);
    expect(defaultProjectYear([year(2020, { status: 'closed' })], 2026)).toBe(2026);
  });

  it('评分规则: the newest year with a stored version or with forms, not the calendar year', () => {
    expect(defaultPolicyYear([year(2021, { projects: 3, policyVersions: 1 })], 2026)).toBe(2021);
    expect(
      defaultPolicyYear(
        [year(2024, { taxonomy: true }), year(2022, { projects: 1 }), year(2021, { policyVersions: 2 })],
        2026,
      ),
    ).toBe(2022);
    expect(defaultPolicyYear([year(2023, { policyVersions: 1 }), year(2022, { projects: 1 })], 2026)).toBe(2023);
    expect(defaultPolicyYear([], 2026)).toBe(2026);
  });

  it("绩效自评: the newest year with 自评 due or open, so last year's are not hidden behind this year's forms", () => {
    const years = [
      year(2022, { projects: 3 }),
      year(2021, { projects: 3, evaluations: 2, evaluationsOpen: 2 }),
      year(2020, { evaluations: 3, evaluationsOpen: 1 }),
    ];
    expect(defaultEvaluationYear(years, 2026)).toBe(2021);
  });

  it('绩效自评 without anything open: the newest year with 自评表, then the newest with projects, then this year', () => {
    expect(defaultEvaluationYear([year(2022, { projects: 3 }), year(2021, { evaluations: 3 })], 2026)).toBe(2021);
    expect(defaultEvaluationYear([year(2022, { projects: 3 }), year(2021, { projects: 3 })], 2026)).toBe(2022);
    expect(defaultEvaluationYear([], 2026)).toBe(2026);
  });
});
