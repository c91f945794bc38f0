import { Injectable } from '@nestjs/common';
import type { FinanceDivisionAssignment, OrganizationKind } from '@jxt/contracts';
import type { Db } from '../../database/access/db';
import { inScope, type Scope } from '../../database/access/scope';
import { sql } from '../../database/access/statement';
import type { OrganizationEntity } from '../../database/entities/organization.entity';

/** One node of the organisation tree as services use it (the path decides the subtree). */
export type OrganizationRow = Pick<
  OrganizationEntity,
  'id' | 'parentId' | 'kind' | 'name' | 'unitTypeCode' | 'sortOrder' | 'path' | 'disabled'
>;

const COLUMNS = `o.id, o.parent_id AS "parentId", o.kind, o.name, o.unit_type_code AS "unitTypeCode",
  o.sort_order AS "sortOrder", o.path, o.disabled`;

// Shallow levels first (the depth is the number of '/' in the path), then the admin's order.
const LIST = sql<OrganizationRow, [scope: readonly string[]]>(
  'organizations.list',
  `SELECT ${COLUMNS} FROM organization o WHERE ${inScope('o.path', 1)}
   ORDER BY length(o.path) - length(replace(o.path, '/', '')), o.sort_order, o.name`,
);

const BY_ID = sql<OrganizationRow, [id: string, scope: readonly string[]]>(
  'organizations.byId',
  `SELECT ${COLUMNS} FROM organization o WHERE o.id = $1 AND ${inScope('o.path', 2)}`,
);

// The new node's path extends its parent's, which must lie in the scope (no row is written otherwise).
const INSERT = sql<
  OrganizationRow,
  [
    id: string,
    tenantId: string,
    parentId: string,
    kind: OrganizationKind,
    name: string,
    unitTypeCode: string | null,
    sortOrder: number,
    scope: readonly string[],
  ]
>(
  'organizations.insert',
  `INSERT INTO organization AS o (id, tenant_id, parent_id, kind, name, unit_type_code, sort_order, path)
   SELECT $1::uuid, $2, p.id, $4, $5, $6, $7, p.path || $1::uuid::text || '/' FROM organization p WHERE p.id = $3 AND ${inScope('p.path', 8)}
   RETURNING ${COLUMNS}`,
);

// Moving a node re-roots its whole subtree in one statement.
const MOVE_SUBTREE = sql<object, [newPath: string, oldPath: string, scope: readonly string[]]>(
  'organizations.moveSubtree',
  `UPDATE organization o SET path = $1 || substr(o.path, length($2) + 1) WHERE o.path LIKE $2 || '%' AND ${inScope('o.path', 3)}`,
);

const SET_PARENT = sql<object, [id: string, parentId: string, scope: readonly string[]]>(
  'organizations.setParent',
  `UPDATE organization o SET parent_id = $2 WHERE o.id = $1 AND ${inScope('o.path', 3)}`,
);

const UPDATE = sql<
  OrganizationRow,
  [
    id: string,
    name: string | null,
    setUnitType: boolean,
    unitTypeCode: string | null,
    sortOrder: number | null,
    scope: readonly string[],
  ]
>(
  'organizations.update',
  `UPDATE organization o SET name = COALESCE($2, o.name), unit_type_code = CASE WHEN $3::boolean THEN $4 ELSE o.unit_type_code END,
     sort_order = COALESCE($5, o.sort_order)
   WHERE o.id = $1 AND ${inScope('o.path', 6)} RETURNING ${COLUMNS}`,
);

/** What 停用 changed: the organisations of the subtree, and the users of them it disabled. */
export interface DisabledSubtree {
  organizations: number;
  users: number;
}

// 停用 of a subtree in one statement: its organisations, their enabled users, and those users' live sessions (so
// they are logged out at once: the session cache's epoch moves with the user and session rows).
const DISABLE_SUBTREE = sql<DisabledSubtree, [path: string, scope: readonly string[]]>(
  'organizations.disableSubtree',
  `WITH sub AS (
     UPDATE organization o SET disabled = true WHERE o.path LIKE $1 || '%' AND ${inScope('o.path', 2)} RETURNING o.id
   ), users AS (
     UPDATE app_user u SET disabled = true, updated_at = now() FROM sub
     WHERE u.organization_id = sub.id AND NOT u.disabled RETURNING u.id
   ), sessions AS (
     UPDATE user_session s SET revoked_at = now() FROM users WHERE s.user_id = users.id AND s.revoked_at IS NULL
   )
   SELECT (SELECT count(*)::int FROM sub) AS organizations, (SELECT count(*)::int FROM users) AS users`,
);

