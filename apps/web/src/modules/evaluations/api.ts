import type {
  Evaluation,
  EvaluationHistoryEntry,
  EvaluationInboxResponse,
  EvaluationListResponse,
  EvaluationStatus,
  EvaluationTransitionRequest,
  SaveEvaluationRequest,
  SaveScoringPolicyRequest,
  SaveScoringPolicyResponse,
  ScoringJob,
  ScoringPolicyVersion,
} from '@jxt/contracts';
import { apiFetch } from '../../api/http';

export interface EvaluationListParams {
  year: number;
  status?: EvaluationStatus;
  page: number;
  pageSize: number;
}

const id = (value: string) => encodeURIComponent(value);

export function evaluationsQueryString(params: EvaluationListParams): string {
  const query = new URLSearchParams({
    year: String(params.year),
    page: String(params.page),
    pageSize: String(params.pageSize),
  });
  if (params.status) query.set('status', params.status);
  return query.toString();
}

export const fetchEvaluations = (params: EvaluationListParams, signal?: AbortSignal) =>
  apiFetch<EvaluationListResponse>(`/api/evaluations?${evaluationsQueryString(params)}`, { signal });

export const fetchEvaluation = (evaluationId: string, signal?: AbortSignal) =>
  apiFetch<Evaluation>(`/api/evaluations/${id(evaluationId)}`, { signal });

/** Creates the 自评表 of a finance_approved form (or answers the one that exists). */
export const postFormEvaluation = (formId: string) =>
  apiFetch<Evaluation>(`/api/forms/${id(formId)}/evaluation`, { method: 'POST' });

/** The whole self-evaluation in one PUT; a stale rowVersion answers 409, a bad field 400 with `fields`. */
export const putEvaluation = (evaluationId: string, body: SaveEvaluationRequest) =>
  apiFetch<Evaluation>(`/api/evaluations/${id(evaluationId)}`, { method: 'PUT', body });

export const postEvaluationTransition = (evaluationId: string, body: EvaluationTransitionRequest) =>
  apiFetch<Evaluation>(`/api/evaluations/${id(evaluationId)}/transitions`, { method: 'POST', body });

export const fetchEvaluationHistory = (evaluationId: string, signal?: AbortSignal) =>
  apiFetch<EvaluationHistoryEntry[]>(`/api/evaluations/${id(evaluationId)}/history`, { signal });

export const fetchScoringPolicy = (year: number, signal?: AbortSignal) =>
  apiFetch<ScoringPolicyVersion>(`/api/scoring-policies/${year}`, { signal });

export const fetchScoringPolicyVersions = (year: number, signal?: AbortSignal) =>
  apiFetch<ScoringPolicyVersion[]>(`/api/scoring-policies/${year}/versions`, { signal });

export const putScoringPolicy = (year: number, body: SaveScoringPolicyRequest) =>
  apiFetch<SaveScoringPolicyResponse>(`/api/scoring-policies/${year}`, { method: 'PUT', body });

/** 重新评分 by hand under the year's current policy (after an interrupted job). */
export const postScoringJob = (year: number) =>
  apiFetch<ScoringJob>('/api/scoring-jobs', { method: 'POST', body: { year } });

/** The year's most recent 重新评分 jobs, newest first. */
export const fetchScoringJobs = (year: number, signal?: AbortSignal) =>
  apiFetch<ScoringJob[]>(`/api/scoring-jobs?year=${year}`, { signal });

export const fetchScoringJob = (jobId: string, signal?: AbortSignal) =>
  apiFetch<ScoringJob>(`/api/scoring-jobs/${id(jobId)}`, { signal });

/** 待办 of the self-evaluation: approved forms to evaluate, returned 自评表, those to 复核 and 定稿. */
export const fetchEvaluationInbox = (signal?: AbortSignal) =>
  apiFetch<EvaluationInboxResponse>('/api/evaluation-inbox', { signal });
