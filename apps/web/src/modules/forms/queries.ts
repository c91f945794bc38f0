import { queryOptions } from '@tanstack/react-query';
import type { CodeListName } from '@jxt/contracts';
import { fetchCodeList, fetchGoalForm, fetchTaxonomy } from './api';
import { formKeys } from './query-keys';

/** The form, read by its page and started early by the route's loader (app/router.tsx). */
export const goalFormQuery = (id: string) =>
  queryOptions({ queryKey: formKeys.form(id), queryFn: ({ signal }) => fetchGoalForm(id, signal) });

/** A tenant code list (项目类别 …; 功能分类科目 as in force in `year`); rarely changes. */
export const codeListQuery = (list: CodeListName, year?: number) =>
  queryOptions({
    queryKey: formKeys.codeList(list, year),
    queryFn: ({ signal }) => fetchCodeList(list, year, signal),
    staleTime: 10 * 60_000,
  });

/** The tenant's 一级/二级指标 of a year; rarely changes. */
export const taxonomyQuery = (year: number) =>
  queryOptions({
    queryKey: formKeys.taxonomy(year),
    queryFn: ({ signal }) => fetchTaxonomy(year, signal),
    staleTime: 10 * 60_000,
  });
