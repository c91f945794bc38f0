import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CodeListItem,
  CodeListName,
  Deadline,
  OpenYearResponse,
  ReminderSettings,
  ReplaceCodeListRequest,
  ReplaceTaxonomyRequest,
  SetDeadlinesRequest,
  TaxonomyNode,
  YearSummary,
} from '@jxt/contracts';
import type { ApiRequestError } from '../../api/http';
import {
  fetchAdminCodeList,
  fetchAdminTaxonomy,
  fetchDeadlines,
  fetchReminderSettings,
  postCloseYear,
  postOpenYear,
  putCodeList,
  putDeadlines,
  putReminderSettings,
  putTaxonomy,
} from './api';
import { workflowKeys } from '../workflow/query-keys';
import { adminCodeListKeys, adminTaxonomyKeys, deadlineKeys, reminderKeys } from './query-keys';

/** After opening or closing a year everything year-bound may read differently (years, 待办, deadlines, taxonomy). */
function useAfterYearChange() {
  const client = useQueryClient();
  return () => client.invalidateQueries();
}

export function useOpenYear() {
  const onSuccess = useAfterYearChange();
  return useMutation<OpenYearResponse, ApiRequestError | Error, number>({ mutationFn: postOpenYear, onSuccess });
}

export function useCloseYear() {
  const onSuccess = useAfterYearChange();
  return useMutation<YearSummary, ApiRequestError | Error, number>({ mutationFn: postCloseYear, onSuccess });
}

export function useDeadlines(year: number) {
  return useQuery({ queryKey: deadlineKeys.year(year), queryFn: ({ signal }) => fetchDeadlines(year, signal) });
}

/** Saves the year's deadlines; the answer is the year's deadlines as stored (待办 shows them too). */
export function useSaveDeadlines(year: number) {
  const client = useQueryClient();
  return useMutation<Deadline[], ApiRequestError | Error, SetDeadlinesRequest>({
    mutationFn: (body) => putDeadlines(year, body),
    onSuccess: (saved) => {
      client.setQueryData(deadlineKeys.year(year), saved);
      return client.invalidateQueries({ queryKey: workflowKeys.inbox });
    },
  });
}

export function useReminderSettings() {
  return useQuery({ queryKey: reminderKeys.settings, queryFn: ({ signal }) => fetchReminderSettings(signal) });
}

export function useSaveReminderSettings() {
  const client = useQueryClient();
  return useMutation<ReminderSettings, ApiRequestError | Error, number[]>({
    mutationFn: putReminderSettings,
    onSuccess: (saved) => client.setQueryData(reminderKeys.settings, saved),
  });
}

export function useAdminCodeList(list: CodeListName, year: number | undefined) {
  return useQuery({
    queryKey: adminCodeListKeys.list(list, year),
    queryFn: ({ signal }) => fetchAdminCodeList(list, year, signal),
  });
}

/** Replaces a list; every cached list (the forms' selects too) is read again. */
export function useSaveCodeList(list: CodeListName, year: number | undefined) {
  const client = useQueryClient();
  return useMutation<CodeListItem[], ApiRequestError | Error, ReplaceCodeListRequest>({
    mutationFn: (body) => putCodeList(list, year, body),
    onSuccess: () => client.invalidateQueries({ queryKey: adminCodeListKeys.all }),
  });
}

/** The year's taxonomy (a year without one answers none); `year` undefined: nothing is read yet. */
export function useAdminTaxonomy(year: number | undefined) {
  return useQuery({
    queryKey: adminTaxonomyKeys.year(year ?? 0),
    queryFn: ({ signal }) => fetchAdminTaxonomy(year!, signal),
    enabled: year !== undefined,
  });
}

/** Saves the year's whole taxonomy; the answer is what is stored (the editor's cached copy is replaced too). */
export function useSaveTaxonomy(year: number) {
  const client = useQueryClient();
  return useMutation<TaxonomyNode[], ApiRequestError | Error, ReplaceTaxonomyRequest>({
    mutationFn: (body) => putTaxonomy(year, body),
    onSuccess: (saved) => {
      client.setQueryData(adminTaxonomyKeys.year(year), saved);
      // Forms carry their year's taxonomy (labels as the editor shows them).
      return client.invalidateQueries({ queryKey: ['forms'] });
    },
  });
}
