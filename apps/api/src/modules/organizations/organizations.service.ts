import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
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
    this.assertChildKind(parent.kind, dto.kind);
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
      if (parent.path.startsWith(current.path)) throw new BadRequestException('不能把组织移到它自己的下级之下');
      this.assertChildKind(parent.kind, current.kind);
      await this.organizations.move(db, user.scope, {
        id: current.id,
        oldPath: current.path,
        newPath: `${parent.path}${current.id}/`,
        parentId: parent.id,
      });
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
      throw new ConflictException(
        `该组织仍有 ${usage.children} 个下级组织、${usage.users} 个用户、${usage.projects} 个项目，不能删除`,
      );
    }
    await this.organizations.delete(db, user.scope, id);
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
