import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CurrentUser, LoginResponse, OrganizationKind, Role, SessionSummary } from '@jxt/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { APP_DATA_SOURCE } from '../../database/database.module';
import type { AuthUser } from '../../common/tenancy/request-context';
import { tenantScope } from '../../common/tenancy/request-context';
import { inTenantOnlyTransaction } from '../../common/tenancy/tenant-transaction';
import { queryRows } from '../../common/tenancy/sql';
import { hashToken, newToken } from '../../common/auth/session-token';
import { LoginRateLimiter } from './login-rate-limiter';
import { decoyHash, verifyPassword } from './password';

export interface VerifiedLogin {
  userId: string;
  tenantId: string;
  username: string;
}

export interface ClientInfo {
  ip: string;
  userAgent: string | null;
}

const INVALID = '用户名或密码错误';

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rateLimiter: LoginRateLimiter,
  ) {}

  /** Checks a user name and password (the passport-local strategy calls this). Same answer for every kind of miss. */
  async verifyCredentials(username: string, password: string, client: ClientInfo): Promise<VerifiedLogin> {
    await this.rateLimiter.assertAllowed(username, client.ip);
    const rows: { out_user_id: string; out_tenant_id: string; out_password_hash: string; out_disabled: boolean }[] =
      await this.dataSource.query('SELECT * FROM auth_find_login($1, $2)', [username.trim(), client.ip]);
    const found = rows[0];
    const ok = await verifyPassword(found?.out_password_hash ?? (await decoyHash()), password);
    if (!found || !ok || found.out_disabled) {
      await this.rateLimiter.recordFailure(username, client.ip);
      throw new UnauthorizedException(found && ok && found.out_disabled ? '该账号已停用，请联系管理员' : INVALID);
    }
    await this.rateLimiter.recordSuccess(username);
    return { userId: found.out_user_id, tenantId: found.out_tenant_id, username: username.trim().toLowerCase() };
  }

  /** Opens a server-side session; only the keyed hash of the token is stored. */
  async openSession(login: VerifiedLogin, client: ClientInfo): Promise<LoginResponse> {
    const token = newToken();
    const csrfToken = newToken();
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3600_000);
    const user = await inTenantOnlyTransaction(this.dataSource, login.tenantId, async (manager) => {
      // Sessions ended more than 30 days ago are only clutter: each login clears the user's own.
      await manager.query(
        `DELETE FROM user_session WHERE user_id = $1 AND (expires_at < now() - interval '30 days' OR revoked_at < now() - interval '30 days')`,
        [login.userId],
      );
      await manager.query(
        `INSERT INTO user_session (tenant_id, user_id, token_hash, csrf_token, expires_at, ip, user_agent)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          login.tenantId,
          login.userId,
          hashToken(token, this.config.sessionSecret),
          csrfToken,
          expiresAt,
          client.ip,
          client.userAgent?.slice(0, 300) ?? null,
        ],
      );
      const [row] = await manager.query(
        `SELECT u.id, u.username, u.display_name, u.phone, u.roles, t.id AS tenant_id, t.name AS tenant_name,
                o.id AS org_id, o.name AS org_name, o.kind AS org_kind
         FROM app_user u JOIN tenant t ON t.id = u.tenant_id JOIN organization o ON o.id = u.organization_id
         WHERE u.id = $1`,
        [login.userId],
      );
      return toCurrentUser(row);
    });
    return { accessToken: token, csrfToken, expiresAt: expiresAt.toISOString(), user };
  }

  /** The session's user; the 联系电话 is read from the profile (the session lookup does not carry it). */
  async currentUser(user: AuthUser): Promise<CurrentUser> {
    const [profile] = await queryRows<{ phone: string | null }>(
      tenantScope().manager,
      `SELECT phone FROM app_user WHERE id = $1`,
      [user.userId],
    );
    return {
      id: user.userId,
      username: user.username,
      displayName: user.displayName,
      phone: profile?.phone ?? null,
      roles: user.roles,
      tenant: { id: user.tenantId, name: user.tenantName },
      organization: { id: user.organizationId, name: user.organizationName, kind: user.organizationKind },
    };
  }

  async logout(): Promise<void> {
    const { user, manager } = tenantScope();
    await manager.query(`UPDATE user_session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [
      user.sessionId,
    ]);
  }

  async listOwnSessions(): Promise<SessionSummary[]> {
    const { user, manager } = tenantScope();
    const rows: {
      id: string;
      created_at: Date;
      last_seen_at: Date;
      expires_at: Date;
      ip: string | null;
      user_agent: string | null;
    }[] = await manager.query(
      `SELECT id, created_at, last_seen_at, expires_at, ip, user_agent FROM user_session
         WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now() ORDER BY last_seen_at DESC`,
      [user.userId],
    );
    return rows.map((r) => ({
      id: r.id,
      createdAt: r.created_at.toISOString(),
      lastSeenAt: r.last_seen_at.toISOString(),
      expiresAt: r.expires_at.toISOString(),
      ip: r.ip,
      userAgent: r.user_agent,
      current: r.id === user.sessionId,
    }));
  }

  /** Revokes one of the caller's own sessions; another user's session id is simply not found. */
  async revokeOwnSession(sessionId: string): Promise<boolean> {
    const { user, manager } = tenantScope();
    const rows = await queryRows(
      manager,
      `UPDATE user_session SET revoked_at = now() WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL RETURNING id`,
      [sessionId, user.userId],
    );
    return rows.length > 0;
  }
}

function toCurrentUser(row: {
  id: string;
  username: string;
  display_name: string;
  phone: string | null;
  roles: Role[];
  tenant_id: string;
  tenant_name: string;
  org_id: string;
  org_name: string;
  org_kind: OrganizationKind;
}): CurrentUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    phone: row.phone,
    roles: row.roles,
    tenant: { id: row.tenant_id, name: row.tenant_name },
    organization: { id: row.org_id, name: row.org_name, kind: row.org_kind },
  };
}
