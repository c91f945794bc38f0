import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LibraryEntry } from '@jxt/contracts';
import { api } from '../../api/client';
import type { ApiRequestError } from '../../api/http';

/**
 * The 指标库 as the editor reads it (issue 14 point 2): the form's 推荐指标, a search of the library, 加入指标库. Its
 * keys start with the 指标库 page's (modules/indicator-library/query-keys.ts builds on LIBRARY_KEY), so adding an
 * entry here refreshes that page's lists and the suggestions alike.
 */
export const LIBRARY_KEY = ['indicator-library'] as const;

export const editorLibraryKeys = {
  /** They rank the saved form, so a save of the form makes them stale (useSaveForm). */
  suggestions: (formId: string) => [...LIBRARY_KEY, 'suggestions', formId] as const,
  search: (q: string, year: number) => [...LIBRARY_KEY, 'editor-search', q, year] as const,
};

/** The form's 推荐指标 (best first), read when the drawer opens. */
export function useSuggestions(formId: string, enabled = true) {
  return useQuery({
    queryKey: editorLibraryKeys.suggestions(formId),
    queryFn: ({ signal }) => api.get('/api/forms/{id}/suggestions', { path: { id: formId }, signal }),
    enabled,
  });
}

/** The library's entries matching `q` (Chinese words or pinyin initials), counted in `year`: one page of 30. */
export function useLibrarySearch(q: string, year: number, enabled = true) {
  return useQuery({
    queryKey: editorLibraryKeys.search(q, year),
    queryFn: ({ signal }) => api.get('/api/indicator-library', { query: { q, year, pageSize: 30 }, signal }),
    placeholderData: keepPreviousData,
    enabled: enabled && q !== '',
  });
}

/** 加入指标库 of a saved indicator of the form: it becomes a 个性 entry of the caller's unit. */
export function useAddToLibrary(formId: string) {
  const client = useQueryClient();
  return useMutation<LibraryEntry, ApiRequestError | Error, { indicatorId: string }>({
    mutationFn: ({ indicatorId }) => api.post('/api/indicator-library/from-form', { body: { formId, indicatorId } }),
    onSuccess: () => client.invalidateQueries({ queryKey: LIBRARY_KEY }),
  });
}
