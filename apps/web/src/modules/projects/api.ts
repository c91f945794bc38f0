import type { ApiOperations, CarryForwardRequest, CreateProjectRequest } from '@jxt/contracts';
import { api } from '../../api/client';
import type { ProjectListParams } from './list-params';

type ProjectsQuery = ApiOperations['ProjectsController_list']['parameters']['query'];

/** The query of GET /api/projects: only the filters that are set. */
export function projectsQuery(params: ProjectListParams): ProjectsQuery {
  return {
    year: params.year,
    page: params.page,
    pageSize: params.pageSize,
    search: params.search || undefined,
    organizationId: params.organizationId || undefined,
    categoryCode: params.categoryCode || undefined,
    status: params.status || undefined,
  };
}

export const fetchProjects = (params: ProjectListParams, signal?: AbortSignal) =>
  api.get('/api/projects', { query: projectsQuery(params), signal });

export const fetchOrganizations = (signal?: AbortSignal) => api.get('/api/organizations', { signal });

export const postProject = (body: CreateProjectRequest) => api.post('/api/projects', { body });

export const deleteProject = (id: string) => api.delete('/api/projects/{id}', { path: { id } });

export const fetchProjectHeaderProposal = (organizationId: string, signal?: AbortSignal) =>
  api.get('/api/organizations/{id}/project-header', { path: { id: organizationId }, signal });

/** 结转到下一年度: every continuing project of a unit into a draft of the next year; one result per project. */
export const postCarryForward = (body: CarryForwardRequest) => api.post('/api/projects/carry-forward', { body });
