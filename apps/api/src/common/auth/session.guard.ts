import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { RequestTransaction } from '../../database/access/request-transaction';
import { type AuthUser, type RequestScope, type SessionRestriction, setTenantScope } from '../tenancy/request-context';
import { AUDIT_ROUTE, type AuditedRequest, type AuditRoute } from '../audit/audited';
import { SessionCache } from './session-cache';
import { ACCESS_RULE, ALLOWED_RESTRICTIONS, type AccessRule } from './access.decorators';
import { CSRF_HEADER, SESSION_COOKIE, hashToken } from './session-token';

export type AuthenticatedRequest = FastifyRequest &
  RequestScope &
  AuditedRequest & {
    user?: AuthUser;
    authVia?: 'bearer' | 'cookie';
    tx?: RequestTransaction;
  };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one gate of every request: finds the route's access rule, checks the session (looked up in the database, or
 * kept by this process as long as the database has notified no change to it: logout, revocation and disabling a
 * user act at once, see SessionCache), applies CSRF to cookie-authenticated writes, and checks roles. The session
 * check opens the request's transaction, which request-transaction-hooks.ts commits or rolls back.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw new ForbiddenException('此接口未声明访问规则');
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // The audit log records a refused call too (request-transaction-hooks.ts): the route's rule first, then who asked.
    request.auditRoute = this.reflector.get<AuditRoute | undefined>(AUDIT_ROUTE, context.getHandler());
    if (rule.kind === 'public') return true;

    const { token, via } = this.readToken(request);
    if (!token) throw new UnauthorizedException('请先登录');

    const { tx, user } = await this.sessions.open(hashToken(token, this.config.sessionSecret));
    try {
      if (!user) throw new UnauthorizedException('登录已失效，请重新登录');
      request.auditUser = user;
      if (
        via === 'cookie' &&
        !SAFE_METHODS.has(request.method) &&
        !sameSecret(request.headers[CSRF_HEADER], user.csrfToken)
      ) {
        throw new ForbiddenException('缺少或错误的 CSRF 令牌（X-CSRF-Token）');
      }
      if (user.restriction) {
        const allowed = this.reflector.get<SessionRestriction[] | undefined>(
          ALLOWED_RESTRICTIONS,
          context.getHandler(),
        );
        if (!allowed?.includes(user.restriction)) throw restrictedSession(user.restriction);
      }
      if (rule.kind === 'roles' && !rule.roles.some((role) => user.roles.includes(role))) {
        throw new ForbiddenException('当前角色无权执行此操作');
      }
    } catch (err) {
      await tx.rollback();
      throw err;
    }

    request.tx = tx;
    request.authVia = via;
    request.user = user;
    setTenantScope(request, user, tx.db);
    return true;
  }

  private readToken(request: FastifyRequest): { token: string | null; via: 'bearer' | 'cookie' } {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim() || null, via: 'bearer' };
    const cookies = (request as FastifyRequest & { cookies?: Record<string, string | undefined> }).cookies;
    return { token: cookies?.[SESSION_COOKIE] ?? null, via: 'cookie' };
  }
}

/** 403 for a restricted session; `code` tells the SPA which screen lifts the restriction. */
function restrictedSession(restriction: SessionRestriction): ForbiddenException {
  return restriction === 'password_change'
    ? new ForbiddenException({ message: '请先修改初始密码', code: 'password_change_required' })
    : new ForbiddenException({ message: '管理员须先启用双因素认证（TOTP）', code: 'totp_enrolment_required' });
}

/** Constant-time comparison of the CSRF header with the session's token. */
function sameSecret(sent: string | string[] | undefined, expected: string): boolean {
  if (typeof sent !== 'string' || sent.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
}
