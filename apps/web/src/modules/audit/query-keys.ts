import type { AuditLogParams } from './api';

export const auditKeys = {
  all: ['audit-events'] as const,
  list: (params: AuditLogParams) => ['audit-events', 'list', params] as const,
};
