import { Injectable } from '@nestjs/common';
import type { FormStatus } from '@jxt/contracts';
import type { Db } from '../../database/access/db';
import { inScope, type Scope } from '../../database/access/scope';
import { sql } from '../../database/access/statement';
import { PROJECT_HEADER_COLUMNS, type ProjectHeaderRow } from '../../database/access/shared-fragments';

/** One row of the project list: the project with the header of its latest revision of the year. */
export type ProjectListRow = ProjectHeaderRow & {
  formId: string;
  formStatus: FormStatus;
  annualAmount: string | null;
  year: number;
  total: string;
};

export interface ProjectListFilter {
  year: number;
  search: string | null;
  organizationId: string | null;
  categoryCode: string | null;
  status: string | null;
  limit: number;
  offset: number;
}

// One query: the page, the total (window count) and each project's latest revision for the year, whose header
// (项目名称 …) is the one shown and searched. Prepared: the list is the most used screen.
const LIST = sql<ProjectListRow>(
  'projects.list',
  `SELECT ${PROJECT_HEADER_COLUMNS}, f.id AS "formId", f.status AS "formStatus", f.annual_amount AS "annualAmount", f.year,
          count(*) OVER () AS total
   FROM project p
   JOIN organization o ON o.id = p.organization_id
   JOIN LATERAL (SELECT * FROM goal_form g WHERE g.project_id = p.id AND g.year = $2 ORDER BY g.revision DESC LIMIT 1) f ON true
   WHERE ${inScope('o.path', 1)}
     AND ($3::text IS NULL OR f.project_name ILIKE '%' || $3 || '%' OR p.code ILIKE '%' || $3 || '%')
     AND ($4::uuid IS NULL OR o.path LIKE (SELECT path FROM organization WHERE id = $4) || '%')
     AND ($5::text IS NULL OR f.category_code = $5)
     AND ($6::text IS NULL OR f.status = $6)
   ORDER BY o.path, p.code
   LIMIT $7 OFFSET $8`,
  { prepared: true },
);

const BY_ID = sql<ProjectHeaderRow, [id: string, scope: readonly string[]]>(
  'projects.byId',
  `SELECT ${PROJECT_HEADER_COLUMNS} FROM project p JOIN organization o ON o.id = p.organization_id
   JOIN LATERAL (SELECT * FROM goal_form g WHERE g.project_id = p.id ORDER BY g.year DESC, g.revision DESC LIMIT 1) f ON true
   WHERE p.id = $1 AND ${inScope('o.path', 2)}`,
);

const IN_SCOPE = sql<{ id: string }, [id: string, scope: readonly string[]]>(
  'projects.inScope',
  `SELECT p.id FROM project p JOIN organization o ON o.id = p.organization_id WHERE p.id = $1 AND ${inScope('o.path', 2)}`,
);

const CODE_FOR_UPDATE = sql<{ code: string }, [id: string]>(
  'projects.codeForUpdate',
  `SELECT code FROM project WHERE id = $1 FOR UPDATE`,
);

const UPDATE_CODE = sql<object, [id: string, code: string]>(
  'projects.updateCode',
  `UPDATE project SET code = $2, updated_at = now() WHERE id = $1`,
);

const INSERT = sql<object, [id: string, tenantId: string, organizationId: string, code: string]>(
  'projects.insert',
  `INSERT INTO project (id, tenant_id, organization_id, code) VALUES ($1, $2, $3, $4)`,
);

const DELETE = sql<object, [id: string]>('projects.delete', `DELETE FROM project WHERE id = $1`);

// A generated 项目编码 is the year and a four-digit number: the next after the highest of that form in the tenant.
const NEXT_GENERATED_NUMBER = sql<{ next: number }, [year: string]>(
  'projects.nextGeneratedNumber',
  `SELECT coalesce(max(substring(code FROM '^[0-9]{4}-([0-9]{4,9})$')::int), 0) + 1 AS next
   FROM project WHERE code LIKE $1 || '-%'`,
);

