import type { CodeListName, SaveFormRequest } from '@jxt/contracts';
import { api } from '../../api/client';

export const fetchGoalForm = (id: string, signal?: AbortSignal) => api.get('/api/forms/{id}', { path: { id }, signal });

/** The whole form in one PUT; a stale rowVersion answers 409, a bad field 400 with `fields`. */
export const putGoalForm = (id: string, body: SaveFormRequest) => api.put('/api/forms/{id}', { path: { id }, body });

/** 上年对照: the indicators of the approved revision a 延续 form was carried from, with targets and actual values. */
export const fetchPreviousYear = (id: string, signal?: AbortSignal) =>
  api.get('/api/forms/{id}/previous-year', { path: { id }, signal });

export const fetchTaxonomy = (year: number, signal?: AbortSignal) =>
  api.get('/api/taxonomy', { query: { year }, signal });

/** A code list; for 功能分类科目 with `year`, the version in force in that year (the newest at or before it). */
export const fetchCodeList = (list: CodeListName, year: number | undefined, signal?: AbortSignal) =>
  api.get('/api/code-lists', { query: { list, year }, signal });
