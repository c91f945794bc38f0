import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CarryForwardRequest, CodeListName, CreateProjectRequest } from '@jxt/contracts';
import {
  deleteProject,
  fetchOrganizations,
  fetchProjectHeaderProposal,
  fetchProjects,
  postCarryForward,
  postProject,
} from './api';
import { useDefaultYear as useSharedDefaultYear } from '../years/hooks';
import type { ProjectListParams } from './list-params';
import { organizationKeys, projectKeys } from './query-keys';
import { codeListQuery } from '../forms/queries';
import { yearKeys } from '../years/query-keys';

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

/** A tenant code list (项目类别 …), under the same key as the form's, so the admin's save refreshes both. */
export function useCodeList(list: CodeListName) {
  return useQuery(codeListQuery(list));
}

/** The year the list opens on when the URL names none: the newest year with projects (modules/years). */
export function useDefaultYear(enabled: boolean, now = new Date().getFullYear()): number | undefined {
  return useSharedDefaultYear('projects', enabled, now);
}

/** 新建项目's proposal for the printed 主管部门 and 实施单位 of the chosen owner. */
export function useProjectHeaderProposal(organizationId: string | undefined) {
  return useQuery({
    queryKey: organizationKeys.projectHeader(organizationId ?? ''),
    queryFn: ({ signal }) => fetchProjectHeaderProposal(organizationId ?? '', signal),
    enabled: Boolean(organizationId),
    staleTime: 10 * 60_000,
  });
}

/**
 * 新建项目: the lists (and the years that have projects) are marked stale once it exists and read again where they
 * are shown next. Not read now and not waited for: the new draft's editor opens at once, and the list page it leaves
 * would only read them for nothing (they held the editor back by a list and a years read).
 */
export function useCreateProject() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateProjectRequest) => postProject(body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: projectKeys.all, refetchType: 'none' });
      void client.invalidateQueries({ queryKey: yearKeys.all, refetchType: 'none' });
    },
  });
}

/** 删除项目 (only a project whose forms are all drafts; the server says why otherwise). */
export function useDeleteProject() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteProject(id),
    onSuccess: () => client.invalidateQueries({ queryKey: projectKeys.all }),
  });
}

/** 结转到下一年度: the lists (and the years) are read again, since the next year now has drafts. */
export function useCarryForward() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CarryForwardRequest) => postCarryForward(body),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: projectKeys.all }),
        client.invalidateQueries({ queryKey: yearKeys.all }),
      ]),
  });
}
