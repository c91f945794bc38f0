import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchAuditEvents, type AuditLogParams } from './api';
import { auditKeys } from './query-keys';

export function useAuditEvents(params: AuditLogParams) {
  return useQuery({
    queryKey: auditKeys.list(params),
    queryFn: ({ signal }) => fetchAuditEvents(params, signal),
    placeholderData: keepPreviousData,
  });
}
