import type { LibraryListParams } from './api';

export const libraryKeys = {
  all: ['indicator-library'] as const,
  list: (params: LibraryListParams) => ['indicator-library', 'list', params] as const,
};
