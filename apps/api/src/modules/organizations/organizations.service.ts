import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  ORGANIZATION_CHILD_KINDS,
  ORGANIZATION_KIND_LABELS,
  type Organization,
  type OrganizationKind,
} from '@jxt/contracts';
import { tenantScope } from '../../common/tenancy/request-context';
import { queryRows } from '../../common/tenancy/sql';
import type { CreateOrganizationDto, UpdateOrganizationDto } from './dto/organization.dto';

interface OrganizationRow {
  id: string;
  parent_id: string | null;
  kind: OrganizationKind;
  name: string;
  unit_type_code: string | null;
  sort_order: number;
  path: string;
}

const COLUMNS = 'id, parent_id, kind, name, unit_type_code, sort_order, path';

function toOrganization(row: OrganizationRow): Organization {
  return {
    id: row.id,
    parentId: row.parent_id,
    kind: row.kind,
    name: row.name,
    unitTypeCode: row.unit_type_code,
    sortOrder: row.sort_order,
  };
}

/** 组织: the caller's subtree only. Row-level security keeps tenants apart; the path prefix keeps units apart. */
@Injectable()
export class OrganizationsService {
  async list(): Promise<Organization[]> {
    const { user, manager } = tenantScope();
    const rows = await queryRows<OrganizationRow>(
      manager,
      `SELECT ${COLUMNS} FROM organization WHERE path LIKE ANY($1::text[]) ORDER BY length(path) - length(replace(path, '/', '')), sort_order, name`,
      [user.scopePatterns],
    );
    return rows.map(toOrganization);
  }

  /** One organisation inside the caller's subtree, or 404. */
  async findInScope(id: string): Promise<OrganizationRow> {
    const { user, manager } = tenantScope();
    const [row] = await queryRows<OrganizationRow>(
      manager,
      `SELECT ${COLUMNS} FROM organization WHERE id = $1 AND path LIKE ANY($2::text[])`,
      [id, user.scopePatterns],
    );
    if (!row) throw new NotFoundException('组织不存在或无权访问');
    return row;
  }

  async create(dto: CreateOrganizationDto): Promise<Organization> {
    const { user, manager } = tenantScope();
    const parent = await this.findInScope(dto.parentId);
    this.assertChildKind(parent.kind, dto.kind);
    const id = randomUUID();
    const [row] = await queryRows<OrganizationRow>(
      manager,
      `INSERT INTO organization (id, tenant_id, parent_id, kind, name, unit_type_code, sort_order, path)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${COLUMNS}`,
      [
        id,
        user.tenantId,
        parent.id,
        dto.kind,
        dto.name.trim(),
        dto.unitTypeCode ?? null,
        dto.sortOrder ?? 0,
        `${parent.path}${id}/`,
      ],
    );
    return toOrganization(row);
  }

  async update(id: string, dto: UpdateOrganizationDto): Promise<Organization> {
    const { user, manager } = tenantScope();
    const current = await this.findInScope(id);
    if (dto.parentId && dto.parentId !== current.parent_id) {
      if (current.path === user.organizationPath) throw new BadRequestException('不能移动自己所在的组织');
      const parent = await this.findInScope(dto.parentId);
      if (parent.path.startsWith(current.path)) throw new BadRequestException('不能把组织移到它自己的下级之下');
      this.assertChildKind(parent.kind, current.kind);
      const newPath = `${parent.path}${current.id}/`;
      // Moving a node re-roots its whole subtree in one statement.
      await queryRows(
        manager,
        `UPDATE organization SET path = $1 || substr(path, length($2) + 1) WHERE path LIKE $2 || '%'`,
        [newPath, current.path],
      );
      await queryRows(manager, `UPDATE organization SET parent_id = $1 WHERE id = $2`, [parent.id, current.id]);
    }
    const [row] = await queryRows<OrganizationRow>(
      manager,
      `UPDATE organization SET name = COALESCE($2, name), unit_type_code = CASE WHEN $3::boolean THEN $4 ELSE unit_type_code END,
         sort_order = COALESCE($5, sort_order) WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, dto.name?.trim() ?? null, dto.unitTypeCode !== undefined, dto.unitTypeCode ?? null, dto.sortOrder ?? null],
    );
    return toOrganization(row);
  }

  async remove(id: string): Promise<void> {
    const { user, manager } = tenantScope();
    const current = await this.findInScope(id);
    if (current.path === user.organizationPath) throw new BadRequestException('不能删除自己所在的组织');
    const [usage] = await queryRows<{ children: number; users: number; projects: number }>(
      manager,
      `SELECT (SELECT count(*)::int FROM organization WHERE parent_id = $1) AS children,
              (SELECT count(*)::int FROM app_user WHERE organization_id = $1) AS users,
              (SELECT count(*)::int FROM project WHERE organization_id = $1) AS projects`,
      [id],
    );
    if (usage.children || usage.users || usage.projects) {
      throw new ConflictException(
        `该组织仍有 ${usage.children} 个下级组织、${usage.users} 个用户、${usage.projects} 个项目，不能删除`,
      );
    }
    await queryRows(manager, `DELETE FROM organization WHERE id = $1`, [id]);
  }

  private assertChildKind(parentKind: OrganizationKind, kind: OrganizationKind): void {
    const allowed = ORGANIZATION_CHILD_KINDS[parentKind];
    if (!allowed.includes(kind)) {
      throw new BadRequestException({
        message: allowed.length
          ? `${ORGANIZATION_KIND_LABELS[parentKind]}之下只能设${allowed.map((k) => ORGANIZATION_KIND_LABELS[k]).join('或')}`
          : `${ORGANIZATION_KIND_LABELS[parentKind]}之下不能再设组织`,
        fields: [{ field: 'kind', message: '组织类型与上级不匹配', value: kind }],
      });
    }
  }
}
