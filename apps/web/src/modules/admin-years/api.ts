import type { SetDeadlinesRequest } from '@jxt/contracts';
import { api } from '../../api/client';

/** 开启新年度 (admin): idempotent — a year already open answers `changed: false`. */
export const postOpenYear = (year: number) => api.post('/api/years/{year}/open', { path: { year } });

/** 关闭年度 (admin). */
export const postCloseYear = (year: number) => api.post('/api/years/{year}/close', { path: { year } });

/** The year's 截止日期 (one per stage that has one). */
export const fetchDeadlines = (year: number, signal?: AbortSignal) =>
  api.get('/api/deadlines', { query: { year }, signal });

/** Sets, changes or clears (null) each deadline given; the others stay. */
export const putDeadlines = (year: number, body: SetDeadlinesRequest) =>
  api.put('/api/deadlines/{year}', { path: { year }, body });
