import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportConfirmRequest, ImportConfirmResult, ImportPreview } from '@jxt/contracts';
import type { ApiRequestError } from '../../api/http';
import { formKeys } from '../forms/query-keys';
import { projectKeys } from '../projects/query-keys';
import { yearKeys } from '../years/query-keys';
import { fetchImport, fetchImportLimits, postImport, postImportConfirm } from './api';
import { importKeys } from './query-keys';

/** The upload size limit in force: a setting of the deployment, read once. */
export function useImportLimits() {
  return useQuery({
    queryKey: importKeys.limits,
    queryFn: ({ signal }) => fetchImportLimits(signal),
    staleTime: Infinity,
  });
}

/** The stored preview of the batch named in the URL (after a reload). A confirmed batch is not asked for again. */
export function useImportPreview(id: string | undefined) {
  return useQuery({
    queryKey: importKeys.batch(id ?? ''),
    queryFn: ({ signal }) => fetchImport(id ?? '', signal),
    enabled: Boolean(id),
    staleTime: Infinity,
  });
}

/** The upload: its preview goes into the cache under its id, so the page that names it in the URL has it at once. */
export function useUploadImport() {
  const client = useQueryClient();
  return useMutation<ImportPreview, ApiRequestError | Error, File>({
    mutationFn: (file) => postImport(file),
    onSuccess: (preview) => client.setQueryData(importKeys.batch(preview.id), preview),
  });
}

/** The confirm: the lists, the years and the forms it wrote are read again. */
export function useConfirmImport(id: string) {
  const client = useQueryClient();
  return useMutation<ImportConfirmResult, ApiRequestError | Error, ImportConfirmRequest>({
    mutationFn: (body) => postImportConfirm(id, body),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: projectKeys.all }),
        client.invalidateQueries({ queryKey: yearKeys.all }),
        client.invalidateQueries({ queryKey: formKeys.all }),
      ]),
  });
}
