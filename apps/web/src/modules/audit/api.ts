import { apiUrl, type ApiOperations, type AuditEventType } from '@jxt/contracts';
import { api } from '../../api/client';

type AuditQuery = NonNullable<ApiOperations['AuditController_list']['parameters']['query']>;

/** The 日志 page's filters; empty ones are left out of the request. */
export interface AuditLogParams {
  user?: string;
  eventType?: AuditEventType;
  outcome?: 'success' | 'failure';
  /** ISO date-times: from (included) and to (excluded). */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

function filters(params: AuditLogParams): AuditQuery {
  return {
    user: params.user?.trim() || undefined,
    eventType: params.eventType,
    outcome: params.outcome,
    from: params.from,
    to: params.to,
  };
}

export const fetchAuditEvents = (params: AuditLogParams, signal?: AbortSignal) =>
  api.get('/api/audit-events', {
    query: { ...filters(params), page: params.page, pageSize: params.pageSize },
    signal,
  });

/** The CSV of the same filters (every page), for a plain link: the session cookie goes with it. */
export const auditCsvUrl = (params: AuditLogParams) => apiUrl('/api/audit-events.csv', undefined, filters(params));