// 启用 brings back the organisations of the subtree; their users stay as they are (the admin enables each).
const ENABLE_SUBTREE = sql<object, [path: string, scope: readonly string[]]>(
  'organizations.enableSubtree',
  `UPDATE organization o SET disabled = false WHERE o.path LIKE $1 || '%' AND ${inScope('o.path', 2)}`,
);

// 单位类型 comes from the tenant's code list (tenant-wide, like every list but 功能分类科目).
const UNIT_TYPE_EXISTS = sql<{ found: boolean }, [code: string]>(
  'organizations.unitTypeExists',
  `SELECT EXISTS (SELECT 1 FROM code_list_item c WHERE c.list = 'unit_type' AND c.code = $1) AS found`,
);

/** What still hangs on an organisation (a node with any of these may not be deleted). */
export interface OrganizationUsage {
  children: number;
  users: number;
  projects: number;
}

const USAGE = sql<OrganizationUsage, [id: string]>(
  'organizations.usage',
  `SELECT (SELECT count(*)::int FROM organization WHERE parent_id = $1) AS children,
          (SELECT count(*)::int FROM app_user WHERE organization_id = $1) AS users,
          (SELECT count(*)::int FROM project WHERE organization_id = $1) AS projects`,
);

/** What 新建项目 proposes for the printed 主管部门 and 实施单位 of a project owned by an organisation. */
export interface ProjectHeaderProposalRow {
  printedDepartment: string | null;
  printedImplementingUnit: string | null;
}

// The nearest 主管部门 and 预算单位 among the organisation and its ancestors (the ids in its path, by primary key).
// The organisation must be in scope; its ancestors' names are read even above the scope (a unit knows its 主管部门).
const PROJECT_HEADER_PROPOSAL = sql<ProjectHeaderProposalRow, [id: string, scope: readonly string[]]>(
  'organizations.projectHeaderProposal',
  `SELECT (SELECT a.name FROM organization a WHERE a.id = ANY (ancestors.ids) AND a.kind = 'department'
           ORDER BY length(a.path) DESC LIMIT 1) AS "printedDepartment",
          (SELECT a.name FROM organization a WHERE a.id = ANY (ancestors.ids) AND a.kind = 'unit'
           ORDER BY length(a.path) DESC LIMIT 1) AS "printedImplementingUnit"
   FROM organization o
   CROSS JOIN LATERAL (SELECT string_to_array(btrim(o.path, '/'), '/')::uuid[] AS ids) ancestors
   WHERE o.id = $1 AND ${inScope('o.path', 2)}`,
);

const DELETE = sql<object, [id: string, scope: readonly string[]]>(
  'organizations.delete',
  `DELETE FROM organization o WHERE o.id = $1 AND ${inScope('o.path', 2)}`,
);

/** A 财政科室 with the 主管部门 it reviews. */
export type FinanceDivisionRow = FinanceDivisionAssignment & Pick<OrganizationEntity, 'name'>;

const DIVISIONS = sql<FinanceDivisionRow, [scope: readonly string[]]>(
  'organizations.financeDivisions',
  `SELECT o.id AS "divisionId", o.name,
          coalesce(array_agg(a.department_id) FILTER (WHERE a.department_id IS NOT NULL), '{}') AS "departmentIds"
   FROM organization o LEFT JOIN finance_division_assignment a ON a.division_id = o.id
   WHERE o.kind = 'finance_division' AND ${inScope('o.path', 1)}
   GROUP BY o.id, o.name, o.sort_order ORDER BY o.sort_order, o.name`,
);

const DEPARTMENTS_AMONG = sql<Pick<OrganizationEntity, 'id'>, [ids: string[], scope: readonly string[]]>(
  'organizations.departmentsAmong',
  `SELECT o.id FROM organization o WHERE o.id = ANY($1::uuid[]) AND o.kind = 'department' AND ${inScope('o.path', 2)}`,
);

const CLEAR_ASSIGNMENTS = sql<object, [divisionId: string, scope: readonly string[]]>(
  'organizations.clearAssignments',
  `DELETE FROM finance_division_assignment a USING organization o
   WHERE a.division_id = $1 AND o.id = a.division_id AND ${inScope('o.path', 2)}`,
);

const INSERT_ASSIGNMENTS = sql<
  object,
  [tenantId: string, divisionId: string, departmentIds: string[], scope: readonly string[]]
