import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Evaluation,
  EvaluationTransitionRequest,
  SaveEvaluationRequest,
  SaveScoringPolicyRequest,
  SaveScoringPolicyResponse,
  ScoringJob,
  ScoringJobStatus,
} from '@jxt/contracts';
import type { ApiRequestError } from '../../api/http';
import { formKeys } from '../forms/query-keys';
import { yearKeys } from '../years/query-keys';
import {
  fetchEvaluation,
  fetchEvaluationInbox,
  fetchEvaluationHistory,
  fetchEvaluations,
  fetchScoringJob,
  fetchScoringJobs,
  postScoringJob,
  fetchScoringPolicy,
  fetchScoringPolicyVersions,
  postEvaluationTransition,
  postFormEvaluation,
  putEvaluation,
  putScoringPolicy,
  type EvaluationListParams,
} from './api';
import { evaluationKeys } from './query-keys';

/** How often a running 重新评分 job is asked for its progress. */
export const JOB_POLL_MS = 500;

/** One page of 自评表 in the caller's scope; the previous rows stay while the next page loads. */
export function useEvaluations(params: EvaluationListParams, enabled = true) {
  return useQuery({
    queryKey: evaluationKeys.list(params),
    queryFn: ({ signal }) => fetchEvaluations(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useEvaluationInbox() {
  return useQuery({ queryKey: evaluationKeys.inbox, queryFn: ({ signal }) => fetchEvaluationInbox(signal) });
}

export function useEvaluation(id: string) {
  return useQuery({ queryKey: evaluationKeys.detail(id), queryFn: ({ signal }) => fetchEvaluation(id, signal) });
}

/** What a change of one 自评表 makes stale elsewhere: its history and the lists. */
function useAfterChange(id: string) {
  const client = useQueryClient();
  return (evaluation: Evaluation) => {
    client.setQueryData(evaluationKeys.detail(id), evaluation);
    void client.invalidateQueries({ queryKey: evaluationKeys.history(id) });
    void client.invalidateQueries({ queryKey: evaluationKeys.lists });
    void client.invalidateQueries({ queryKey: evaluationKeys.inbox });
    // 定稿 closes a year's open 自评 (the default year of 绩效自评 follows the open ones).
    void client.invalidateQueries({ queryKey: yearKeys.all });
  };
}

export function useSaveEvaluation(id: string) {
  const onSuccess = useAfterChange(id);
  return useMutation<Evaluation, ApiRequestError | Error, SaveEvaluationRequest>({
    mutationFn: (body) => putEvaluation(id, body),
    onSuccess,
  });
}

/** 提交, 撤回, 退回, 复核, 定稿. */
export function useEvaluationTransition(id: string) {
  const onSuccess = useAfterChange(id);
  return useMutation<Evaluation, ApiRequestError | Error, EvaluationTransitionRequest>({
    mutationFn: (body) => postEvaluationTransition(id, body),
    onSuccess,
  });
}

/** 绩效自评 from a finance_approved form: creates the 自评表 (or answers the existing one). */
export function useCreateEvaluation(formId: string) {
  const client = useQueryClient();
  return useMutation<Evaluation, ApiRequestError | Error, void>({
    mutationFn: () => postFormEvaluation(formId),
    onSuccess: (evaluation) => {
      client.setQueryData(evaluationKeys.detail(evaluation.id), evaluation);
      // The form now names its 自评表.
      void client.invalidateQueries({ queryKey: formKeys.form(formId) });
      void client.invalidateQueries({ queryKey: evaluationKeys.lists });
      void client.invalidateQueries({ queryKey: evaluationKeys.inbox });
      void client.invalidateQueries({ queryKey: yearKeys.all });
    },
  });
}

export function useEvaluationHistory(id: string) {
  return useQuery({
    queryKey: evaluationKeys.history(id),
    queryFn: ({ signal }) => fetchEvaluationHistory(id, signal),
  });
}

/** The year's current 评分规则 (the built-in default has id null and version 0, which only the save's baseVersion uses). */
export function useScoringPolicy(year: number) {
  return useQuery({ queryKey: evaluationKeys.policy(year), queryFn: ({ signal }) => fetchScoringPolicy(year, signal) });
}

export function useScoringPolicyVersions(year: number) {
  return useQuery({
    queryKey: evaluationKeys.policyVersions(year),
    queryFn: ({ signal }) => fetchScoringPolicyVersions(year, signal),
  });
}

export function useSaveScoringPolicy(year: number) {
  const client = useQueryClient();
  return useMutation<SaveScoringPolicyResponse, ApiRequestError | Error, SaveScoringPolicyRequest>({
    mutationFn: (body) => putScoringPolicy(year, body),
    onSuccess: (response) => {
      client.setQueryData(evaluationKeys.policy(year), response.version);
      client.setQueryData(evaluationKeys.job(response.job.id), response.job);
      void client.invalidateQueries({ queryKey: evaluationKeys.policyVersions(year) });
      // A first version makes the year one with data.
      void client.invalidateQueries({ queryKey: yearKeys.all });
    },
  });
}

/** A 重新评分 job, asked every 500 ms until it is done or failed; then the evaluations it re-scored are stale. */
export function useScoringJob(id: string | null) {
  const client = useQueryClient();
  return useQuery({
    queryKey: evaluationKeys.job(id ?? ''),
    queryFn: async ({ signal }) => {
      const job = await fetchScoringJob(id!, signal);
      if (jobEnded(job.status)) void client.invalidateQueries({ queryKey: evaluationKeys.all });
      return job;
    },
    enabled: id !== null,
    refetchInterval: (query) => (query.state.data && jobEnded(query.state.data.status) ? false : JOB_POLL_MS),
  });
}

/** A job stops when done, failed, or superseded by a newer version's job. */
export const jobEnded = (status: ScoringJobStatus) =>
  status === 'done' || status === 'failed' || status === 'superseded';

export function useRestartScoring(year: number) {
  const client = useQueryClient();
  return useMutation<ScoringJob, ApiRequestError | Error, void>({
    mutationFn: () => postScoringJob(year),
    onSuccess: (job) => {
      client.setQueryData(evaluationKeys.job(job.id), job);
      void client.invalidateQueries({ queryKey: evaluationKeys.jobs(year) });
    },
  });
}

/** The year's most recent 重新评分 job, so a page opened later still shows one that is running. */
export function useLatestScoringJob(year: number) {
  return useQuery({
    queryKey: evaluationKeys.jobs(year),
    queryFn: async ({ signal }) => (await fetchScoringJobs(year, signal))[0] ?? null,
  });
}
