import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CurrentUser, LoginResponse, SessionSummary } from '@jxt/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { APP_DATA_SOURCE } from '../../database/database.module';
import type { AuthUser } from '../../common/tenancy/request-context';
import { tenantScope } from '../../common/tenancy/request-context';
import { Db } from '../../database/access/db';
import { inTenantOnlyTransaction } from '../../database/access/tenant-transaction';
import { hashToken, newToken } from '../../common/auth/session-token';
import { decoyHash, verifyPassword } from '../../common/auth/password';
import { LoginRateLimiter } from './login-rate-limiter';
import { SessionRepository, type SessionUserRow } from './session.repository';

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
  /** Login runs before any tenant is known: each statement on its own pooled connection. */
  private readonly pool: Db;

  constructor(
    @Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rateLimiter: LoginRateLimiter,
    private readonly sessions: SessionRepository,
  ) {
    this.pool = Db.pool(dataSource);
  }

  /** Checks a user name and password (the passport-local strategy calls this). Same answer for every kind of miss. */
  async verifyCredentials(username: string, password: string, client: ClientInfo): Promise<VerifiedLogin> {
    // Counted before the lookup and the hash: a refused attempt checks no password (and leaves no audit row).
    await this.rateLimiter.reserve(username, client.ip);
    const found = await this.sessions.findLogin(this.pool, username.trim(), client.ip);
    const ok = await verifyPassword(found?.passwordHash ?? (await decoyHash()), password);
    if (!found || !ok || found.disabled) {
      throw new UnauthorizedException(found && ok && found.disabled ? '该账号已停用，请联系管理员' : INVALID);
    }
    await this.rateLimiter.recordSuccess(username, client.ip);
    return { userId: found.userId, tenantId: found.tenantId, username: username.trim().toLowerCase() };
  }

  /** Opens a server-side session; only the keyed hash of the token is stored. */
  async openSession(login: VerifiedLogin, client: ClientInfo): Promise<LoginResponse> {
    const token = newToken();
    const csrfToken = newToken();
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3600_000);
    const user = await inTenantOnlyTransaction(this.dataSource, login.tenantId, async (manager) => {
      const db = Db.of(manager);
      await this.sessions.open(db, {
        tenantId: login.tenantId,
        userId: login.userId,
        tokenHash: hashToken(token, this.config.sessionSecret),
        csrfToken,
        expiresAt,
        ip: client.ip,
        userAgent: client.userAgent?.slice(0, 300) ?? null,
      });
      return toCurrentUser((await this.sessions.sessionUser(db, login.userId))!);
    });
    return { accessToken: token, csrfToken, expiresAt: expiresAt.toISOString(), user };
  }

  /** The session's user; the 联系电话 is read from the profile (the session lookup does not carry it). */
  async currentUser(user: AuthUser): Promise<CurrentUser> {
    const phone = await this.sessions.phoneOf(tenantScope().db, user.userId);
    return {
      id: user.userId,
      username: user.username,
      displayName: user.displayName,
      phone,
      roles: user.roles,
      tenant: { id: user.tenantId, name: user.tenantName },
      organization: { id: user.organizationId, name: user.organizationName, kind: user.organizationKind },
    };
  }

  async logout(): Promise<void> {
    const { user, db } = tenantScope();
    await this.sessions.revoke(db, user.sessionId);
  }

  async listOwnSessions(): Promise<SessionSummary[]> {
    const { user, db } = tenantScope();
    const rows = await this.sessions.liveOfUser(db, user.userId);
    return rows.map((r) => ({
      id: r.id,
      createdAt: r.createdAt.toISOString(),
      lastSeenAt: r.lastSeenAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      ip: r.ip,
      userAgent: r.userAgent,
      current: r.id === user.sessionId,
    }));
  }

  /** Ends every live session of a user in the caller's subtree (an admin's change); the number ended. */
  revokeAllSessionsOf(userId: string): Promise<number> {
    const { user, db } = tenantScope();
    return this.sessions.revokeAllOfUser(db, user.scope, userId);
  }

  /** Revokes one of the caller's own sessions; another user's session id is simply not found. */
  revokeOwnSession(sessionId: string): Promise<boolean> {
    const { user, db } = tenantScope();
    return this.sessions.revokeOwn(db, sessionId, user.userId);
  }
}

function toCurrentUser(row: SessionUserRow): CurrentUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    phone: row.phone,
    roles: row.roles,
    tenant: { id: row.tenantId, name: row.tenantName },
    organization: { id: row.organizationId, name: row.organizationName, kind: row.organizationKind },
  };
}