>(
  'organizations.insertAssignments',
  `INSERT INTO finance_division_assignment (tenant_id, division_id, department_id)
   SELECT $1, o.id, d.id FROM organization o, unnest($3::uuid[]) AS d(id) WHERE o.id = $2 AND ${inScope('o.path', 4)}`,
);

/** organization and finance_division_assignment: the tenant's tree (docs/domain.md §1) and 财政科室分工. */
@Injectable()
export class OrganizationRepository {
  list(db: Db, scope: Scope): Promise<OrganizationRow[]> {
    return db.rows(LIST, [scope.patterns]);
  }

  /** The node; undefined outside the scope. */
  byId(db: Db, scope: Scope, id: string): Promise<OrganizationRow | undefined> {
    return db.one(BY_ID, [id, scope.patterns]);
  }

  /** A new child of `parentId`; undefined (nothing written) when the parent lies outside the scope. */
  insertChild(
    db: Db,
    scope: Scope,
    o: {
      id: string;
      tenantId: string;
      parentId: string;
      kind: OrganizationKind;
      name: string;
      unitTypeCode: string | null;
      sortOrder: number;
    },
  ): Promise<OrganizationRow | undefined> {
    return db.one(INSERT, [o.id, o.tenantId, o.parentId, o.kind, o.name, o.unitTypeCode, o.sortOrder, scope.patterns]);
  }

  /** Moves node `id` (path `oldPath`) and its whole subtree under `parentId`, whose node path is `newPath`. */
  async move(db: Db, scope: Scope, m: { id: string; oldPath: string; newPath: string; parentId: string }) {
    await db.run(MOVE_SUBTREE, [m.newPath, m.oldPath, scope.patterns]);
    await db.run(SET_PARENT, [m.id, m.parentId, scope.patterns]);
  }

  /** Changes the given fields (null keeps a field; `unitTypeCode` is set when given, even to null). */
  update(
    db: Db,
    scope: Scope,
    id: string,
    change: { name: string | null; unitTypeCode?: string | null; sortOrder: number | null },
  ): Promise<OrganizationRow | undefined> {
    return db.one(UPDATE, [
      id,
      change.name,
      change.unitTypeCode !== undefined,
      change.unitTypeCode ?? null,
      change.sortOrder,
      scope.patterns,
    ]);
  }

  /** 停用 of the node at `path` and its subtree, with their users and those users' sessions. */
  async disableSubtree(db: Db, scope: Scope, path: string): Promise<DisabledSubtree> {
    return (await db.one(DISABLE_SUBTREE, [path, scope.patterns]))!;
  }

  /** 启用 of the node at `path` and its subtree (not their users). */
  async enableSubtree(db: Db, scope: Scope, path: string): Promise<void> {
    await db.run(ENABLE_SUBTREE, [path, scope.patterns]);
  }

  /** Whether `code` is in the tenant's 单位类型 code list. */
  async unitTypeExists(db: Db, code: string): Promise<boolean> {
    return (await db.one(UNIT_TYPE_EXISTS, [code]))!.found;
  }

  /** Only for a node the service already found in scope in this transaction. */
  async usage(db: Db, id: string): Promise<OrganizationUsage> {
    return (await db.one(USAGE, [id]))!;
  }

  /** The proposed printed 主管部门 and 实施单位; undefined outside the scope. */
  projectHeaderProposal(db: Db, scope: Scope, id: string): Promise<ProjectHeaderProposalRow | undefined> {
    return db.one(PROJECT_HEADER_PROPOSAL, [id, scope.patterns]);
  }

  async delete(db: Db, scope: Scope, id: string): Promise<void> {
    await db.run(DELETE, [id, scope.patterns]);
  }

  financeDivisions(db: Db, scope: Scope): Promise<FinanceDivisionRow[]> {
    return db.rows(DIVISIONS, [scope.patterns]);
  }

  /** Which of `ids` are 主管部门 in the scope. */
  async departmentsAmong(db: Db, scope: Scope, ids: string[]): Promise<string[]> {
    return (await db.rows(DEPARTMENTS_AMONG, [ids, scope.patterns])).map((r) => r.id);
  }

  /** The 主管部门 that division `divisionId` reviews become exactly `departmentIds`. */
  async replaceAssignments(
    db: Db,
    scope: Scope,
    tenantId: string,
    divisionId: string,
    departmentIds: string[],
  ): Promise<void> {
    await db.run(CLEAR_ASSIGNMENTS, [divisionId, scope.patterns]);
    await db.run(INSERT_ASSIGNMENTS, [tenantId, divisionId, departmentIds, scope.patterns]);
  }
}
