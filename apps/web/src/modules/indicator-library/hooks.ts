import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateLibraryEntryRequest, LibraryEntry, LibraryEntryRequest } from '@jxt/contracts';
import type { ApiRequestError } from '../../api/http';
import {
  fetchLibrary,
  postLibraryEntry,
  postRestoreLibraryEntry,
  postRetireLibraryEntry,
  putLibraryEntry,
  type LibraryListParams,
} from './api';
import { libraryKeys } from './query-keys';

export function useLibrary(params: LibraryListParams, enabled = true) {
  return useQuery({
    queryKey: libraryKeys.list(params),
    queryFn: ({ signal }) => fetchLibrary(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** 新增 (no id) or 修改 (id) an entry; the list is read again afterwards. */
export function useSaveLibraryEntry() {
  const client = useQueryClient();
  return useMutation<
    LibraryEntry,
    ApiRequestError | Error,
    { id: null; body: CreateLibraryEntryRequest } | { id: string; body: LibraryEntryRequest }
  >({
    mutationFn: (input) => (input.id === null ? postLibraryEntry(input.body) : putLibraryEntry(input.id, input.body)),
    onSuccess: () => client.invalidateQueries({ queryKey: libraryKeys.all }),
  });
}

/** 停用 (retire) or 启用 (restore) an entry. */
export function useRetireLibraryEntry() {
  const client = useQueryClient();
  return useMutation<LibraryEntry, ApiRequestError | Error, { id: string; retire: boolean }>({
    mutationFn: ({ id, retire }) => (retire ? postRetireLibraryEntry(id) : postRestoreLibraryEntry(id)),
    onSuccess: () => client.invalidateQueries({ queryKey: libraryKeys.all }),
  });
}
