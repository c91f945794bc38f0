import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ExportJob, ExportJobStatus, StartExportRequest } from '@jxt/contracts';
import type { ApiRequestError } from '../../api/http';
import { fetchExports, postExport } from './api';
import { exportKeys } from './query-keys';

/** How often the 导出任务 list is asked again while a job is queued or running. */
export const EXPORT_POLL_MS = 1000;

export const exportRunning = (status: ExportJobStatus) => status === 'queued' || status === 'running';

/** The caller's recent export jobs, asked every second while one of them is still being written. */
export function useExports(enabled = true) {
  return useQuery({
    queryKey: exportKeys.list(),
    queryFn: ({ signal }) => fetchExports(signal),
    enabled,
    refetchInterval: (query) => (query.state.data?.some((job) => exportRunning(job.status)) ? EXPORT_POLL_MS : false),
  });
}

export function useStartExport() {
  const client = useQueryClient();
  return useMutation<ExportJob, ApiRequestError | Error, StartExportRequest>({
    mutationFn: (body) => postExport(body),
    onSuccess: (job) => {
      // The new job shows at once, at the top of the list; the refetch then polls its progress.
      client.setQueryData<ExportJob[]>(exportKeys.list(), (jobs) => [
        job,
        ...(jobs ?? []).filter((j) => j.id !== job.id),
      ]);
      void client.invalidateQueries({ queryKey: exportKeys.list() });
    },
  });
}
