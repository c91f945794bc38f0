import type {
  EvaluationStatus,
  EvaluationTransitionRequest,
  SaveEvaluationRequest,
  SaveScoringPolicyRequest,
} from '@jxt/contracts';
import { api } from '../../api/client';

export interface EvaluationListParams {
  year: number;
  status?: EvaluationStatus;
  page: number;
  pageSize: number;
}

export const fetchEvaluations = ({ year, status, page, pageSize }: EvaluationListParams, signal?: AbortSignal) =>
  api.get('/api/evaluations', { query: { year, page, pageSize, status }, signal });

export const fetchEvaluation = (id: string, signal?: AbortSignal) =>
  api.get('/api/evaluations/{id}', { path: { id }, signal });

/** Creates the 自评表 of a finance_approved form (or answers the one that exists). */
export const postFormEvaluation = (formId: string) => api.post('/api/forms/{id}/evaluation', { path: { id: formId } });

/** The whole self-evaluation in one PUT; a stale rowVersion answers 409, a bad field 400 with `fields`. */
export const putEvaluation = (id: string, body: SaveEvaluationRequest) =>
  api.put('/api/evaluations/{id}', { path: { id }, body });

export const postEvaluationTransition = (id: string, body: EvaluationTransitionRequest) =>
  api.post('/api/evaluations/{id}/transitions', { path: { id }, body });

export const fetchEvaluationHistory = (id: string, signal?: AbortSignal) =>
  api.get('/api/evaluations/{id}/history', { path: { id }, signal });

export const fetchScoringPolicy = (year: number, signal?: AbortSignal) =>
  api.get('/api/scoring-policies/{year}', { path: { year }, signal });

export const fetchScoringPolicyVersions = (year: number, signal?: AbortSignal) =>
  api.get('/api/scoring-policies/{year}/versions', { path: { year }, signal });

export const putScoringPolicy = (year: number, body: SaveScoringPolicyRequest) =>
  api.put('/api/scoring-policies/{year}', { path: { year }, body });

/** 重新评分 by hand under the year's current policy (after an interrupted job). */
export const postScoringJob = (year: number) => api.post('/api/scoring-jobs', { body: { year } });

/** The year's most recent 重新评分 jobs, newest first. */
export const fetchScoringJobs = (year: number, signal?: AbortSignal) =>
  api.get('/api/scoring-jobs', { query: { year }, signal });

export const fetchScoringJob = (id: string, signal?: AbortSignal) =>
  api.get('/api/scoring-jobs/{id}', { path: { id }, signal });

/** 待办 of the self-evaluation: approved forms to evaluate, returned 自评表, those to 复核 and 定稿. */
export const fetchEvaluationInbox = (signal?: AbortSignal) => api.get('/api/evaluation-inbox', { signal });
