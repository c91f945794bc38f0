import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import type { CodeListName } from '@jxt/contracts';
import { fetchCodeList, fetchOrganizations, fetchProjects } from './api';
import { pickDefaultYear, probeYears, type ProjectListParams } from './list-params';
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

/**
 * The year the list opens on when the URL names none: the newest year (from next year down to seven
 * years back) that has any project in the caller's subtree. Each probe asks for one row, all in parallel.
 * There is no endpoint that lists years; this costs a few tiny requests once per visit.
 */
export function useDefaultYear(enabled: boolean, now = new Date().getFullYear()): number | undefined {
  const years = probeYears(now);
  const probes = useQueries({
    queries: years.map((year) => ({
      queryKey: projectKeys.yearProbe(year),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchProjects({ year, page: 1, pageSize: 1 }, signal),
      enabled,
      staleTime: 5 * 60_000,
    })),
  });
  if (!enabled) return undefined;
  return pickDefaultYear(
    years.map((year, index) => ({ year, total: probes[index].data?.total, failed: probes[index].isError })),
    now,
  );
}