// Takes the code only if it is free: a taken one gives no row (and, unlike a unique violation, keeps the transaction).
const INSERT_IF_CODE_FREE = sql<{ id: string }, [id: string, tenantId: string, organizationId: string, code: string]>(
  'projects.insertIfCodeFree',
  `INSERT INTO project (id, tenant_id, organization_id, code) VALUES ($1, $2, $3, $4)
   ON CONFLICT (tenant_id, code) DO NOTHING RETURNING id`,
);

// Two filers creating the same name at once wait for each other here, so the check below sees the first one's row.
const LOCK_UNIT_YEAR = sql<object, [organizationId: string, year: number]>(
  'projects.lockUnitYear',
  `SELECT pg_advisory_xact_lock(hashtextextended('project-name:' || $1::text || ':' || $2::text, 0))`,
);

const SAME_NAME_IN_UNIT_YEAR = sql<{ id: string }, [organizationId: string, year: number, name: string]>(
  'projects.sameNameInUnitYear',
  `SELECT p.id FROM project p JOIN goal_form g ON g.project_id = p.id
   WHERE p.organization_id = $1 AND g.year = $2 AND lower(btrim(g.project_name)) = lower(btrim($3)) LIMIT 1`,
);

/** project: a project's identity (项目编码, owning unit); what a form prints belongs to its revisions. */
@Injectable()
export class ProjectRepository {
  list(db: Db, scope: Scope, f: ProjectListFilter): Promise<ProjectListRow[]> {
    return db.rows(LIST, [
      scope.patterns,
      f.year,
      f.search,
      f.organizationId,
      f.categoryCode,
      f.status,
      f.limit,
      f.offset,
    ]);
  }

  /** The project with the header of its newest revision; undefined outside the scope. */
  byId(db: Db, scope: Scope, id: string): Promise<ProjectHeaderRow | undefined> {
    return db.one(BY_ID, [id, scope.patterns]);
  }

  async isInScope(db: Db, scope: Scope, id: string): Promise<boolean> {
    return (await db.one(IN_SCOPE, [id, scope.patterns])) !== undefined;
  }

  /** The current code, locked until the transaction ends. */
  async codeForUpdate(db: Db, id: string): Promise<string | undefined> {
    return (await db.one(CODE_FOR_UPDATE, [id]))?.code;
  }

  /** Unique per tenant: a taken code is a 23505 (the caller turns it into a 409 naming the field). */
  async updateCode(db: Db, id: string, code: string): Promise<void> {
    await db.run(UPDATE_CODE, [id, code]);
  }

  async insert(db: Db, p: { id: string; tenantId: string; organizationId: string; code: string }): Promise<void> {
    await db.run(INSERT, [p.id, p.tenantId, p.organizationId, p.code]);
  }

  /** Inserts the project if its code is free in the tenant; false when the code is taken. */
  async insertIfCodeFree(
    db: Db,
    p: { id: string; tenantId: string; organizationId: string; code: string },
  ): Promise<boolean> {
    return (await db.one(INSERT_IF_CODE_FREE, [p.id, p.tenantId, p.organizationId, p.code])) !== undefined;
  }

  /** The next number of a generated 项目编码 (`2023-0001` …) for the year. */
  async nextGeneratedNumber(db: Db, year: number): Promise<number> {
    return (await db.one(NEXT_GENERATED_NUMBER, [String(year)]))?.next ?? 1;
  }

  /**
   * Whether a project of the unit already has a form of that year with this name (case and surrounding blanks
   * ignored). Takes a transaction-long lock on the unit's year first, so that two creations cannot both pass.
   */
  async nameTakenInUnitYear(db: Db, organizationId: string, year: number, name: string): Promise<boolean> {
    await db.run(LOCK_UNIT_YEAR, [organizationId, year]);
    return (await db.one(SAME_NAME_IN_UNIT_YEAR, [organizationId, year, name])) !== undefined;
  }

  async delete(db: Db, id: string): Promise<void> {
    await db.run(DELETE, [id]);
  }
}
