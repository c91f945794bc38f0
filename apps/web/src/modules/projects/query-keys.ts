import type { ProjectListParams } from './list-params';

export const projectKeys = {
  all: ['projects'] as const,
  list: (params: ProjectListParams) => ['projects', 'list', params] as const,
};

export const organizationKeys = {
  all: ['organizations'] as const,
  projectHeader: (id: string) => ['organizations', id, 'project-header'] as const,
};
