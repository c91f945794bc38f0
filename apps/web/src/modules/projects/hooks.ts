import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CodeListName } from '@jxt/contracts';
import { fetchCodeList, fetchOrganizations, fetchProjects } from './api';
import { useDefaultYear as useSharedDefaultYear } from '../years/hooks';
import type { ProjectListParams } from './list-params';
import { codeListKeys, organizationKeys, projectKeys } from './query-keys';

/** One page of projects. While the next page or filter loads, the previous rows stay (no flash of empty table). */
export function useProjects(params: ProjectListParams, enabled = true) {
  return useQuery({
    queryKey: projectKeys.list(params),
    queryFn: ({ signal }) => fetchProjects(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The caller's organisation subtree (flat). Changes rarely: kept for ten minutes. */
export function useOrganizations() {
  return useQuery({
    queryKey: organizationKeys.all,
    queryFn: ({ signal }) => fetchOrganizations(signal),
    staleTime: 10 * 60_000,
  });
}

/** A tenant code list (项目类别 …). */
export function useCodeList(list: CodeListName) {
  return useQuery({
    queryKey: codeListKeys.list(list),
    queryFn: ({ signal }) => fetchCodeList(list, signal),
    staleTime: 10 * 60_000,
  });
}

/** The year the list opens on when the URL names none: the newest year with projects (modules/years). */
export function useDefaultYear(enabled: boolean, now = new Date().getFullYear()): number | undefined {
  return useSharedDefaultYear('projects', enabled, now);
}
