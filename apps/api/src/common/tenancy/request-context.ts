import { AsyncLocalStorage } from 'node:async_hooks';
import type { OrganizationKind, Role } from '@jxt/contracts';
import type { Db } from '../../database/access/db';
import type { Scope } from '../../database/access/scope';

/** Who is calling, resolved from their session on every request. */
export interface AuthUser {
  sessionId: string;
  userId: string;
  username: string;
  displayName: string;
  roles: Role[];
  tenantId: string;
  tenantName: string;
  organizationId: string;
  organizationName: string;
  organizationKind: OrganizationKind;
  /** Materialised path of the user's own organisation. */
  organizationPath: string;
  /**
   * What the user may see, as repositories take it: their own subtree, and for a 财政科室 also the subtrees of the
   * 主管部门 assigned to it (docs/domain.md §1.1).
   */
  scope: Scope;
  csrfToken: string;
  /** What the session may do until its user acts (a forced password change, an admin's TOTP enrolment); null: all. */
  restriction: SessionRestriction | null;
}

export type SessionRestriction = 'password_change' | 'totp_enrolment';

export interface TenantScope {
  user: AuthUser;
  /** The request's transaction (app.tenant_id and app.user_id set), as repositories take it. */
  db: Db;
}

/** What a request carries through its async work: its tenant scope, once the session check has set it. */
export interface RequestScope {
  tenantScope?: TenantScope;
}

const storage = new AsyncLocalStorage<RequestScope>();

/**
 * Runs `next` (the rest of a request: guard, pipes, handler) with `request` as its scope holder. Called once per
 * request by a Fastify preHandler hook (request-transaction-hooks.ts); the session check fills the holder in.
 */
export function enterRequestScope(request: RequestScope, next: () => void): void {
  storage.run(request, next);
}

/** Gives a request its tenant scope (the session guard, after the session check). */
export function setTenantScope(request: RequestScope, user: AuthUser, db: Db): void {
  request.tenantScope = { user, db };
}

/** The current request's scope; throws when called outside one (a bug, not a user error). */
export function tenantScope(): TenantScope {
  const scope = storage.getStore()?.tenantScope;
  if (!scope) throw new Error('No tenant scope: this code must run inside an authenticated request');
  return scope;
}
