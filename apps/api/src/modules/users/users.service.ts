import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { Role, User } from '@jxt/contracts';
import { tenantScope } from '../../common/tenancy/request-context';
import { queryRows } from '../../common/tenancy/sql';
import { blankToNull } from '../../common/validation/blank-to-null';
import { hashPassword } from '../../common/auth/password';
import { OrganizationsService } from '../organizations/organizations.service';
import type { CreateUserDto, UpdateUserDto } from './dto/user.dto';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  phone: string | null;
  organization_id: string;
  roles: Role[];
  disabled: boolean;
}

const COLUMNS = 'u.id, u.username, u.display_name, u.phone, u.organization_id, u.roles, u.disabled';

function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    phone: row.phone,
    organizationId: row.organization_id,
    roles: row.roles,
    disabled: row.disabled,
  };
}

/** 用户管理 (admin): users of the admin's subtree. */
@Injectable()
export class UsersService {
  constructor(private readonly organizations: OrganizationsService) {}

  async list(): Promise<User[]> {
    const { user, manager } = tenantScope();
    const rows = await queryRows<UserRow>(
      manager,
      `SELECT ${COLUMNS} FROM app_user u JOIN organization o ON o.id = u.organization_id
       WHERE o.path LIKE ANY($1::text[]) ORDER BY o.path, u.username`,
      [user.scopePatterns],
    );
    return rows.map(toUser);
  }

  private async findInScope(id: string): Promise<UserRow> {
    const { user, manager } = tenantScope();
    const [row] = await queryRows<UserRow>(
      manager,
      `SELECT ${COLUMNS} FROM app_user u JOIN organization o ON o.id = u.organization_id WHERE u.id = $1 AND o.path LIKE ANY($2::text[])`,
      [id, user.scopePatterns],
    );
    if (!row) throw new NotFoundException('用户不存在或无权访问');
    return row;
  }

  async create(dto: CreateUserDto): Promise<User> {
    const { user, manager } = tenantScope();
    await this.organizations.findInScope(dto.organizationId);
    const username = dto.username.toLowerCase();
    const [row] = await queryRows<UserRow>(
      manager,
      `INSERT INTO app_user AS u (tenant_id, organization_id, username, display_name, password_hash, roles, phone)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
      [
        user.tenantId,
        dto.organizationId,
        username,
        dto.displayName.trim(),
        await hashPassword(dto.password),
        [...new Set(dto.roles)],
        blankToNull(dto.phone)?.trim() ?? null,
      ],
    ).catch((err: unknown) => {
      // User names are unique across tenants (login comes before the tenant is known).
      if ((err as { driverError?: { code?: string } }).driverError?.code === '23505') {
        throw new ConflictException({
          message: '用户名已被占用',
          fields: [{ field: 'username', message: '用户名已被占用', value: dto.username }],
        });
      }
      throw err;
    });
    return toUser(row);
  }

  async update(id: string, dto: UpdateUserDto): Promise<User> {
    const { user, manager } = tenantScope();
    await this.findInScope(id);
    if (dto.organizationId) await this.organizations.findInScope(dto.organizationId);
    if (id === user.userId && (dto.disabled || (dto.roles && !dto.roles.includes('admin')))) {
      throw new BadRequestException('不能停用自己，也不能去掉自己的管理员角色');
    }
    const [row] = await queryRows<UserRow>(
      manager,
      `UPDATE app_user AS u SET display_name = COALESCE($2, display_name), organization_id = COALESCE($3, organization_id),
         roles = COALESCE($4, roles), disabled = COALESCE($5, disabled), password_hash = COALESCE($6, password_hash),
         phone = CASE WHEN $7::boolean THEN $8 ELSE phone END, updated_at = now()
       WHERE id = $1 RETURNING ${COLUMNS}`,
      [
        id,
        dto.displayName?.trim() ?? null,
        dto.organizationId ?? null,
        dto.roles ? [...new Set(dto.roles)] : null,
        dto.disabled ?? null,
        dto.password ? await hashPassword(dto.password) : null,
        dto.phone !== undefined,
        blankToNull(dto.phone)?.trim() ?? null,
      ],
    );
    // Disabling, a new password, new roles or a move end the user's sessions now, not at their expiry.
    if (dto.disabled || dto.password || dto.roles || dto.organizationId) await this.revokeSessions(id);
    return toUser(row);
  }

  async revokeSessions(id: string): Promise<number> {
    const { manager } = tenantScope();
    await this.findInScope(id);
    const rows = await queryRows(
      manager,
      `UPDATE user_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL RETURNING id`,
      [id],
    );
    return rows.length;
  }
}
