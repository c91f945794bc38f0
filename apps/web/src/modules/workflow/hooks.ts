import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { BatchTransitionRequest, BatchTransitionResponse, GoalForm, TransitionRequest } from '@jxt/contracts';
import type { ApiRequestError } from '../../api/http';
import { formKeys } from '../forms/query-keys';
import { projectKeys } from '../projects/query-keys';
import { fetchHistory, fetchInbox, postBatchTransition, postNextYearForm, postTransition } from './api';
import { workflowKeys } from './query-keys';

/** What a step changes elsewhere: the inbox and the project lists (status column). */
function invalidateLists(client: QueryClient) {
  void client.invalidateQueries({ queryKey: workflowKeys.inbox });
  void client.invalidateQueries({ queryKey: projectKeys.all });
}

/** One step of the 审批流程 on one form (提交, 退回, 审核通过 … 调整). */
export function useTransition(formId: string) {
  const client = useQueryClient();
  return useMutation<GoalForm, ApiRequestError | Error, TransitionRequest>({
    mutationFn: (body) => postTransition(formId, body),
    onSuccess: (form) => {
      // 调整 answers the new revision: cache it under its own id, and refresh the old one (its revision list changed).
      client.setQueryData(formKeys.form(form.id), form);
      if (form.id !== formId) void client.invalidateQueries({ queryKey: formKeys.form(formId) });
      void client.invalidateQueries({ queryKey: workflowKeys.history(formId) });
      invalidateLists(client);
    },
  });
}

/** 审批记录: transitions and saved changes of a form. */
export function useHistory(formId: string) {
  return useQuery({ queryKey: workflowKeys.history(formId), queryFn: ({ signal }) => fetchHistory(formId, signal) });
}

/** 待办 of the signed-in user. */
export function useInbox() {
  return useQuery({ queryKey: workflowKeys.inbox, queryFn: ({ signal }) => fetchInbox(signal) });
}

/** 批量审核通过 / 批量退回 / 汇总报送: several forms, one result each. */
export function useBatchTransition() {
  const client = useQueryClient();
  return useMutation<BatchTransitionResponse, ApiRequestError | Error, BatchTransitionRequest>({
    mutationFn: postBatchTransition,
    onSuccess: (response) => {
      for (const result of response.results) {
        void client.invalidateQueries({ queryKey: formKeys.form(result.formId) });
        void client.invalidateQueries({ queryKey: workflowKeys.history(result.formId) });
      }
      invalidateLists(client);
    },
  });
}

/** 生成下一年度填报表 from an approved form: answers the new draft. */
export function useNextYearForm(form: Pick<GoalForm, 'project' | 'year'>) {
  const client = useQueryClient();
  return useMutation<GoalForm, ApiRequestError | Error, void>({
    mutationFn: () => postNextYearForm(form.project.id, form.year + 1),
    onSuccess: (created) => {
      client.setQueryData(formKeys.form(created.id), created);
      invalidateLists(client);
    },
  });
}
