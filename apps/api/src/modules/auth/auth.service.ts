import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  CurrentUser,
  LoginChallengeResponse,
  LoginResponse,
  SessionSummary,
  TotpEnrolment,
  TotpRecoveryCodes,
} from '@jxt/contracts';
import { checkPassword } from '@jxt/domain';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { APP_DATA_SOURCE } from '../../database/database.module';
import type { AuthUser, SessionRestriction } from '../../common/tenancy/request-context';
import { tenantScope } from '../../common/tenancy/request-context';
import { Db } from '../../database/access/db';
import { inTenantOnlyTransaction } from '../../database/access/tenant-transaction';
import { hashToken, newToken } from '../../common/auth/session-token';
import { decoyHash, hashPassword, verifyPassword } from '../../common/auth/password';
import { AccountRepository, type AccountRow } from './account.repository';
import { LoginRateLimiter } from './login-rate-limiter';
import { ChallengeSigner, newRecoveryCodes, RecoveryCodeHasher, SecretBox } from './second-factor-crypto';
import { SecuritySettingsService } from './security-settings.service';
import { SessionRepository, type SessionUserRow } from './session.repository';
import { newTotpSecret, totpUri, verifyTotp } from './totp';

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
/** How long the pending state between the password and the code lasts. */
const CHALLENGE_MS = 5 * 60_000;

/** 400 naming one field. */
function fieldError(field: string, message: string, value?: unknown): BadRequestException {
  return new BadRequestException({ message, fields: [{ field, message, ...(value !== undefined && { value }) }] });
}

/** An admin must hold a second factor; the demo users of the embedded default's seed need not (docs/adr/0019). */
const totpRequired = (account: Pick<AccountRow, 'roles' | 'demoAccount'>) =>
  account.roles.includes('admin') && !account.demoAccount;

/** What a session of this user may do first, if anything. */
function restrictionOf(account: AccountRow): SessionRestriction | null {
  if (account.passwordChangeRequired) return 'password_change';
  if (totpRequired(account) && !account.totpSecret) return 'totp_enrolment';
  return null;
}

export type LoginOutcome = { session: LoginResponse } | { challenge: LoginChallengeResponse };

@Injectable()
export class AuthService {
  /** Login runs before any tenant is known: each statement on its own pooled connection. */
  private readonly pool: Db;
  private readonly box: SecretBox;
  private readonly challenges: ChallengeSigner;
  private readonly recovery: RecoveryCodeHasher;

