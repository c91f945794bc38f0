import { FORM_FIELD_LABELS, type FieldIssue, type GoalFormContent, type ProjectHeader } from '@jxt/contracts';
import { fieldError, fieldWarning, ISSUE_CODES } from './issues';

/** The years a 项目总目标 period may name: the range the API accepts for a form's year. */
export const GOAL_PERIOD_YEARS = { min: 2000, max: 2100 } as const;

export type GoalPeriod = Pick<GoalFormContent, 'goalPeriodStart' | 'goalPeriodEnd'>;

const FIELDS = ['goalPeriodStart', 'goalPeriodEnd'] as const;

/** A whole year in the accepted range. */
export function isGoalPeriodYear(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= GOAL_PERIOD_YEARS.min &&
    value <= GOAL_PERIOD_YEARS.max
  );
}

/**
 * What is wrong with the years themselves, whatever the form's year: a year outside the range, or an
 * end before the start (said only when both years are in range). What the API refuses.
 */
export function goalPeriodErrors(period: GoalPeriod): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const field of FIELDS) {
    const value = period[field];
    if (value !== null && value !== undefined && !isGoalPeriodYear(value)) {
      issues.push(
        fieldError(
          field,
          ISSUE_CODES.goalPeriodInvalid,
          `${FORM_FIELD_LABELS[field]}应在 ${GOAL_PERIOD_YEARS.min}–${GOAL_PERIOD_YEARS.max} 年之间`,
        ),
      );
    }
  }
  const { goalPeriodStart: start, goalPeriodEnd: end } = period;
  if (issues.length === 0 && isGoalPeriodYear(start) && isGoalPeriodYear(end) && end < start) {
    issues.push(
      fieldError(
        'goalPeriodEnd',
        ISSUE_CODES.goalPeriodEndBeforeStart,
        `${FORM_FIELD_LABELS.goalPeriodEnd}（${end}年）早于起始年度（${start}年）`,
      ),
    );
  }
  return issues;
}

/**
 * The years printed under 项目总目标, `（2021 年- 2021年）`: the errors of `goalPeriodErrors`; a blank
 * year, or a period that leaves out the form's own year, is a warning.
 */
export function checkGoalPeriod(period: GoalPeriod, formYear: number): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const field of FIELDS) {
    if (period[field] === null || period[field] === undefined) {
      issues.push(fieldWarning(field, ISSUE_CODES.goalPeriodBlank, `${FORM_FIELD_LABELS[field]}未填写`));
    }
  }
  const errors = goalPeriodErrors(period);
  if (issues.length > 0 || errors.length > 0) return [...issues, ...errors];

  const start = period.goalPeriodStart!;
  const end = period.goalPeriodEnd!;
  if (formYear < start || formYear > end) {
    const field = formYear < start ? 'goalPeriodStart' : 'goalPeriodEnd';
    issues.push(
      fieldWarning(
        field,
        ISSUE_CODES.goalPeriodExcludesYear,
        `${FORM_FIELD_LABELS.totalGoal}的期间（${start}年-${end}年）不含本表年度 ${formYear}年`,
      ),
    );
  }
  return issues;
}

/**
 * The period to propose for a form that has none: the years of the planned dates, widened to
 * contain the form's own year (a date missing or unreadable counts as that year).
 */
export function proposeGoalPeriod(
  formYear: number,
  planned: Pick<ProjectHeader, 'plannedStart' | 'plannedEnd'>,
): { goalPeriodStart: number; goalPeriodEnd: number } {
  const clamp = (year: number) => Math.min(GOAL_PERIOD_YEARS.max, Math.max(GOAL_PERIOD_YEARS.min, year));
  const start = yearOf(planned.plannedStart) ?? formYear;
  const end = yearOf(planned.plannedEnd) ?? formYear;
  return { goalPeriodStart: clamp(Math.min(start, formYear)), goalPeriodEnd: clamp(Math.max(end, formYear)) };
}

function yearOf(date: string | null): number | null {
  const match = date ? /^(\d{4})-\d{2}-\d{2}/.exec(date.trim()) : null;
  return match ? Number(match[1]) : null;
}
