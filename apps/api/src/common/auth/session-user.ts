import type { OrganizationKind, Role } from '@jxt/contracts';
import { scopeOf } from '../../database/access/scope';
import type { AuthUser, SessionRestriction } from '../tenancy/request-context';

/** One row of auth_session_lookup(), with the session cache's epoch read in the same statement. */
export interface SessionRow {
  session_id: string;
  tenant_id: string;
  tenant_name: string;
  user_id: string;
  username: string;
  display_name: string;
  roles: Role[];
  organization_id: string;
  organization_name: string;
  organization_kind: OrganizationKind;
  organization_path: string;
  scope_paths: string[];
  csrf_token: string;
  expires_at: Date;
  /** bigint, as text */
  cache_epoch: string;
  restriction: SessionRestriction | null;
  /** When the session was last seen (now, if this lookup moved it). */
  seen_at: Date;
  /** The tenant's idle time-out: the session ends when unseen for longer. */
  idle_timeout_minutes: number;
}

/** Who is calling, from their session row (the scope as LIKE patterns of their subtrees, docs/domain.md §1.1). */
export function toAuthUser(row: SessionRow): AuthUser {
  return {
    sessionId: row.session_id,
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles,
    tenantId: row.tenant_id,
    tenantName: row.tenant_name,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    organizationKind: row.organization_kind,
    organizationPath: row.organization_path,
    scope: scopeOf(row.tenant_id, row.scope_paths),
    csrfToken: row.csrf_token,
    restriction: row.restriction,
  };
}
