import { FORM_STATUSES, type FormStatus } from '@jxt/contracts';

/** The list's state, all of it in the URL so a filtered page can be shared and survives a reload. */
export interface ProjectListParams {
  year: number;
  search?: string;
  organizationId?: string;
  categoryCode?: string;
  status?: FormStatus;
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [20, 50, 100, 200] as const;
export const DEFAULT_PAGE_SIZE = 20;
/** The API's limit. */
export const MAX_PAGE_SIZE = 500;
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** URL parameter names, short and readable in a shared link. */
const P = {
  year: 'year',
  search: 'q',
  organizationId: 'org',
  categoryCode: 'category',
  status: 'status',
  page: 'page',
  pageSize: 'pageSize',
} as const;

function intParam(raw: string | null, min: number, max: number): number | undefined {
  if (raw === null || !/^\d+$/.test(raw.trim())) return undefined;
  const value = Number(raw);
  return value >= min && value <= max ? value : undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads the list's parameters from the URL. Anything malformed is dropped rather than sent to the API
 * (which would answer 400): a hand-edited link still shows a list. `year` is undefined when absent, so
 * the page can choose the default year itself.
 */
export function parseListParams(search: URLSearchParams): Omit<ProjectListParams, 'year'> & { year?: number } {
  const text = search.get(P.search)?.trim().slice(0, 100);
  const organizationId = search.get(P.organizationId) ?? undefined;
  const categoryCode = search.get(P.categoryCode)?.trim().slice(0, 64);
  const status = search.get(P.status);
  return {
    year: intParam(search.get(P.year), MIN_YEAR, MAX_YEAR),
    search: text || undefined,
    organizationId: organizationId && UUID.test(organizationId) ? organizationId : undefined,
    categoryCode: categoryCode || undefined,
    status: status && (FORM_STATUSES as readonly string[]).includes(status) ? (status as FormStatus) : undefined,
    page: intParam(search.get(P.page), 1, 1_000_000) ?? 1,
    pageSize: intParam(search.get(P.pageSize), 1, MAX_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE,
  };
}

/** The URL form of the parameters; defaults (page 1, the default page size) are left out. */
export function toSearchParams(params: Partial<ProjectListParams>): URLSearchParams {
  const out = new URLSearchParams();
  if (params.year !== undefined) out.set(P.year, String(params.year));
  if (params.search) out.set(P.search, params.search);
  if (params.organizationId) out.set(P.organizationId, params.organizationId);
  if (params.categoryCode) out.set(P.categoryCode, params.categoryCode);
  if (params.status) out.set(P.status, params.status);
  if (params.page && params.page > 1) out.set(P.page, String(params.page));
  if (params.pageSize && params.pageSize !== DEFAULT_PAGE_SIZE) out.set(P.pageSize, String(params.pageSize));
  return out;
}

/**
 * The new parameters after a filter changed: any change other than the page itself starts again at
 * page 1 (page 7 of the old filter means nothing under the new one).
 */
export function applyChange(current: ProjectListParams, change: Partial<ProjectListParams>): ProjectListParams {
  const next = { ...current, ...change };
  const onlyPaging = Object.keys(change).every((key) => key === 'page');
  if (!onlyPaging && change.page === undefined) next.page = 1;
  return next;
}
