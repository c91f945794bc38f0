import { FORM_FIELD_LABELS, type FieldIssue, type ProjectHeader } from '@jxt/contracts';
import { isBlank } from '../text/normalize-width';
import { fieldError, fieldWarning, ISSUE_CODES } from './issues';

/** Printed header fields whose blank is a warning, never invented (docs/domain.md §2). */
const WARN_WHEN_BLANK = [
  ['printedDepartment', FORM_FIELD_LABELS.printedDepartment],
  ['printedImplementingUnit', FORM_FIELD_LABELS.printedImplementingUnit],
  ['categoryCode', FORM_FIELD_LABELS.category],
  ['plannedStart', FORM_FIELD_LABELS.plannedStart],
  ['plannedEnd', FORM_FIELD_LABELS.plannedEnd],
] as const satisfies ReadonlyArray<readonly [keyof ProjectHeader, string]>;

const path = (field: keyof ProjectHeader) => `project.${field}`;

/** Checks the header of the 绩效目标填报表: 项目名称 is required, other printed fields warn when blank. */
export function checkHeader(header: ProjectHeader): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (isBlank(header.name)) {
    issues.push(fieldError(path('name'), ISSUE_CODES.projectNameBlank, `${FORM_FIELD_LABELS.projectName}未填写`));
  }
  for (const [field, label] of WARN_WHEN_BLANK) {
    if (isBlank(header[field])) issues.push(fieldWarning(path(field), ISSUE_CODES.projectFieldBlank, `${label}未填写`));
  }

  const start = readDate(header.plannedStart, 'plannedStart', FORM_FIELD_LABELS.plannedStart, issues);
  const end = readDate(header.plannedEnd, 'plannedEnd', FORM_FIELD_LABELS.plannedEnd, issues);
  // ISO dates (YYYY-MM-DD) compare correctly as text.
  if (start && end && end < start) {
    issues.push(
      fieldError(
        path('plannedEnd'),
        ISSUE_CODES.projectEndBeforeStart,
        `${FORM_FIELD_LABELS.plannedEnd}（${end}）早于${FORM_FIELD_LABELS.plannedStart}（${start}）`,
      ),
    );
  }
  return issues;
}

/** The YYYY-MM-DD part of an ISO date or timestamp, or null (blank, or invalid with an error pushed). */
function readDate(
  value: string | null,
  field: 'plannedStart' | 'plannedEnd',
  label: string,
  issues: FieldIssue[],
): string | null {
  if (value == null || isBlank(value)) return null;
  const text = value.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$/.exec(text);
  if (match && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    return `${match[1]}-${match[2]}-${match[3]}`;
  }
  issues.push(
    fieldError(path(field), ISSUE_CODES.projectDateInvalid, `${label}“${text}”不是有效日期，应为 YYYY-MM-DD`),
  );
  return null;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}
