import type { ProjectListItem, ProjectListResponse } from '@jxt/contracts';
import type { ListProjectsQueryDto } from './dto/project.dto';
import type { ProjectListFilter, ProjectListRow } from '../project-records/project-records.service';

/** The list query's filter from the request's query string (page 1 of 50 unless asked). */
export function listFilter(query: ListProjectsQueryDto): ProjectListFilter {
  const pageSize = query.pageSize ?? 50;
  return {
    year: query.year,
    search: query.search?.trim() || null,
    organizationId: query.organizationId ?? null,
    categoryCode: query.categoryCode ?? null,
    status: query.status ?? null,
    limit: pageSize,
    offset: ((query.page ?? 1) - 1) * pageSize,
  };
}

/** One page of the list as the API answers it; the window count of the first row is the total. */
export function toProjectList(rows: ProjectListRow[], query: ListProjectsQueryDto): ProjectListResponse {
  const items: ProjectListItem[] = rows.map(({ total: _total, ...item }) => item);
  return {
    items,
    total: rows.length ? Number(rows[0].total) : 0,
    page: query.page ?? 1,
    pageSize: query.pageSize ?? 50,
  };
}
