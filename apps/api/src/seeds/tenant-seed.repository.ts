import type { ClientBase } from 'pg';
import { FUND_FIELDS, type OrganizationKind, type Role, type TaxonomyNodeInput } from '@jxt/contracts';
import { sql, type BuiltStatement, type Statement } from '../database/access/statement';
import type { CodeListItemEntity } from '../database/entities/code-list-item.entity';
import type { GoalFormEntity } from '../database/entities/goal-form.entity';
import type { OrganizationEntity } from '../database/entities/organization.entity';
import type { ProjectEntity } from '../database/entities/project.entity';
import type { TenantEntity } from '../database/entities/tenant.entity';
import type { UserEntity } from '../database/entities/user.entity';
import type { SeedForm, SeedLibraryEntry } from './seed-files';

/**
 * A statement on the owner connection (operator commands, seeds and tests; never requests). It bypasses row-level
 * security, so only the tenant-creating code here and test assertions use it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of any statement, typed by the repository's methods
export type OwnerQuery = (sql: string, params?: unknown[]) => Promise<any[]>;

type RowOf<S> = S extends Statement<infer Row, readonly unknown[]> ? Row : never;
type ParamsOf<S> = S extends Statement<object, infer Params> ? Params : never;

function rows<S extends Statement>(q: OwnerQuery, statement: S, params: ParamsOf<S>): Promise<RowOf<S>[]> {
  return q(statement.text, [...params]);
}

/** The statements of the owner transaction itself; owner-transaction.ts opens and closes the connection. */
export class OwnerTransactionStatements {
  constructor(private readonly client: ClientBase) {}

  async begin(): Promise<void> {
    await this.client.query('BEGIN');
  }

  async commit(): Promise<void> {
    await this.client.query('COMMIT');
  }

  async rollback(): Promise<void> {
    await this.client.query('ROLLBACK');
  }

  /** Runs one statement in the transaction. */
  readonly query: OwnerQuery = async (text, params) => (await this.client.query(text, params)).rows;
}

// Serialises concurrent first starts on the same database (held until the transaction ends).
const LOCK_DEMO_SEED = sql<object, []>(
  'tenantSeed.lockDemoSeed',
  `SELECT pg_advisory_xact_lock(hashtext('jixiaotong-demo-seed'))`,
);

const TENANT_BY_CODE = sql<Pick<TenantEntity, 'id'>, [code: string]>(
  'tenantSeed.tenantByCode',
  `SELECT id FROM tenant WHERE code = $1`,
);

const INSERT_TENANT = sql<Pick<TenantEntity, 'id'>, [code: string, name: string]>(
  'tenantSeed.insertTenant',
  `INSERT INTO tenant (code, name) VALUES ($1, $2) RETURNING id`,
);

const INSERT_ORGANIZATION = sql<
  object,
  [
    id: string,
    tenantId: string,
    parentId: string | null,
    kind: OrganizationKind,
    name: string,
    unitTypeCode: string | null,
    path: string,
    sortOrder: number,
  ]
>(
  'tenantSeed.insertOrganization',
  `INSERT INTO organization (id, tenant_id, parent_id, kind, name, unit_type_code, path, sort_order)
   VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
);

const INSERT_ASSIGNMENT = sql<object, [tenantId: string, divisionId: string, departmentId: string]>(
  'tenantSeed.insertAssignment',
  `INSERT INTO finance_division_assignment (tenant_id, division_id, department_id) VALUES ($1, $2, $3)`,
);

const INSERT_CODE_LIST_ITEM = sql<
  object,
  [tenantId: string, list: string, year: number | null, code: string, label: string, sortOrder: number]
>(
  'tenantSeed.insertCodeListItem',
  `INSERT INTO code_list_item (tenant_id, list, year, code, label, sort_order) VALUES ($1, $2, $3, $4, $5, $6)`,
);

const INSERT_FISCAL_YEAR = sql<object, [tenantId: string, year: number]>(
  'tenantSeed.insertFiscalYear',
  `INSERT INTO fiscal_year (tenant_id, year, status) VALUES ($1, $2, 'open')`,
);

const INSERT_TAXONOMY_NODE = sql<
  object,
  [
    tenantId: string,
    year: number,
    code: string,
    label: string,
    level: number,
    parentCode: string | null,
    sortOrder: number,
  ]
>(
  'tenantSeed.insertTaxonomyNode',
  `INSERT INTO indicator_taxonomy (tenant_id, year, code, label, level, parent_code, sort_order) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
);

