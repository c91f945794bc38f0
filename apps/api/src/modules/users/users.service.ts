import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  type HttpException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import type { CreatedUser, OrganizationKind, ResetPasswordResponse, Role, User } from '@jxt/contracts';
import { checkPassword, decideRoleGrant } from '@jxt/domain';
import { hashPassword } from '../../common/auth/password';
import { tenantScope } from '../../common/tenancy/request-context';
import { blankToNull } from '../../common/validation/blank-to-null';
import { AuthService } from '../auth/auth.service';
import { OrganizationsService } from '../organizations/organizations.service';
import type { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { generateInitialPassword } from './initial-password';
import { UserRepository, type UserRow } from './user.repository';

const NOT_FOUND = '用户不存在或无权访问';

/** A refusal naming the one field it is about (403: the caller may not; 400: the request cannot be right). */
function fieldRefusal(status: 400 | 403 | 409, field: string, message: string, value: unknown): HttpException {
  const body = { message, fields: [{ field, message, value }] };
  if (status === 409) return new ConflictException(body);
  return status === 400 ? new BadRequestException(body) : new ForbiddenException(body);
}

/**
 * The role-grant rule (libs/domain, docs/domain.md §1) for the caller giving these roles to a user who will be in an
 * organisation of `organizationKind`: 400 when a role does not belong there, 403 when the caller may not grant it
 * or the user is the caller.
 */
function assertRoleGrant(
  target: { userId: string | null; currentRoles: readonly Role[] | null; organizationKind: OrganizationKind },
  roles: Role[],
): void {
  const { user } = tenantScope();
  const decision = decideRoleGrant({
    granter: { userId: user.userId, organizationKind: user.organizationKind },
    target,
    roles,
  });
  if (!decision.ok)
    throw fieldRefusal(decision.reason === 'invalid-here' ? 400 : 403, 'roles', decision.message, roles);
}

const sameRoles = (a: readonly Role[], b: readonly Role[]) =>
  a.length === b.length && a.every((role) => b.includes(role));

/** 用户管理 (admin): users of the admin's subtree. */
@Injectable()
export class UsersService {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly users: UserRepository,
    private readonly auth: AuthService,
  ) {}

  /** The password rules (libs/domain) with the tenant's minimum length: 400 naming `password`. */
  private async assertPassword(password: string, username: string): Promise<void> {
    const minLength = await this.auth.passwordMinLength();
    const problem = checkPassword(password, { username, minLength })[0];
    if (problem) throw fieldRefusal(400, 'password', problem.message, undefined);
  }

  list(): Promise<User[]> {
    const { user, db } = tenantScope();
    return this.users.list(db, user.scope);
  }

  private async findInScope(id: string): Promise<UserRow> {
    const { user, db } = tenantScope();
    const row = await this.users.byId(db, user.scope, id);
    if (!row) throw new NotFoundException(NOT_FOUND);
    return row;
  }

  async create(dto: CreateUserDto): Promise<CreatedUser> {
    const { user, db } = tenantScope();
    const organization = await this.organizations.findInScope(dto.organizationId);
    if (organization.disabled)
      throw fieldRefusal(409, 'organizationId', `「${organization.name}」已停用，不能新增用户`, dto.organizationId);
    const roles = [...new Set(dto.roles)];
    assertRoleGrant({ userId: null, currentRoles: null, organizationKind: organization.kind }, roles);
    // No password given: one is generated and shown to the admin once (the user changes it at the first login).
    const initialPassword =
      dto.password === undefined
        ? generateInitialPassword(dto.username.toLowerCase(), await this.auth.passwordMinLength())
        : null;
    const password = dto.password ?? initialPassword!;
    if (dto.password !== undefined) await this.assertPassword(dto.password, dto.username);
    const row = await this.users
      .insert(db, user.scope, {
        tenantId: user.tenantId,
        organizationId: dto.organizationId,
        username: dto.username.toLowerCase(),
        displayName: dto.displayName.trim(),
        passwordHash: await hashPassword(password),
        roles,
        phone: blankToNull(dto.phone)?.trim() ?? null,
      })
      .catch((err: unknown) => {
        // User names are unique across tenants (login comes before the tenant is known).
        if ((err as { driverError?: { code?: string } }).driverError?.code === '23505') {
          throw new ConflictException({
            message: '用户名已被占用',
            fields: [{ field: 'username', message: '用户名已被占用', value: dto.username }],
          });
        }
        throw err;
      });
    if (!row) throw new NotFoundException('组织不存在或无权访问');
    return { ...row, initialPassword };
  }

  async update(id: string, dto: UpdateUserDto): Promise<User> {
    const { user, db } = tenantScope();
    const current = await this.users.lock(db, user.scope, id);
    if (!current) throw new NotFoundException(NOT_FOUND);
    const self = id === user.userId;
    // Nobody changes their own standing: no disabling, no move (their scope), no roles (below).
    if (self && dto.disabled) throw fieldRefusal(403, 'disabled', '不能停用自己', dto.disabled);
    const moved = dto.organizationId !== undefined && dto.organizationId !== current.organizationId;
    if (self && moved) throw fieldRefusal(403, 'organizationId', '不能把自己移到其他组织', dto.organizationId);
    const roles = dto.roles ? [...new Set(dto.roles)] : null;
    const rolesChanged = roles !== null && !sameRoles(roles, current.roles);
    const target = moved ? await this.organizations.findInScope(dto.organizationId!) : null;
    if (target?.disabled)
      throw fieldRefusal(409, 'organizationId', `「${target.name}」已停用，不能把用户移到其中`, dto.organizationId);
    // Enabling a user of a disabled organisation would let them log in to a unit that is gone.
    if (dto.disabled === false && current.disabled && !target && current.organizationDisabled)
      throw fieldRefusal(409, 'disabled', '该用户所在的组织已停用，请先启用组织或把用户移到其他组织', false);
    if (rolesChanged || moved) {
      // A move re-checks the roles the user keeps: a 填报人 does not belong at a 主管部门.
      const organizationKind = target ? target.kind : current.organizationKind;
      assertRoleGrant({ userId: id, currentRoles: current.roles, organizationKind }, roles ?? current.roles);
    }
    if (dto.password) await this.assertPassword(dto.password, current.username);
    const row = await this.users.update(db, user.scope, id, {
      displayName: dto.displayName?.trim() ?? null,
      organizationId: moved ? dto.organizationId! : null,
      roles: rolesChanged ? roles : null,
      disabled: dto.disabled ?? null,
      passwordHash: dto.password ? await hashPassword(dto.password) : null,
      ...(dto.phone !== undefined && { phone: blankToNull(dto.phone)?.trim() ?? null }),
    });
    if (!row) throw new NotFoundException(NOT_FOUND);
    // Disabling, a new password, new roles or a move end the user's sessions now, not at their expiry.
    if (dto.disabled || dto.password || rolesChanged || moved) await this.revokeSessions(id);
    return row;
  }

  /** 重置密码: a generated password, shown once; the user is logged out now and must change it at the next login. */
  async resetPassword(id: string): Promise<ResetPasswordResponse> {
    const { user, db } = tenantScope();
    if (id === user.userId) throw new ForbiddenException('请在个人设置中修改自己的密码');
    const current = await this.users.lock(db, user.scope, id);
    if (!current) throw new NotFoundException(NOT_FOUND);
    const password = generateInitialPassword(current.username, await this.auth.passwordMinLength());
    await this.users.update(db, user.scope, id, {
      displayName: null,
      organizationId: null,
      roles: null,
      disabled: null,
      passwordHash: await hashPassword(password),
    });
    await this.auth.revokeAllSessionsOf(id);
    return { password };
  }

  async revokeSessions(id: string): Promise<number> {
    await this.findInScope(id);
    return this.auth.revokeAllSessionsOf(id);
  }
}
