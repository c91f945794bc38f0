import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CodeListName, GoalForm, SaveFormRequest } from '@jxt/contracts';
import { ApiRequestError } from '../../api/http';
import { fetchPreviousYear, putGoalForm } from './api';
import { editorLibraryKeys } from './library-queries';
import { formKeys } from './query-keys';
import { codeListQuery, goalFormQuery, taxonomyQuery } from './queries';

export function useGoalForm(id: string) {
  return useQuery(goalFormQuery(id));
}

export function useSaveForm(id: string) {
  const client = useQueryClient();
  return useMutation<GoalForm, ApiRequestError | Error, SaveFormRequest>({
    mutationFn: (body) => putGoalForm(id, body),
    onSuccess: (form) => {
      client.setQueryData(formKeys.form(id), form);
      // Lists show status and amounts of this form; its 推荐指标 rank what is saved.
      void client.invalidateQueries({ queryKey: ['projects'] });
      void client.invalidateQueries({ queryKey: editorLibraryKeys.suggestions(id) });
    },
  });
}

/** Last year's targets and actual values beside a form carried forward (延续); off for other forms. */
export function usePreviousYear(form: Pick<GoalForm, 'id' | 'carriedFrom'>) {
  return useQuery({
    queryKey: formKeys.previousYear(form.id),
    queryFn: ({ signal }) => fetchPreviousYear(form.id, signal),
    enabled: form.carriedFrom !== null,
    staleTime: 60_000,
  });
}

/** The tenant's 一级/二级指标 of a year; rarely changes. */
export function useTaxonomy(year: number | undefined, enabled = true) {
  return useQuery({ ...taxonomyQuery(year ?? 0), enabled: enabled && year !== undefined });
}

export function useCodeList(list: CodeListName) {
  return useQuery(codeListQuery(list));
}

/** 功能分类科目 as in force in the form's year (the classification changes from year to year); waits for the year. */
export function useFunctionClasses(year: number | undefined) {
  return useQuery({ ...codeListQuery('function_class', year ?? 0), enabled: year !== undefined });
}
