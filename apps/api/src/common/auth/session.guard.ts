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
import { DataSource } from 'typeorm';
import type { OrganizationKind, Role } from '@jxt/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { APP_DATA_SOURCE } from '../../database/database.module';
import type { AuthUser } from '../tenancy/request-context';
import { RequestTransaction } from '../../database/access/request-transaction';
import { scopeOf } from '../../database/access/scope';
import { ACCESS_RULE, type AccessRule } from './access.decorators';
import { CSRF_HEADER, SESSION_COOKIE, hashToken } from './session-token';

export type AuthenticatedRequest = FastifyRequest & {
  user?: AuthUser;
  authVia?: 'bearer' | 'cookie';
  tx?: RequestTransaction;
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** One row of auth_session_lookup(). */
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
}

/**
 * The one gate of every request: finds the route's access rule, checks the session in the database
 * (so logout, revocation and disabling a user act at once), applies CSRF to cookie-authenticated writes,
 * and checks roles.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw new ForbiddenException('此接口未声明访问规则');
    if (rule.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const { token, via } = this.readToken(request);
    if (!token) throw new UnauthorizedException('请先登录');

    // Looks the session up and opens the request's tenant transaction in the same round trip.
    const { tx, session: row } = await RequestTransaction.open<SessionRow>(
      this.dataSource,
      hashToken(token, this.config.jwtSecret),
    );
    try {
      if (!row) throw new UnauthorizedException('登录已失效，请重新登录');
      if (
        via === 'cookie' &&
        !SAFE_METHODS.has(request.method) &&
        !sameSecret(request.headers[CSRF_HEADER], row.csrf_token)
      ) {
        throw new ForbiddenException('缺少或错误的 CSRF 令牌（X-CSRF-Token）');
      }
      if (rule.kind === 'roles' && !rule.roles.some((role) => row.roles.includes(role))) {
        throw new ForbiddenException('当前角色无权执行此操作');
      }
    } catch (err) {
      await tx.rollback();
      throw err;
    }

    request.tx = tx;
    request.authVia = via;
    request.user = toAuthUser(row);
    return true;
  }

  private readToken(request: FastifyRequest): { token: string | null; via: 'bearer' | 'cookie' } {
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim() || null, via: 'bearer' };
    const cookies = (request as FastifyRequest & { cookies?: Record<string, string | undefined> }).cookies;
    return { token: cookies?.[SESSION_COOKIE] ?? null, via: 'cookie' };
  }
}

/** Constant-time comparison of the CSRF header with the session's token. */
function sameSecret(sent: string | string[] | undefined, expected: string): boolean {
  if (typeof sent !== 'string' || sent.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
}

/** Who is calling, from their session row (the scope as LIKE patterns of their subtrees, docs/domain.md §1.1). */
export function toAuthUser(row: SessionRow): AuthUser {
  const scopePatterns = row.scope_paths.map((path) => `${path}%`);
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
    scopePatterns,
    scope: scopeOf({ tenantId: row.tenant_id, scopePatterns }),
    csrfToken: row.csrf_token,
  };
}
