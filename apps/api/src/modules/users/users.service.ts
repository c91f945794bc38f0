import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { User } from '@jxt/contracts';
import { hashPassword } from '../../common/auth/password';
import { tenantScope } from '../../common/tenancy/request-context';
import { blankToNull } from '../../common/validation/blank-to-null';
import { AuthService } from '../auth/auth.service';
import { OrganizationsService } from '../organizations/organizations.service';
import type { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import { UserRepository, type UserRow } from './user.repository';

const NOT_FOUND = '用户不存在或无权访问';

/** 用户管理 (admin): users of the admin's subtree. */
@Injectable()
export class UsersService {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly users: UserRepository,
    private readonly auth: AuthService,
  ) {}

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

  async create(dto: CreateUserDto): Promise<User> {
    const { user, db } = tenantScope();
    await this.organizations.findInScope(dto.organizationId);
    const row = await this.users
      .insert(db, user.scope, {
        tenantId: user.tenantId,
        organizationId: dto.organizationId,
        username: dto.username.toLowerCase(),
        displayName: dto.displayName.trim(),
        passwordHash: await hashPassword(dto.password),
        roles: [...new Set(dto.roles)],
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
    return row;
  }

  async update(id: string, dto: UpdateUserDto): Promise<User> {
    const { user, db } = tenantScope();
    await this.findInScope(id);
    if (dto.organizationId) await this.organizations.findInScope(dto.organizationId);
    if (id === user.userId && (dto.disabled || (dto.roles && !dto.roles.includes('admin')))) {
      throw new BadRequestException('不能停用自己，也不能去掉自己的管理员角色');
    }
    const row = await this.users.update(db, user.scope, id, {
      displayName: dto.displayName?.trim() ?? null,
      organizationId: dto.organizationId ?? null,
      roles: dto.roles ? [...new Set(dto.roles)] : null,
      disabled: dto.disabled ?? null,
      passwordHash: dto.password ? await hashPassword(dto.password) : null,
      ...(dto.phone !== undefined && { phone: blankToNull(dto.phone)?.trim() ?? null }),
    });
    if (!row) throw new NotFoundException(NOT_FOUND);
    // Disabling, a new password, new roles or a move end the user's sessions now, not at their expiry.
    if (dto.disabled || dto.password || dto.roles || dto.organizationId) await this.revokeSessions(id);
    return row;
  }

  async revokeSessions(id: string): Promise<number> {
    await this.findInScope(id);
    return this.auth.revokeAllSessionsOf(id);
  }
}