const INSERT_USER = sql<
  Pick<UserEntity, 'id'>,
  [
    tenantId: string,
    organizationId: string,
    username: string,
    displayName: string,
    passwordHash: string,
    roles: Role[],
    phone: string | null,
    demoAccount: boolean,
  ]
>(
  'tenantSeed.insertUser',
  `INSERT INTO app_user (tenant_id, organization_id, username, display_name, password_hash, roles, phone, demo_account)
   VALUES ($1, $2, lower($3), $4, $5, $6, $7, $8) RETURNING id`,
);

const INSERT_PROJECT = sql<Pick<ProjectEntity, 'id'>, [tenantId: string, organizationId: string, code: string]>(
  'tenantSeed.insertProject',
  `INSERT INTO project (tenant_id, organization_id, code) VALUES ($1, $2, $3) RETURNING id`,
);

// The header belongs to the form revision (docs/domain.md, "Locked revisions"); the amounts in FUND_FIELDS order.
const INSERT_FORM = sql<Pick<GoalFormEntity, 'id'>>(
  'tenantSeed.insertForm',
  `INSERT INTO goal_form (tenant_id, project_id, year, project_name, category_code, continuity, function_class_code, printed_department,
     printed_implementing_unit, planned_start, planned_end, total_amount, fiscal_amount, other_amount, annual_amount, annual_fiscal_amount,
     carry_over_amount, annual_other_amount, total_goal, annual_goal, goal_period_start, goal_period_end)
   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22) RETURNING id`,
);

// A 指标库 entry of the seed (seeds/songjiang/indicator-library.json), its owner already resolved to an organisation.
const INSERT_LIBRARY_ENTRY = sql<
  object,
  [
    tenantId: string,
    tier: string,
    organizationId: string,
    name: string,
    nameInitials: string,
    level1Code: string,
    level2Code: string,
    nature: string | null,
    measureUnit: string | null,
    valueForm: string | null,
    definition: string | null,
    calculationMethod: string | null,
    functionClassCodes: string[],
    projectTags: string[],
  ]
>(
  'tenantSeed.insertLibraryEntry',
  `INSERT INTO indicator_library_entry (tenant_id, tier, organization_id, name, name_initials, level1_code, level2_code,
     nature, measure_unit, value_form, definition, calculation_method, function_class_codes, project_tags)
   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::text[], $14::text[])`,
);

/**
 * The owner-side writes of a whole tenant (tenant:create, the demo seed, tests' seeds): rows of every tenant table,
 * written before any app session exists, in the caller's owner transaction `q`.
 */
export class TenantSeedRepository {
  async lockDemoSeed(q: OwnerQuery): Promise<void> {
    await rows(q, LOCK_DEMO_SEED, []);
  }

  async tenantExists(q: OwnerQuery, code: string): Promise<boolean> {
    return (await rows(q, TENANT_BY_CODE, [code])).length > 0;
  }

  async insertTenant(q: OwnerQuery, code: string, name: string): Promise<string> {
    const [tenant] = await rows(q, INSERT_TENANT, [code, name]);
    return tenant.id;
  }

  /** A node with the id and path the caller chose (`path` is the parent's path and the id). */
  async insertOrganization(
    q: OwnerQuery,
    o: Pick<
      OrganizationEntity,
      'id' | 'tenantId' | 'parentId' | 'kind' | 'name' | 'unitTypeCode' | 'path' | 'sortOrder'
    >,
  ): Promise<void> {
    await rows(q, INSERT_ORGANIZATION, [
      o.id,
      o.tenantId,
      o.parentId,
      o.kind,
      o.name,
      o.unitTypeCode,
      o.path,
      o.sortOrder,
    ]);
  }

