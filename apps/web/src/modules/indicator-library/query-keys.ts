import { LIBRARY_KEY } from '../forms/library-queries';
import type { LibraryListParams } from './api';

/** The 指标库 page's keys, under the root the editor's library queries share (forms/library-queries.ts). */
export const libraryKeys = {
  all: LIBRARY_KEY,
  list: (params: LibraryListParams) => [...LIBRARY_KEY, 'list', params] as const,
};
