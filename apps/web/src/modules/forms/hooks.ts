import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CodeListName, GoalForm, SaveFormRequest } from '@jxt/contracts';
import { ApiRequestError } from '../../api/http';
import { fetchCodeList, fetchGoalForm, fetchTaxonomy, putGoalForm } from './api';
import { formKeys } from './query-keys';

export function useGoalForm(id: string) {
  return useQuery({ queryKey: formKeys.form(id), queryFn: ({ signal }) => fetchGoalForm(id, signal) });
}

export function useSaveForm(id: string) {
  const client = useQueryClient();
  return useMutation<GoalForm, ApiRequestError | Error, SaveFormRequest>({
    mutationFn: (body) => putGoalForm(id, body),
    onSuccess: (form) => {
      client.setQueryData(formKeys.form(id), form);
      // Lists show status and amounts of this form.
      void client.invalidateQueries({ queryKey: ['projects'] });
    },
  });
}

/** The tenant's 一级/二级指标 of a year; rarely changes. */
export function useTaxonomy(year: number | undefined, enabled = true) {
  return useQuery({
    queryKey: formKeys.taxonomy(year ?? 0),
    queryFn: ({ signal }) => fetchTaxonomy(year!, signal),
    enabled: enabled && year !== undefined,
    staleTime: 10 * 60_000,
  });
}

export function useCodeList(list: CodeListName) {
  return useQuery({
    queryKey: formKeys.codeList(list),
    queryFn: ({ signal }) => fetchCodeList(list, signal),
    staleTime: 10 * 60_000,
  });
}