  async insertAssignment(q: OwnerQuery, tenantId: string, divisionId: string, departmentId: string): Promise<void> {
    await rows(q, INSERT_ASSIGNMENT, [tenantId, divisionId, departmentId]);
  }

  async insertCodeListItem(
    q: OwnerQuery,
    i: Pick<CodeListItemEntity, 'tenantId' | 'list' | 'year' | 'code' | 'label' | 'sortOrder'>,
  ): Promise<void> {
    await rows(q, INSERT_CODE_LIST_ITEM, [i.tenantId, i.list, i.year, i.code, i.label, i.sortOrder]);
  }

  async insertFiscalYear(q: OwnerQuery, tenantId: string, year: number): Promise<void> {
    await rows(q, INSERT_FISCAL_YEAR, [tenantId, year]);
  }

  async insertTaxonomyNode(q: OwnerQuery, tenantId: string, year: number, node: TaxonomyNodeInput): Promise<void> {
    await rows(q, INSERT_TAXONOMY_NODE, [
      tenantId,
      year,
      node.code,
      node.label,
      node.level,
      node.parentCode,
      node.sortOrder,
    ]);
  }

  /** The user name is stored in lower case. Returns the new id. */
  async insertUser(
    q: OwnerQuery,
    u: Pick<
      UserEntity,
      'tenantId' | 'organizationId' | 'username' | 'displayName' | 'passwordHash' | 'roles' | 'phone' | 'demoAccount'
    >,
  ): Promise<string> {
    const [user] = await rows(q, INSERT_USER, [
      u.tenantId,
      u.organizationId,
      u.username,
      u.displayName,
      u.passwordHash,
      u.roles,
      u.phone,
      u.demoAccount,
    ]);
    return user.id;
  }

  async insertProject(q: OwnerQuery, tenantId: string, organizationId: string, code: string): Promise<string> {
    const [project] = await rows(q, INSERT_PROJECT, [tenantId, organizationId, code]);
    return project.id;
  }

  /** The project's form of the seed's year, as a draft. Returns its id. */
  async insertForm(q: OwnerQuery, tenantId: string, projectId: string, form: SeedForm): Promise<string> {
    const p = form.project;
    const [created] = await rows(q, INSERT_FORM, [
      tenantId,
      projectId,
      form.year,
      p.name,
      p.categoryCode,
      p.continuity,
      p.functionClassCode,
      p.printedDepartment,
      p.printedImplementingUnit,
      p.plannedStart,
      p.plannedEnd,
      ...FUND_FIELDS.map((f) => form.funds[f]),
      form.totalGoal,
      form.annualGoal,
      form.goalPeriodStart,
      form.goalPeriodEnd,
    ]);
    return created.id;
  }

  /** A form's indicator rows, as built by indicatorArrayInsert (the forms repository's tested builder). */
  async insertLibraryEntry(
    q: OwnerQuery,
    tenantId: string,
    organizationId: string,
    entry: SeedLibraryEntry & { nameInitials: string },
  ): Promise<void> {
    await rows(q, INSERT_LIBRARY_ENTRY, [
      tenantId,
      entry.tier,
      organizationId,
      entry.name,
      entry.nameInitials,
      entry.level1Code,
      entry.level2Code,
      entry.nature ?? null,
      entry.measureUnit ?? null,
      entry.valueForm ?? null,
      entry.definition ?? null,
      entry.calculationMethod ?? null,
      entry.functionClassCodes ?? [],
      entry.projectTags ?? [],
    ]);
  }

  async insertIndicators(q: OwnerQuery, insert: BuiltStatement): Promise<void> {
    await q(insert.text, [...insert.values]);
  }
}

export const tenantSeedRepository = new TenantSeedRepository();
