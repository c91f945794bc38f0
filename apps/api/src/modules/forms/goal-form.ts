import type { FormFieldChange, GoalForm, SaveFormRequest } from '@jxt/contracts';
import { FUND_FIELDS } from '@jxt/contracts';
import {
  checkForm,
  DEFAULT_QUALITY_POLICY,
  diffForms,
  isLocked,
  moneyOrNull,
  qualityIssues,
  toSaveRequest,
} from '@jxt/domain';
import { blankToNull } from '../../common/validation/blank-to-null';
import type { FormContent, FormRow, QualityCheckInputs } from './form.repository';
import { buildIndicatorSets } from './indicator-tree';

/**
 * The form as the API answers it, from the one row `forms.byId` reads. `withIssues` runs the form checks
 * (docs/domain.md §3) for the `issues` list; a caller that only diffs the form leaves them out.
 * Pure, so the benchmark's floor server (tools/bench/floor) builds byte-identical answers with it.
 */
export function toGoalForm(form: FormRow, withIssues = true): GoalForm {
  const { indicators, taxonomy } = form;
  const locked = isLocked(form.status);
  const result: GoalForm = {
    id: form.formId,
    year: form.year,
    revision: form.revision,
    status: form.status,
    rowVersion: form.rowVersion,
    locked,
    origin: form.origin,
    project: {
      id: form.id,
      organizationId: form.organizationId,
      organizationName: form.organizationName,
      code: form.code,
      name: form.name,
      categoryCode: form.categoryCode,
      continuity: form.continuity,
      functionClassCode: form.functionClassCode,
      printedDepartment: form.printedDepartment,
      printedImplementingUnit: form.printedImplementingUnit,
      plannedStart: form.plannedStart,
      plannedEnd: form.plannedEnd,
      categoryLabel: form.categoryLabel,
      functionClassLabel: form.functionClassLabel,
    },
    carriedFrom: form.carriedFrom,
    funds: {
      totalAmount: form.totalAmount,
      fiscalAmount: form.fiscalAmount,
      otherAmount: form.otherAmount,
      annualAmount: form.annualAmount,
      annualFiscalAmount: form.annualFiscalAmount,
      carryOverAmount: form.carryOverAmount,
      annualOtherAmount: form.annualOtherAmount,
    },
    totalGoal: form.totalGoal,
    annualGoal: form.annualGoal,
    goalPeriodStart: form.goalPeriodStart,
    goalPeriodEnd: form.goalPeriodEnd,
    // A locked revision prints the 一级/二级 labels it was locked with; an open one follows the year's taxonomy.
    indicators: buildIndicatorSets(indicators, locked ? null : taxonomy),
    issues: [],
    updatedAt: form.updatedAt.toISOString(),
    updatedBy: form.updatedByName,
    submittedBy: form.submittedBy,
    reviewResult: form.reviewResult,
    reviewComment: form.reviewComment,
    latestReview: form.latestReview,
    submission: form.submission && {
      ...form.submission,
      submittedAt: new Date(form.submission.submittedAt).toISOString(),
    },
    revisions: form.revisions,
    evaluationId: form.evaluationId,
    libraryUnits: {},
  };
  if (withIssues) result.issues = checkForm(result, taxonomy);
  return result;
}

/**
 * The form as GET /api/forms/:id answers it: its `issues` are the form's checks, then the goal-quality checks at the
 * levels of the year's policy (docs/domain.md §3.3), from inputs read with the form in its one statement.
 */
export function toCheckedGoalForm(row: FormRow & QualityCheckInputs): GoalForm {
  const form = toGoalForm(row);
  const policy = row.qualityPolicy ?? DEFAULT_QUALITY_POLICY;
  const { lastYearTargets: previous, libraryUnits } = row;
  form.issues.push(...qualityIssues(form, row.taxonomy, { year: form.year, policy, previous, libraryUnits }));
  form.libraryUnits = libraryUnits;
  return form;
}

/** The columns a save writes, from a checked save request (indicators are written separately). */
export function formContent(dto: SaveFormRequest): FormContent {
  const h = dto.project;
  return {
    projectName: h.name.trim(),
    categoryCode: blankToNull(h.categoryCode),
    continuity: h.continuity ?? null,
    functionClassCode: blankToNull(h.functionClassCode),
    printedDepartment: blankToNull(h.printedDepartment),
    printedImplementingUnit: blankToNull(h.printedImplementingUnit),
    plannedStart: h.plannedStart ?? null,
    plannedEnd: h.plannedEnd ?? null,
    funds: FUND_FIELDS.map((field) => moneyOrNull(dto.funds[field])),
    totalGoal: blankToNull(dto.totalGoal),
    annualGoal: blankToNull(dto.annualGoal),
    goalPeriodStart: dto.goalPeriodStart ?? null,
    goalPeriodEnd: dto.goalPeriodEnd ?? null,
  };
}

/** What a save changed, field by field, with the 一级/二级 labels either version prints (empty: nothing changed). */
export function saveChanges(before: GoalForm, after: GoalForm): FormFieldChange[] {
  const labels = new Map<string, string>();
  for (const sets of [before.indicators, after.indicators]) {
    for (const level1 of [...sets.year, ...(sets.longTerm ?? [])]) {
      labels.set(level1.code, level1.label);
      for (const level2 of level1.children) labels.set(level2.code, level2.label);
    }
  }
  const { rowVersion: _before, ...oldContent } = toSaveRequest(before);
  const { rowVersion: _after, ...newContent } = toSaveRequest(after);
  return diffForms(oldContent, newContent, (code) => labels.get(code) ?? code);
}
