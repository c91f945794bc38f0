import { SetMetadata } from '@nestjs/common';
import type { AuditEventType } from '@jxt/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../database/access/db';
import type { AuthUser } from '../tenancy/request-context';

export const AUDIT_ROUTE = 'jxt:audit-route';

/** What a route records in the audit log, whoever calls it and whatever the answer (docs/adr/0020-audit-log.md). */
export interface AuditRoute {
  type: AuditEventType;
  /** What the route changes (`user`, `organization`, …): its id is the route's first path parameter, or a create's. */
  target?: string;
  /** Keep the request body (secrets removed, size capped): for the small bodies of users, organisations, deadlines. */
  detail?: boolean;
  /** The login route: the event is told by the status (login, login.failed, login.throttled). */
  login?: boolean;
}

/**
 * Records every call of the route in the audit log: the stored change in its own transaction (no change without its
 * record), a refused or failed call in a short transaction after the rollback. Every write of an admin is recorded
 * without it, as `admin.write`.
 */
export const Audited = (type: AuditEventType, options: Omit<AuditRoute, 'type'> = {}) =>
  SetMetadata(AUDIT_ROUTE, { type, ...options } satisfies AuditRoute);

/** One record of the audit log, as the recorder stores it. */
export interface AuditRecord {
  eventType: AuditEventType;
  tenantId: string | null;
  userId: string | null;
  username: string | null;
  displayName: string | null;
  organizationId: string | null;
  organizationPath: string | null;
  method: string;
  route: string | null;
  targetType: string | null;
  targetId: string | null;
  status: number;
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  detail: Record<string, unknown> | null;
}

/** Where the request hooks hand the records (modules/audit's recorder; common/ imports no module). */
export interface AuditSink {
  /** In the request's own transaction, before its COMMIT. */
  recordInTransaction(db: Db, record: AuditRecord): Promise<void>;
  /** On a connection of its own, committed at once (a refusal, whose request transaction was rolled back; a login). */
  recordSeparately(record: AuditRecord): Promise<void>;
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const ADMIN_WRITE: AuditRoute = { type: 'admin.write' };

/** What the request carries for the audit: the route's rule (set by the session guard) and who asked. */
export interface AuditedRequest {
  auditRoute?: AuditRoute;
  /** The session's user once the session check found one, even when it then refused the request. */
  auditUser?: AuthUser;
}

/**
 * The rule for this request, or null: a route marked @Audited, else any write of a user holding the admin role.
 * A GET and a non-admin's unmarked write record nothing (the hot paths pay one property read).
 */
export function auditRouteOf(request: FastifyRequest & AuditedRequest): AuditRoute | null {
  if (request.auditRoute) return request.auditRoute;
  if (WRITE_METHODS.has(request.method) && request.auditUser?.roles.includes('admin')) return ADMIN_WRITE;
  return null;
}

// Passwords, secrets, tokens and one-time codes (TOTP) never reach the log.
const SECRET_KEY = /password|secret|token|otp/i;
const MAX_DETAIL_CHARS = 4000;

/** The body without secrets (any key naming a password, secret, token or one-time code), capped in size. */
export function auditDetail(body: unknown): Record<string, unknown> | null {
  if (body === null || typeof body !== 'object') return null;
  const clean = (value: unknown, depth: number): unknown => {
    if (depth > 4 || value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.slice(0, 100).map((item) => clean(item, depth + 1));
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !SECRET_KEY.test(key))
        .map(([key, item]) => [key, clean(item, depth + 1)]),
    );
  };
  const detail = clean(body, 0) as Record<string, unknown>;
  const size = JSON.stringify(detail).length;
  return size > MAX_DETAIL_CHARS ? { truncated: true, size } : detail;
}

function idFromAnswer(payload: unknown): string | null {
  if (typeof payload !== 'string' || payload.length > 100_000 || !payload.startsWith('{')) return null;
  try {
    const id = (JSON.parse(payload) as { id?: unknown }).id;
    return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
  } catch {
    return null;
  }
}

/** The login's event, told by its answer. */
function loginEvent(status: number): AuditEventType {
  if (status < 400) return 'login';
  return status === 429 ? 'login.throttled' : 'login.failed';
}

/**
 * The record of a finished request under `rule`, or null when nobody is known to have asked (an anonymous call of
 * an audited route is a 401 the server log keeps; a login attempt is always recorded).
 */
export function auditRecordOf(
  request: FastifyRequest & AuditedRequest,
  reply: FastifyReply,
  payload: unknown,
  rule: AuditRoute,
): AuditRecord | null {
  const user = request.auditUser;
  const status = reply.statusCode;
  const common = {
    method: request.method,
    route: request.routeOptions.url?.slice(0, 200) ?? null,
    status,
    requestId: String(request.id),
    ip: request.ip?.slice(0, 64) ?? null,
    userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
  };
  if (rule.login) {
    const body = request.body as { username?: unknown } | null | undefined;
    const username = typeof body?.username === 'string' ? body.username.slice(0, 200) : null;
    return {
      ...common,
      eventType: loginEvent(status),
      // Who it was is looked up by name in the database (audit_record_login): before the login no tenant is known.
      tenantId: null,
      userId: null,
      username,
      displayName: null,
      organizationId: null,
      organizationPath: null,
      targetType: null,
      targetId: null,
      detail: null,
    };
  }
  if (!user) return null;
  const params = (request.params ?? {}) as Record<string, string | undefined>;
  const firstParam = Object.values(params).find((value) => typeof value === 'string');
  const targetId = (firstParam ?? (status < 400 ? idFromAnswer(payload) : null))?.slice(0, 100) ?? null;
  return {
    ...common,
    eventType: rule.type,
    tenantId: user.tenantId,
    userId: user.userId,
    username: user.username,
    displayName: user.displayName,
    organizationId: user.organizationId,
    organizationPath: user.organizationPath,
    targetType: rule.target ?? null,
    targetId,
    detail: rule.detail ? auditDetail(request.body) : null,
  };
}