  constructor(
    @Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rateLimiter: LoginRateLimiter,
    private readonly sessions: SessionRepository,
    private readonly accounts: AccountRepository,
    private readonly settings: SecuritySettingsService,
  ) {
    this.pool = Db.pool(dataSource);
    this.box = new SecretBox(config.totpSecretKey);
    this.challenges = new ChallengeSigner(config.sessionSecret);
    this.recovery = new RecoveryCodeHasher(config.totpSecretKey);
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

  /**
   * After a right password: a user with a second factor gets a challenge (no session until the code), anyone else a
   * session, restricted while they must change their password or, as an admin, enrol a second factor.
   */
  async afterPassword(login: VerifiedLogin, client: ClientInfo): Promise<LoginOutcome> {
    const account = await inTenantOnlyTransaction(this.dataSource, login.tenantId, (m) =>
      this.accounts.get(Db.of(m), login.userId),
    );
    if (!account) throw new UnauthorizedException(INVALID);
    if (account.totpSecret) {
      const expiresAt = Date.now() + CHALLENGE_MS;
      return {
        challenge: {
          challengeToken: this.challenges.sign({ ...login, expiresAt }),
          expiresAt: new Date(expiresAt).toISOString(),
        },
      };
    }
    return { session: await this.openSession(login, client, restrictionOf(account)) };
  }

  /**
   * The second step: a TOTP code (once only: a code of a step already used is refused) or a recovery code. Each try
   * counts against the login limits of the user name and the address, like a password.
   */
  async verifySecondFactor(challengeToken: string, code: string, client: ClientInfo): Promise<LoginResponse> {
    const challenge = this.challenges.verify(challengeToken);
    if (!challenge) throw new UnauthorizedException('验证已超时，请重新登录');
    await this.rateLimiter.reserve(challenge.username, client.ip);
    const account = await inTenantOnlyTransaction(this.dataSource, challenge.tenantId, async (m) => {
      const db = Db.of(m);
      const row = await this.accounts.get(db, challenge.userId);
      if (!row?.totpSecret) return undefined;
      return (await this.acceptCode(db, challenge.userId, row, code)) ? row : undefined;
    });
    if (!account) throw new UnauthorizedException('验证码不正确或已使用');
    await this.rateLimiter.recordSuccess(challenge.username, client.ip);
    return this.openSession(challenge, client, restrictionOf(account));
  }

  /** A current TOTP code (its step then used up) or an unused recovery code (then gone). */
  private async acceptCode(db: Db, userId: string, account: AccountRow, code: string): Promise<boolean> {
    const trimmed = code.trim();
    if (/^\d{6}$/.test(trimmed)) {
      const lastStep = account.totpLastStep === null ? null : Number(account.totpLastStep);
      const step = verifyTotp(this.box.open(account.totpSecret!), trimmed, lastStep);
      return step !== null && (await this.accounts.claimStep(db, userId, step));
    }
    return this.accounts.useRecoveryCode(db, userId, this.recovery.hash(trimmed));
  }

  /** Opens a server-side session; only the keyed hash of the token is stored. */
  private async openSession(
    login: VerifiedLogin,
    client: ClientInfo,
    restriction: SessionRestriction | null,
  ): Promise<LoginResponse> {
    const token = newToken();
    const csrfToken = newToken();
    const { user, expiresAt } = await inTenantOnlyTransaction(this.dataSource, login.tenantId, async (manager) => {
      const db = Db.of(manager);
      const expiresAt = new Date(Date.now() + (await this.settings.of(db)).sessionMaxHours * 3600_000);
      await this.sessions.open(db, {
        tenantId: login.tenantId,
        userId: login.userId,
        tokenHash: hashToken(token, this.config.sessionSecret),
        csrfToken,
        expiresAt,
        ip: client.ip,
        userAgent: client.userAgent?.slice(0, 300) ?? null,
        restriction,
      });
      return { user: toCurrentUser((await this.sessions.sessionUser(db, login.userId))!, restriction), expiresAt };
    });
    return { accessToken: token, csrfToken, expiresAt: expiresAt.toISOString(), user };
  }

  /** The session's user; the 联系电话 and the second factor are read from the profile. */
  async currentUser(user: AuthUser): Promise<CurrentUser> {
    const row = (await this.sessions.sessionUser(tenantScope().db, user.userId))!;
    return {
      id: user.userId,
      username: user.username,
      displayName: user.displayName,
      phone: row.phone,
      roles: user.roles,
      tenant: { id: user.tenantId, name: user.tenantName },
      organization: { id: user.organizationId, name: user.organizationName, kind: user.organizationKind },
      restriction: user.restriction,
      totpEnabled: row.totpEnabled,
      totpRequired: user.roles.includes('admin') && !row.demoAccount,
    };
  }

  /**
   * 修改密码: the current password (a wrong one counts against the login limits), the new one by the tenant's rules.
   * Every other session of the user ends; this one is no longer restricted to the change (an admin without a
   * second factor still has to enrol one).
   */
  async changeOwnPassword(currentPassword: string, newPassword: string, client: ClientInfo): Promise<void> {
    const { user, db } = tenantScope();
    const account = (await this.accounts.get(db, user.userId))!;
    await this.rateLimiter.reserve(account.username, client.ip);
    if (!(await verifyPassword(account.passwordHash, currentPassword)))
      throw fieldError('currentPassword', '当前密码不正确');
    await this.rateLimiter.recordSuccess(account.username, client.ip);
    const { passwordMinLength } = await this.settings.of(db);
    const problem = checkPassword(newPassword, { username: account.username, minLength: passwordMinLength })[0];
    if (problem) throw fieldError('newPassword', problem.message);
    if (await verifyPassword(account.passwordHash, newPassword))
      throw fieldError('newPassword', '新密码不能与当前密码相同');
    await this.accounts.setPassword(db, user.userId, await hashPassword(newPassword));
    await this.sessions.revokeOthers(db, user.userId, user.sessionId);
    const next = restrictionOf({ ...account, passwordChangeRequired: false });
    if (next !== user.restriction) await this.sessions.setRestriction(db, user.sessionId, next);
  }

  /** Step 1 of enrolment: a new secret, kept pending (not yet asked at login) until a code confirms it. */
  async startTotpEnrolment(): Promise<TotpEnrolment> {
    const { user, db } = tenantScope();
    const account = (await this.accounts.get(db, user.userId))!;
    if (account.totpSecret) throw new ConflictException('已启用双因素认证；如需更换，请先停用');
    const secret = newTotpSecret();
    await this.accounts.setPendingTotp(db, user.userId, this.box.seal(secret));
    return { secret, otpauthUri: totpUri(secret, account.username) };
  }

  /** Step 2: a code from the authenticator turns the pending secret on; the recovery codes are shown this once. */
  async confirmTotpEnrolment(code: string): Promise<TotpRecoveryCodes> {
    const { user, db } = tenantScope();
    const account = (await this.accounts.get(db, user.userId))!;
    if (account.totpSecret) throw new ConflictException('已启用双因素认证');
    if (!account.totpPendingSecret) throw new ConflictException('请先生成密钥（扫描二维码）');
    const step = verifyTotp(this.box.open(account.totpPendingSecret), code.trim(), null);
    if (step === null) throw fieldError('code', '验证码不正确，请核对手机时间后重试');
    const recoveryCodes = newRecoveryCodes();
    const hashes = recoveryCodes.map((c) => this.recovery.hash(c));
    if (!(await this.accounts.confirmTotp(db, user.userId, account.totpPendingSecret, step, hashes)))
      throw new ConflictException('密钥已更换，请重新扫描二维码');
    if (user.restriction === 'totp_enrolment') await this.sessions.setRestriction(db, user.sessionId, null);
    return { recoveryCodes };
  }

  /** 停用双因素认证, with a current code or the password; an admin who must hold one may not. */
  async disableTotp(proof: { code?: string; password?: string }, client: ClientInfo): Promise<void> {
    const { user, db } = tenantScope();
    const account = (await this.accounts.get(db, user.userId))!;
    if (totpRequired(account)) throw new ForbiddenException('管理员必须启用双因素认证，不能停用');
    if (!account.totpSecret) throw new ConflictException('尚未启用双因素认证');
    if (!proof.code && !proof.password) throw fieldError('code', '请输入验证码或当前密码');
    await this.rateLimiter.reserve(account.username, client.ip);
    const ok = proof.code
      ? await this.acceptCode(db, user.userId, account, proof.code)
      : await verifyPassword(account.passwordHash, proof.password!);
    if (!ok) throw fieldError(proof.code ? 'code' : 'password', proof.code ? '验证码不正确或已使用' : '密码不正确');
    await this.rateLimiter.recordSuccess(account.username, client.ip);
    await this.accounts.disableTotp(db, user.userId);
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

  /** The tenant's minimum password length (an admin setting a password checks it too). */
  async passwordMinLength(): Promise<number> {
    return (await this.settings.of(tenantScope().db)).passwordMinLength;
  }
}

function toCurrentUser(row: SessionUserRow, restriction: SessionRestriction | null): CurrentUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    phone: row.phone,
    roles: row.roles,
    tenant: { id: row.tenantId, name: row.tenantName },
    organization: { id: row.organizationId, name: row.organizationName, kind: row.organizationKind },
    restriction,
    totpEnabled: row.totpEnabled,
    totpRequired: row.roles.includes('admin') && !row.demoAccount,
  };
}
