import { apiUrl, type StartExportRequest } from '@jxt/contracts';
import { api } from '../../api/client';

/** 批量导出: starts the background job; the answer is the job with its count of forms. */
export const postExport = (body: StartExportRequest) => api.post('/api/exports', { body });

/** The caller's recent export jobs, newest first. */
export const fetchExports = (signal?: AbortSignal) => api.get('/api/exports', { signal });

/** The finished file (a plain link: the session cookie authenticates the download, as 导出 Excel does). */
export const exportFileUrl = (id: string) => apiUrl('/api/exports/{id}/file', { id });
