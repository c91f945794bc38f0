import { Injectable } from '@nestjs/common';
import type { AuditRecord } from '../../common/audit/audited';
import type { Db } from '../../database/access/db';
import { inScope, type Scope } from '../../database/access/scope';
import { sql } from '../../database/access/statement';
import type { AuditEventEntity } from '../../database/entities/audit-event.entity';
import type { OrganizationEntity } from '../../database/entities/organization.entity';

/** One record as the log lists it, with its organisation's name today. */
export type AuditEventRow = Omit<AuditEventEntity, 'tenantId' | 'organizationPath'> & {
  organizationName: OrganizationEntity['name'] | null;
  total: string;
};

export interface AuditEventFilter {
  userId: string | null;
  /** Part of the user name or display name. */
  user: string | null;
  eventType: string | null;
  from: Date | null;
  to: Date | null;
  /** `success` (status below 400) or `failure`. */
  outcome: 'success' | 'failure' | null;
}

const INSERT = sql<
  object,
  [
    tenantId: string | null,
    userId: string | null,
    username: string | null,
    displayName: string | null,
    organizationId: string | null,
    organizationPath: string | null,
    eventType: string,
    method: string,
    route: string | null,
    targetType: string | null,
    targetId: string | null,
    status: number,
    requestId: string,
    ip: string | null,
    userAgent: string | null,
    detail: Record<string, unknown> | null,
  ]
>(
  'audit.insert',
  `INSERT INTO audit_event (tenant_id, user_id, username, display_name, organization_id, organization_path, event_type,
     method, route, target_type, target_id, status, request_id, ip, user_agent, detail)
   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
  { prepared: true },
);

// Before the tenant is known (SECURITY DEFINER): finds the user by name and, for a 429, writes login_audit too.
const RECORD_LOGIN = sql<
  object,
  [
    eventType: string,
    username: string | null,
    status: number,
    ip: string | null,
    userAgent: string | null,
    requestId: string,
    route: string | null,
  ]
>('audit.recordLogin', `SELECT FROM audit_record_login($1, $2, $3, $4, $5, $6, $7)`);

const COLUMNS = `e.id, e.at, e.user_id AS "userId", e.username, e.display_name AS "displayName",
  e.organization_id AS "organizationId", o.name AS "organizationName", e.event_type AS "eventType", e.method, e.route,
  e.target_type AS "targetType", e.target_id AS "targetId", e.status, e.request_id AS "requestId", e.ip,
  e.user_agent AS "userAgent", e.detail`;

// Row-level security keeps the tenant; the scope keeps the reader to the events of their subtree's users.
const WHERE = `${inScope('e.organization_path', 1)}
   AND ($2::uuid IS NULL OR e.user_id = $2)
   AND ($3::text IS NULL OR e.username ILIKE '%' || $3 || '%' OR e.display_name ILIKE '%' || $3 || '%')
   AND ($4::text IS NULL OR e.event_type = $4)
   AND ($5::timestamptz IS NULL OR e.at >= $5)
   AND ($6::timestamptz IS NULL OR e.at < $6)
   AND ($7::text IS NULL OR ($7 = 'success') = (e.status < 400))`;

type FilterParams = [
  scope: readonly string[],
  userId: string | null,
  user: string | null,
  eventType: string | null,
  from: Date | null,
  to: Date | null,
  outcome: string | null,
];

const PAGE = sql<AuditEventRow, [...FilterParams, limit: number, offset: number]>(
  'audit.page',
  `SELECT ${COLUMNS}, count(*) OVER () AS total FROM audit_event e LEFT JOIN organization o ON o.id = e.organization_id
   WHERE ${WHERE} ORDER BY e.at DESC, e.id DESC LIMIT $8 OFFSET $9`,
);

const EXPORT = sql<Omit<AuditEventRow, 'total'>, [...FilterParams, limit: number]>(
  'audit.export',
  `SELECT ${COLUMNS} FROM audit_event e LEFT JOIN organization o ON o.id = e.organization_id
   WHERE ${WHERE} ORDER BY e.at DESC, e.id DESC LIMIT $8`,
);

// The owner's purge (`audit:purge`): the trigger lets a DELETE through only with this flag set in the transaction,
// and only for rows older than 180 days, whatever the days asked for.
const PURGE_FLAG = sql<object, []>('audit.purgeFlag', `SELECT set_config('jxt.audit_purge', 'on', true)`);
const PURGE = sql<{ deleted: number }, [days: number]>(
  'audit.purge',
  `WITH gone AS (DELETE FROM audit_event WHERE at < now() - make_interval(days => $1) RETURNING 1)
   SELECT count(*)::int AS deleted FROM gone`,
);

/**
 * Deletes the records older than `days` (already checked against the minimum) in one owner transaction; the number
 * deleted. Never run by the app role, which has no DELETE grant and which the trigger refuses anyway.
 */
export async function purgeAuditEvents(
  q: (text: string, params?: unknown[]) => Promise<unknown[]>,
  days: number,
): Promise<number> {
  await q(PURGE_FLAG.text);
  const [row] = (await q(PURGE.text, [days])) as { deleted: number }[];
  return row?.deleted ?? 0;
}

/** audit_event: the audit log (append-only; docs/adr/0020-audit-log.md). */
@Injectable()
export class AuditEventRepository {
  async insert(db: Db, r: AuditRecord): Promise<void> {
    await db.run(INSERT, [
      r.tenantId,
      r.userId,
      r.username,
      r.displayName,
      r.organizationId,
      r.organizationPath,
      r.eventType,
      r.method,
      r.route,
      r.targetType,
      r.targetId,
      r.status,
      r.requestId,
      r.ip,
      r.userAgent,
      r.detail,
    ]);
  }

  async recordLogin(db: Db, r: AuditRecord): Promise<void> {
    await db.run(RECORD_LOGIN, [r.eventType, r.username, r.status, r.ip, r.userAgent, r.requestId, r.route]);
  }

  page(db: Db, scope: Scope, filter: AuditEventFilter, limit: number, offset: number): Promise<AuditEventRow[]> {
    return db.rows(PAGE, [...filterParams(scope, filter), limit, offset]);
  }

  export(db: Db, scope: Scope, filter: AuditEventFilter, limit: number): Promise<Omit<AuditEventRow, 'total'>[]> {
    return db.rows(EXPORT, [...filterParams(scope, filter), limit]);
  }
}

function filterParams(scope: Scope, f: AuditEventFilter): FilterParams {
  return [scope.patterns, f.userId, f.user, f.eventType, f.from, f.to, f.outcome];
}
