import type { CreateLibraryEntryRequest, LibraryEntryRequest, LibraryTier } from '@jxt/contracts';
import { api } from '../../api/client';

export interface LibraryListParams {
  q?: string;
  level2?: string;
  tier?: LibraryTier;
  year?: number;
  includeRetired?: boolean;
  page?: number;
  pageSize?: number;
}

export const fetchLibrary = (params: LibraryListParams, signal?: AbortSignal) =>
  api.get('/api/indicator-library', { query: params, signal });

export const postLibraryEntry = (body: CreateLibraryEntryRequest) => api.post('/api/indicator-library', { body });

export const putLibraryEntry = (id: string, body: LibraryEntryRequest) =>
  api.put('/api/indicator-library/{id}', { path: { id }, body });

export const postRetireLibraryEntry = (id: string) => api.post('/api/indicator-library/{id}/retire', { path: { id } });

export const postRestoreLibraryEntry = (id: string) =>
  api.post('/api/indicator-library/{id}/restore', { path: { id } });
