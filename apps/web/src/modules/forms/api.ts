import type { CodeListItem, CodeListName, GoalForm, SaveFormRequest, TaxonomyNode } from '@jxt/contracts';
import { apiFetch } from '../../api/http';

export const fetchGoalForm = (id: string, signal?: AbortSignal) =>
  apiFetch<GoalForm>(`/api/forms/${encodeURIComponent(id)}`, { signal });

/** The whole form in one PUT; a stale rowVersion answers 409, a bad field 400 with `fields`. */
export const putGoalForm = (id: string, body: SaveFormRequest) =>
  apiFetch<GoalForm>(`/api/forms/${encodeURIComponent(id)}`, { method: 'PUT', body });

export const fetchTaxonomy = (year: number, signal?: AbortSignal) =>
  apiFetch<TaxonomyNode[]>(`/api/taxonomy?year=${year}`, { signal });

export const fetchCodeList = (list: CodeListName, signal?: AbortSignal) =>
  apiFetch<CodeListItem[]>(`/api/code-lists?list=${encodeURIComponent(list)}`, { signal });
