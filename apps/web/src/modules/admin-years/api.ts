import { api } from '../../api/client';

/** 开启新年度 (admin): idempotent — a year already open answers `changed: false`. */
export const postOpenYear = (year: number) => api.post('/api/years/{year}/open', { path: { year } });

/** 关闭年度 (admin). */
export const postCloseYear = (year: number) => api.post('/api/years/{year}/close', { path: { year } });
