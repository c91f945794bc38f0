import { Injectable } from '@nestjs/common';
import type { Db } from '../../database/access/db';
import { inScope, type Scope } from '../../database/access/scope';
import { sql } from '../../database/access/statement';
import type { OrganizationEntity } from '../../database/entities/organization.entity';
import type { TenantEntity } from '../../database/entities/tenant.entity';
import type { UserEntity } from '../../database/entities/user.entity';
import type { SessionEntity } from '../../database/entities/session.entity';

/** What the login path learns of a user name before any tenant is known. */
export type LoginRow = Pick<UserEntity, 'tenantId' | 'passwordHash' | 'disabled'> & { userId: UserEntity['id'] };

// auth_find_login (SECURITY DEFINER): the one lookup across tenants; it writes the login_audit row itself.
const FIND_LOGIN = sql<LoginRow, [username: string, ip: string]>(
  'sessions.findLogin',
  `SELECT out_user_id AS "userId", out_tenant_id AS "tenantId", out_password_hash AS "passwordHash", out_disabled AS disabled
   FROM auth_find_login($1, $2)`,
);

// Sessions ended more than 30 days ago are only clutter: each login clears the user's own.
const PRUNE_ENDED = sql<object, [userId: string]>(
  'sessions.pruneEnded',
  `DELETE FROM user_session WHERE user_id = $1
     AND (expires_at < now() - interval '30 days' OR revoked_at < now() - interval '30 days')`,
);

const INSERT = sql<
  object,
  [
    tenantId: string,
    userId: string,
    tokenHash: string,
    csrfToken: string,
    expiresAt: Date,
    ip: string,
    userAgent: string | null,
    restriction: string | null,
  ]
>(
  'sessions.insert',
  `INSERT INTO user_session (tenant_id, user_id, token_hash, csrf_token, expires_at, ip, user_agent, restriction)
   VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
);

const SET_RESTRICTION = sql<object, [sessionId: string, restriction: string | null]>(
  'sessions.setRestriction',
  `UPDATE user_session SET restriction = $2 WHERE id = $1`,
);

// A changed password ends every other session of the user (one that knew the old password may be the thief's).
const REVOKE_OTHERS = sql<object, [userId: string, keepSessionId: string]>(
  'sessions.revokeOthers',
  `UPDATE user_session SET revoked_at = now() WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL`,
);

/** The user a new session belongs to, as the login response shows them. */
export type SessionUserRow = Pick<UserEntity, 'id' | 'username' | 'displayName' | 'phone' | 'roles' | 'demoAccount'> & {
  totpEnabled: boolean;
  tenantId: TenantEntity['id'];
  tenantName: TenantEntity['name'];
  organizationId: OrganizationEntity['id'];
  organizationName: OrganizationEntity['name'];
  organizationKind: OrganizationEntity['kind'];
};

const SESSION_USER = sql<SessionUserRow, [userId: string]>(
  'sessions.user',
  `SELECT u.id, u.username, u.display_name AS "displayName", u.phone, u.roles, u.demo_account AS "demoAccount",
          u.totp_secret IS NOT NULL AS "totpEnabled", t.id AS "tenantId", t.name AS "tenantName",
          o.id AS "organizationId", o.name AS "organizationName", o.kind AS "organizationKind"
   FROM app_user u JOIN tenant t ON t.id = u.tenant_id JOIN organization o ON o.id = u.organization_id
   WHERE u.id = $1`,
);

const REVOKE = sql<object, [sessionId: string]>(
  'sessions.revoke',
  `UPDATE user_session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`,
);

export type SessionRow = Pick<SessionEntity, 'id' | 'createdAt' | 'lastSeenAt' | 'expiresAt' | 'ip' | 'userAgent'>;

const LIVE_OF_USER = sql<SessionRow, [userId: string]>(
  'sessions.liveOfUser',
  `SELECT id, created_at AS "createdAt", last_seen_at AS "lastSeenAt", expires_at AS "expiresAt", ip, user_agent AS "userAgent"
   FROM user_session WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now() ORDER BY last_seen_at DESC`,
);

const REVOKE_OWN = sql<Pick<SessionEntity, 'id'>, [sessionId: string, userId: string]>(
  'sessions.revokeOwn',
  `UPDATE user_session SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id`,
);

// The user is in scope when their organisation is (an admin ends the sessions of users they manage).
const REVOKE_ALL_OF_USER = sql<Pick<SessionEntity, 'id'>, [userId: string, scope: readonly string[]]>(
  'sessions.revokeAllOfUser',
  `UPDATE user_session s SET revoked_at = now()
   FROM app_user u JOIN organization o ON o.id = u.organization_id
   WHERE s.user_id = $1 AND s.revoked_at IS NULL AND u.id = s.user_id AND ${inScope('o.path', 2)}
   RETURNING s.id`,
);

/**
 * user_session and login_audit (through auth_find_login): how a user gets in and stays in. The
 * per-request session lookup (auth_session_lookup) runs with the request's BEGIN in RequestTransaction.
 */
@Injectable()
export class SessionRepository {
  /** The login's user, if the name exists (no tenant yet: `db` is the pool). Audited by the function. */
  findLogin(db: Db, username: string, ip: string): Promise<LoginRow | undefined> {
    return db.one(FIND_LOGIN, [username, ip]);
  }

  /** A new session of the user, in their tenant's transaction; clears their sessions ended long ago first. */
  async open(
    db: Db,
    s: {
      tenantId: string;
      userId: string;
      tokenHash: string;
      csrfToken: string;
      expiresAt: Date;
      ip: string;
      userAgent: string | null;
      restriction: string | null;
    },
  ): Promise<void> {
    await db.run(PRUNE_ENDED, [s.userId]);
    await db.run(INSERT, [
      s.tenantId,
      s.userId,
      s.tokenHash,
      s.csrfToken,
      s.expiresAt,
      s.ip,
      s.userAgent,
      s.restriction,
    ]);
  }

  async setRestriction(db: Db, sessionId: string, restriction: string | null): Promise<void> {
    await db.run(SET_RESTRICTION, [sessionId, restriction]);
  }

  async revokeOthers(db: Db, userId: string, keepSessionId: string): Promise<void> {
    await db.run(REVOKE_OTHERS, [userId, keepSessionId]);
  }

  /** The session's own user (just authenticated: no scope applies). */
  sessionUser(db: Db, userId: string): Promise<SessionUserRow | undefined> {
    return db.one(SESSION_USER, [userId]);
  }

  async revoke(db: Db, sessionId: string): Promise<void> {
    await db.run(REVOKE, [sessionId]);
  }

  liveOfUser(db: Db, userId: string): Promise<SessionRow[]> {
    return db.rows(LIVE_OF_USER, [userId]);
  }

  /** Revokes a session of `userId`'s own; false when it is not theirs or already ended. */
  async revokeOwn(db: Db, sessionId: string, userId: string): Promise<boolean> {
    return (await db.rows(REVOKE_OWN, [sessionId, userId])).length > 0;
  }

  /** Ends every live session of a user in the scope; returns how many. */
  async revokeAllOfUser(db: Db, scope: Scope, userId: string): Promise<number> {
    return (await db.rows(REVOKE_ALL_OF_USER, [userId, scope.patterns])).length;
  }
}
