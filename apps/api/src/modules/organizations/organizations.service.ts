import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  ORGANIZATION_CHILD_KINDS,
  ORGANIZATION_KIND_LABELS,
  type Organization,
  type OrganizationKind,
  type ProjectHeaderProposal,
} from '@jxt/contracts';
import { tenantScope } from '../../common/tenancy/request-context';
import type { CreateOrganizationDto, UpdateOrganizationDto } from './dto/organization.dto';
import { OrganizationRepository, type OrganizationRow } from './organization.repository';

const NOT_FOUND = '组织不存在或无权访问';

/** 409 naming the field: the organisation it points at is 停用. */
function disabledRefusal(field: string, value: string, message: string): ConflictException {
  return new ConflictException({ message, fields: [{ field, message, value }] });
}

function toOrganization({ path: _path, ...organization }: OrganizationRow): Organization {
  return organization;
}

/** 组织: the caller's subtree only. Row-level security keeps tenants apart; the path prefix keeps units apart. */
@Injectable()
export class OrganizationsService {
  constructor(private readonly organizations: OrganizationRepository) {}

  async list(): Promise<Organization[]> {
    const { user, db } = tenantScope();
    return (await this.organizations.list(db, user.scope)).map(toOrganization);
  }

  /** One organisation inside the caller's subtree, or 404. */
  async findInScope(id: string): Promise<OrganizationRow> {
    const { user, db } = tenantScope();
    const row = await this.organizations.byId(db, user.scope, id);
    if (!row) throw new NotFoundException(NOT_FOUND);
    return row;
  }

  /** 新建项目's proposal for the printed 主管部门 and 实施单位 of a project of this organisation (docs/domain.md §2). */
  async projectHeaderProposal(id: string): Promise<ProjectHeaderProposal> {
    const { user, db } = tenantScope();
    const row = await this.organizations.projectHeaderProposal(db, user.scope, id);
    if (!row) throw new NotFoundException(NOT_FOUND);
    return row;
  }

  async create(dto: CreateOrganizationDto): Promise<Organization> {
    const { user, db } = tenantScope();
    const parent = await this.findInScope(dto.parentId);
    if (parent.disabled) throw disabledRefusal('parentId', parent.id, `「${parent.name}」已停用，不能在其下新增组织`);
    this.assertChildKind(parent.kind, dto.kind);
    await this.assertUnitType(dto.kind, dto.unitTypeCode);
    const row = await this.organizations.insertChild(db, user.scope, {
      id: randomUUID(),
      tenantId: user.tenantId,
      parentId: parent.id,
      kind: dto.kind,
      name: dto.name.trim(),
      unitTypeCode: dto.unitTypeCode ?? null,
      sortOrder: dto.sortOrder ?? 0,
    });
    if (!row) throw new NotFoundException(NOT_FOUND);
    return toOrganization(row);
  }

  async update(id: string, dto: UpdateOrganizationDto): Promise<Organization> {
    const { user, db } = tenantScope();
    const current = await this.findInScope(id);
    if (dto.parentId && dto.parentId !== current.parentId) {
      if (current.path === user.organizationPath) throw new BadRequestException('不能移动自己所在的组织');
      const parent = await this.findInScope(dto.parentId);
      if (parent.path.startsWith(current.path)) {
        throw new BadRequestException({
          message: '不能把组织移到它自己或它的下级之下',
          fields: [{ field: 'parentId', message: '不能移到自己或下级之下', value: dto.parentId }],
        });
      }
      if (parent.disabled) throw disabledRefusal('parentId', parent.id, `「${parent.name}」已停用，不能移到其下`);
      this.assertChildKind(parent.kind, current.kind);
      await this.organizations.move(db, user.scope, {
        id: current.id,
        oldPath: current.path,
        newPath: `${parent.path}${current.id}/`,
        parentId: parent.id,
      });
    }
    await this.assertUnitType(current.kind, dto.unitTypeCode);
    if (dto.disabled === true && !current.disabled) {
      // The admin's own organisation or an ancestor of it: disabling would lock the admin out.
      if (user.organizationPath.startsWith(current.path)) {
        throw new ForbiddenException({
          message: '不能停用自己所在的组织',
          fields: [{ field: 'disabled', message: '不能停用自己所在的组织', value: true }],
        });
      }
      await this.organizations.disableSubtree(db, user.scope, current.path);
    } else if (dto.disabled === false && current.disabled) {
      const parent = current.parentId ? await this.organizations.byId(db, user.scope, current.parentId) : undefined;
      if (parent?.disabled) throw disabledRefusal('disabled', current.id, `上级「${parent.name}」已停用，请先启用上级`);
      await this.organizations.enableSubtree(db, user.scope, current.path);
    }
    const row = await this.organizations.update(db, user.scope, id, {
      name: dto.name?.trim() ?? null,
      unitTypeCode: dto.unitTypeCode,
      sortOrder: dto.sortOrder ?? null,
    });
    if (!row) throw new NotFoundException(NOT_FOUND);
    return toOrganization(row);
  }

  async remove(id: string): Promise<void> {
    const { user, db } = tenantScope();
    const current = await this.findInScope(id);
    if (current.path === user.organizationPath) throw new BadRequestException('不能删除自己所在的组织');
    const usage = await this.organizations.usage(db, current.id);
    if (usage.children || usage.users || usage.projects) {
      // Members and projects keep their history: such a unit is 停用, never deleted.
      throw new ConflictException({
        message: `该组织仍有 ${usage.children} 个下级组织、${usage.users} 个用户、${usage.projects} 个项目，不能删除；可以停用`,
        code: 'organization_in_use',
      });
    }
    await this.organizations.delete(db, user.scope, id);
  }

  /** 单位类型: only a 预算单位 has one, and it must be in the tenant's code list (400 naming `unitTypeCode`). */
  private async assertUnitType(kind: OrganizationKind, code: string | null | undefined): Promise<void> {
    if (code === undefined || code === null) return;
    const refuse = (message: string) =>
      new BadRequestException({ message, fields: [{ field: 'unitTypeCode', message, value: code }] });
    if (kind !== 'unit') throw refuse('只有预算单位有单位类型');
    const { db } = tenantScope();
    if (!(await this.organizations.unitTypeExists(db, code))) throw refuse('单位类型不在代码表中');
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
