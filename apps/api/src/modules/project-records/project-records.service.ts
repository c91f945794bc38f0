import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { tenantScope } from '../../common/tenancy/request-context';
import type { ProjectHeaderRow } from '../../database/access/shared-fragments';
import { ProjectRepository, type ProjectListFilter, type ProjectListRow } from './project.repository';

export type { ProjectListFilter, ProjectListRow } from './project.repository';

/**
 * 项目 as records: a project's identity (项目编码, owning unit), always within the caller's subtree. Below the forms
 * module (a form's save may change its project's code) and the projects module (which adds the forms).
 */
@Injectable()
export class ProjectRecordsService {
  constructor(private readonly rows: ProjectRepository) {}

  list(filter: ProjectListFilter): Promise<ProjectListRow[]> {
    const { user, db } = tenantScope();
    return this.rows.list(db, user.scope, filter);
  }

  /** The project with the header of its newest revision; 404 outside the caller's subtree. */
  async get(id: string): Promise<ProjectHeaderRow> {
    const { user, db } = tenantScope();
    const project = await this.rows.byId(db, user.scope, id);
    if (!project) throw new NotFoundException('项目不存在或无权访问');
    return project;
  }

  /** 404 unless the project is in the caller's subtree. */
  async assertInScope(id: string): Promise<void> {
    const { user, db } = tenantScope();
    if (!(await this.rows.isInScope(db, user.scope, id))) throw new NotFoundException('项目不存在或无权访问');
  }

  /** A new project (id chosen by the caller); a 项目编码 already taken in the tenant is a 409 naming the field. */
  async insert(p: { id: string; organizationId: string; code: string }, field = 'project.code'): Promise<void> {
    const { user, db } = tenantScope();
    await this.rows.insert(db, { ...p, tenantId: user.tenantId }).catch(rethrowDuplicateCode(p.code, field));
  }

  /**
   * A new project with a generated 项目编码 (the year and the next free four-digit number, `2023-0001`); returns the
   * code. A code taken meanwhile by a concurrent creation is skipped, not an error.
   */
  async insertWithGeneratedCode(p: { id: string; organizationId: string; year: number }): Promise<string> {
    const { user, db } = tenantScope();
    let next = await this.rows.nextGeneratedNumber(db, p.year);
    for (let attempt = 0; attempt < 20; attempt++, next++) {
      const code = `${p.year}-${String(next).padStart(4, '0')}`;
      if (await this.rows.insertIfCodeFree(db, { ...p, tenantId: user.tenantId, code })) return code;
    }
    throw new ConflictException('项目编码生成失败，请稍后重试或手工填写项目编码');
  }

  /** 409 naming the field when a project of the unit already has a form of that year with this name. */
  async assertNameFree(organizationId: string, year: number, name: string): Promise<void> {
    const { db } = tenantScope();
    if (await this.rows.nameTakenInUnitYear(db, organizationId, year, name)) {
      throw new ConflictException({
        message: `本单位 ${year} 年度已有同名项目`,
        fields: [{ field: 'name', message: `本单位 ${year} 年度已有同名项目`, value: name }],
      });
    }
  }

  /**
   * Sets the 项目编码 of a project the caller has already found in scope, locking the row until the transaction
   * ends. Returns the code it had, or undefined when it was already `code` (nothing changed).
   */
  async changeCode(id: string, code: string): Promise<string | undefined> {
    const { db } = tenantScope();
    const previous = await this.rows.codeForUpdate(db, id);
    if (previous === undefined || previous === code) return undefined;
    await this.rows.updateCode(db, id, code).catch(rethrowDuplicateCode(code));
    return previous;
  }

  /** Deletes a project the caller has already found in scope (its forms go with it). */
  async delete(id: string): Promise<void> {
    await this.rows.delete(tenantScope().db, id);
  }
}

function rethrowDuplicateCode(code: string, field = 'project.code') {
  return (err: unknown): never => {
    // 23505 unique_violation on (tenant_id, code).
    if ((err as { driverError?: { code?: string } }).driverError?.code === '23505') {
      throw new ConflictException({
        message: `项目编码 ${code} 已被使用`,
        fields: [{ field, message: '项目编码已被使用', value: code }],
      });
    }
    throw err;
  };
}
