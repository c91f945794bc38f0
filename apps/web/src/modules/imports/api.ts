import type { ImportConfirmRequest, ImportPreview } from '@jxt/contracts';
import { api } from '../../api/client';
import { apiFetch } from '../../api/http';

/**
 * 导入 step 1: the workbook as multipart field `file`; the answer is the stored preview (nothing else is written). The
 * typed client sends JSON only, so the upload goes through apiFetch (session cookie, CSRF header) with a FormData body.
 */
export async function postImport(file: File): Promise<ImportPreview> {
  const body = new FormData();
  body.append('file', file, file.name);
  // The OpenAPI document's ImportPreview is this route's 200 answer (the API's tests check the real one against it).
  return (await apiFetch('/api/imports', { method: 'POST', body })) as ImportPreview;
}

/** A stored preview, to its creator only (a reload of the page reads it again). */
export const fetchImport = (id: string, signal?: AbortSignal) => api.get('/api/imports/{id}', { path: { id }, signal });

/** 导入 step 2: writes the sheets kept, in one transaction; the answer names each created or updated form. */
export const postImportConfirm = (id: string, body: ImportConfirmRequest) =>
  api.post('/api/imports/{id}/confirm', { path: { id }, body });

/** The upload size limit in force (IMPORT_MAX_MB), for the page to say before a file is chosen. */
export const fetchImportLimits = (signal?: AbortSignal) => api.get('/api/imports/limits', { signal });
