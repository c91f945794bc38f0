import type { CodeListItem, CodeListName, Organization, ProjectListResponse } from '@jxt/contracts';
import { apiFetch } from '../../api/http';
import type { ProjectListParams } from './list-params';

/** The query string of GET /api/projects: only the filters that are set. */
export function projectsQueryString(params: ProjectListParams): string {
  const query = new URLSearchParams({
    year: String(params.year),
    page: String(params.page),
    pageSize: String(params.pageSize),
  });
  if (params.search) query.set('search', params.search);
  if (params.organizationId) query.set('organizationId', params.organizationId);
  if (params.categoryCode) query.set('categoryCode', params.categoryCode);
  if (params.status) query.set('status', params.status);
  return query.toString();
}

export const fetchProjects = (params: ProjectListParams, signal?: AbortSignal) =>
  apiFetch<ProjectListResponse>(`/api/projects?${projectsQueryString(params)}`, { signal });

export const fetchOrganizations = (signal?: AbortSignal) => apiFetch<Organization[]>('/api/organizations', { signal });

export const fetchCodeList = (list: CodeListName, signal?: AbortSignal) =>
  apiFetch<CodeListItem[]>(`/api/code-lists?list=${encodeURIComponent(list)}`, { signal });
