import type { EvaluationListParams } from './api';

/** Every query key of the evaluations module (自评表, their history, 评分规则 and 重新评分 jobs). */
export const evaluationKeys = {
  all: ['evaluations'] as const,
  lists: ['evaluations', 'list'] as const,
  inbox: ['evaluations', 'inbox'] as const,
  list: (params: EvaluationListParams) => ['evaluations', 'list', params] as const,
  detail: (id: string) => ['evaluations', 'detail', id] as const,
  history: (id: string) => ['evaluations', 'history', id] as const,
  policy: (year: number) => ['scoring-policies', year, 'current'] as const,
  policyVersions: (year: number) => ['scoring-policies', year, 'versions'] as const,
  job: (id: string) => ['scoring-jobs', id] as const,
  jobs: (year: number) => ['scoring-jobs', 'year', year] as const,
};
