/** Test data: the 自评表 of the seed's form 3 (网络信息系统运行与维护), as GET /api/evaluations/:id would answer it. */
import type { Evaluation, EvaluationIndicator, ScoringPolicyVersion } from '@jxt/contracts';
import { checkEvaluation, DEFAULT_SCORING_POLICY, scoreEvaluationContent } from '@jxt/domain';
import { SEED_FORM_3 } from '../../../testing/seed-form-3';
import { storedContent } from '../evaluation-draft';

export const DEFAULT_POLICY_VERSION: ScoringPolicyVersion = {
  id: null,
  year: 2021,
  version: 0,
  policy: DEFAULT_SCORING_POLICY,
  createdAt: null,
  createdByName: null,
  finalEvaluations: 0,
};

/** What the unit typed per indicator name (everything else blank). */
export type IndicatorValues = Record<
  string,
  Partial<
    Pick<
      EvaluationIndicator,
      'actualValue' | 'selfShare' | 'selfBand' | 'reviewerShare' | 'reviewerBand' | 'reviewerReason' | 'deviationReason'
    >
  >
>;

/** The seed form's indicators, flat, in the printed order. */
function seedIndicators(values: IndicatorValues): EvaluationIndicator[] {
  return SEED_FORM_3.indicators.year.flatMap((level1) =>
    level1.children.flatMap((level2) =>
      level2.indicators.map((indicator) => ({
        id: indicator.id!,
        level1Code: level1.code,
        level1Label: level1.label,
        level2Code: level2.code,
        level2Label: level2.label,
        name: indicator.name,
        rawTarget: indicator.rawValue,
        target: indicator.target,
        weight: indicator.weight,
        actualValue: null,
        selfShare: null,
        selfBand: null,
        reviewerShare: null,
        reviewerBand: null,
        reviewerReason: null,
        deviationReason: null,
        printedScore: null,
        ...values[indicator.name],
        // filled in below by the engine, as the API does
        scored: {
          weight: '0',
          score: '0',
          rule: '',
          note: '',
          actualInTargetUnit: null,
          needsReason: false,
          reasonMissing: false,
          error: null,
        },
      })),
    ),
  );
}

/** A 自评表 of seed form 3, scored by the domain engine under the default policy (the API runs the same code). */
export function seedEvaluation3(extra: Partial<Evaluation> = {}, values: IndicatorValues = {}): Evaluation {
  const base: Evaluation = {
    id: 'e-3',
    formId: SEED_FORM_3.id,
    formRevision: 1,
    year: 2021,
    status: 'draft',
    rowVersion: 1,
    projectId: SEED_FORM_3.project.id,
    projectCode: SEED_FORM_3.project.code,
    projectName: SEED_FORM_3.project.name,
    organizationName: SEED_FORM_3.project.organizationName,
    printedDepartment: '上海市松江区科学技术委员会',
    printedImplementingUnit: SEED_FORM_3.project.organizationName,
    funds: { initialBudget: '8927300.00', annualBudget: '8927300.00', executedAmount: null },
    expectedGoal: SEED_FORM_3.annualGoal,
    actualGoal: null,
    indicators: seedIndicators(values),
    score: { budget: { weight: '10', rate: null, score: '0.00', rule: '', note: '' }, total: '0.00', grade: '差' },
    policy: DEFAULT_POLICY_VERSION,
    issues: [],
    imported: null,
    submittedBy: null,
    latestComment: null,
    updatedAt: '2022-01-20T08:00:00.000Z',
    updatedBy: '填报人',
    ...extra,
  };
  const content = storedContent(base);
  const scored = scoreEvaluationContent(content, base.policy.policy);
  return {
    ...base,
    indicators: base.indicators.map((indicator, i) => ({ ...indicator, scored: scored.indicators[i] })),
    score: { budget: scored.budget, total: scored.total, grade: scored.grade },
    issues: checkEvaluation(content, scored),
  };
}
