import { EVALUATION_STATUSES, type EvaluationStatus } from '@jxt/contracts';
import type { EvaluationListParams } from './api';

export const EVALUATION_PAGE_SIZES = [20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 20;

const positive = (text: string | null) => {
  const value = Number(text);
  return Number.isInteger(value) && value > 0 ? value : undefined;
};

/** The list's state as the URL carries it (?year=2021&status=submitted&page=2&pageSize=50); unknown values fall back. */
export function parseEvaluationParams(search: URLSearchParams): Omit<EvaluationListParams, 'year'> & { year?: number } {
  const status = search.get('status');
  const year = positive(search.get('year'));
  const pageSize = positive(search.get('pageSize'));
  return {
    year: year && year >= 2000 && year <= 2100 ? year : undefined,
    status: (EVALUATION_STATUSES as readonly string[]).includes(status ?? '')
      ? (status as EvaluationStatus)
      : undefined,
    page: positive(search.get('page')) ?? 1,
    pageSize:
      pageSize && (EVALUATION_PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

export function toEvaluationSearch(params: Partial<EvaluationListParams>): URLSearchParams {
  const search = new URLSearchParams();
  if (params.year) search.set('year', String(params.year));
  if (params.status) search.set('status', params.status);
  if (params.page && params.page > 1) search.set('page', String(params.page));
  if (params.pageSize && params.pageSize !== DEFAULT_PAGE_SIZE) search.set('pageSize', String(params.pageSize));
  return search;
}
