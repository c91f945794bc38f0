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
  async insert(p: { id: string; organizationId: string; code: string }): Promise<void> {
    const { user, db } = tenantScope();
    await this.rows.insert(db, { ...p, tenantId: user.tenantId }).catch(rethrowDuplicateCode(p.code));
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

function rethrowDuplicateCode(code: string) {
  return (err: unknown): never => {
    // 23505 unique_violation on (tenant_id, code).
    if ((err as { driverError?: { code?: string } }).driverError?.code === '23505') {
      throw new ConflictException({
        message: `项目编码 ${code} 已被使用`,
        fields: [{ field: 'project.code', message: '项目编码已被使用', value: code }],
      });
    }
    throw err;
  };
}
