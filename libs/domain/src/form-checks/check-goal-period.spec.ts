import { checkGoalPeriod, GOAL_PERIOD_YEARS, proposeGoalPeriod } from './check-goal-period';
import { ISSUE_CODES } from './issues';

describe('checkGoalPeriod', () => {
  it('accepts the seed forms’ （2021 年- 2021年） on the 2021 form, and a period over several years around it', () => {
    expect(checkGoalPeriod({ goalPeriodStart: 2021, goalPeriodEnd: 2021 }, 2021)).toEqual([]);
    expect(checkGoalPeriod({ goalPeriodStart: 2020, goalPeriodEnd: 2023 }, 2021)).toEqual([]);
  });

  it('refuses an end before the start, on the end year', () => {
    expect(checkGoalPeriod({ goalPeriodStart: 2022, goalPeriodEnd: 2021 }, 2021)).toEqual([
      {
        field: 'goalPeriodEnd',
        severity: 'error',
        code: ISSUE_CODES.goalPeriodEndBeforeStart,
        message: '项目总目标终止年度（2021年）早于起始年度（2022年）',
      },
    ]);
  });

  it.each([
    [{ goalPeriodStart: 1999, goalPeriodEnd: 2021 }, 'goalPeriodStart', '项目总目标起始年度应在 2000–2100 年之间'],
    [{ goalPeriodStart: 2021, goalPeriodEnd: 21000 }, 'goalPeriodEnd', '项目总目标终止年度应在 2000–2100 年之间'],
    [{ goalPeriodStart: 2021.5, goalPeriodEnd: 2022 }, 'goalPeriodStart', '项目总目标起始年度应在 2000–2100 年之间'],
  ])('refuses a year outside %j', (period, field, message) => {
    expect(checkGoalPeriod(period, 2021)).toEqual([
      { field, severity: 'error', code: ISSUE_CODES.goalPeriodInvalid, message },
    ]);
  });

  it('the range is the one the API accepts for a form’s year', () => {
    expect(GOAL_PERIOD_YEARS).toEqual({ min: 2000, max: 2100 });
  });

  it('warns when a year is blank (the sheet would print “（ 年- 年）”)', () => {
    expect(checkGoalPeriod({ goalPeriodStart: null, goalPeriodEnd: 2021 }, 2021)).toEqual([
      {
        field: 'goalPeriodStart',
        severity: 'warning',
        code: ISSUE_CODES.goalPeriodBlank,
        message: '项目总目标起始年度未填写',
      },
    ]);
    expect(checkGoalPeriod({ goalPeriodStart: null, goalPeriodEnd: null }, 2021).map((issue) => issue.field)).toEqual([
      'goalPeriodStart',
      'goalPeriodEnd',
    ]);
  });

  it('warns when the period leaves out the form’s own year (a carried-forward form kept last year’s)', () => {
    expect(checkGoalPeriod({ goalPeriodStart: 2021, goalPeriodEnd: 2021 }, 2022)).toEqual([
      {
        field: 'goalPeriodEnd',
        severity: 'warning',
        code: ISSUE_CODES.goalPeriodExcludesYear,
        message: '项目总目标的期间（2021年-2021年）不含本表年度 2022年',
      },
    ]);
    expect(checkGoalPeriod({ goalPeriodStart: 2023, goalPeriodEnd: 2024 }, 2022)[0]).toMatchObject({
      field: 'goalPeriodStart',
      severity: 'warning',
    });
  });
});

describe('proposeGoalPeriod', () => {
  it('takes the years of the planned dates (seed form 3 runs 2021-01-01 to 2022-12-31)', () => {
    expect(proposeGoalPeriod(2021, { plannedStart: '2021-01-01', plannedEnd: '2022-12-31' })).toEqual({
      goalPeriodStart: 2021,
      goalPeriodEnd: 2022,
    });
  });

  it('falls back to the form’s year for a missing or unreadable date', () => {
    expect(proposeGoalPeriod(2022, { plannedStart: null, plannedEnd: null })).toEqual({
      goalPeriodStart: 2022,
      goalPeriodEnd: 2022,
    });
    expect(proposeGoalPeriod(2022, { plannedStart: '2021-03-01', plannedEnd: 'bald' })).toEqual({
      goalPeriodStart: 2021,
      goalPeriodEnd: 2022,
    });
  });

  it('always proposes a period that contains the form’s year and passes the check', () => {
    const proposals = [
      proposeGoalPeriod(2022, { plannedStart: '2023-01-01', plannedEnd: '2024-12-31' }),
      proposeGoalPeriod(2022, { plannedStart: '2019-01-01', plannedEnd: '2020-12-31' }),
      proposeGoalPeriod(2022, { plannedStart: '2024-01-01', plannedEnd: '2021-12-31' }),
      proposeGoalPeriod(2022, { plannedStart: '1990-01-01', plannedEnd: '2200-12-31' }),
    ];
    for (const proposal of proposals) expect(checkGoalPeriod(proposal, 2022)).toEqual([]);
    expect(proposals[0]).toEqual({ goalPeriodStart: 2022, goalPeriodEnd: 2024 });
    expect(proposals[1]).toEqual({ goalPeriodStart: 2019, goalPeriodEnd: 2022 });
  });
});
