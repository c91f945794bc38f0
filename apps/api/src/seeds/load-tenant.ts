import { randomUUID } from 'node:crypto';
import { FUND_FIELDS } from '@jxt/contracts';
import { buildIndicatorInsert } from '../modules/forms/form.repository';
import { hashPassword } from '../common/auth/password';
import type { OwnerQuery } from './owner-transaction';
import type { SeedForm, SeedOrganization, SeedTenantFile, SeedUser } from './seed-files';
import type { TaxonomyNode } from '@jxt/contracts';

export interface TenantSeed {
  tenant: SeedTenantFile;
  taxonomy: { year: number; nodes: TaxonomyNode[] }[];
  forms: SeedForm[];
  users: (SeedUser & { password: string })[];
  /** Overrides for loading the same data more than once (tests give each tenant its own code). */
  tenantCode?: string;
  tenantName?: string;
}

export interface LoadedTenant {
  tenantId: string;
  organizations: Map<string, string>;
  users: Map<string, string>;
  forms: { id: string; projectId: string; code: string; name: string }[];
}

/**
 * Writes a whole tenant (organisation tree, code lists, taxonomy, users, projects and their forms)
 * inside the caller's owner transaction. Used by the demo seed and by tests that need real data.
 */
export async function loadTenant(q: OwnerQuery, seed: TenantSeed): Promise<LoadedTenant> {
  const [tenant] = await q(`INSERT INTO tenant (code, name) VALUES ($1, $2) RETURNING id`, [
    seed.tenantCode ?? seed.tenant.tenant.code,
    seed.tenantName ?? seed.tenant.tenant.name,
  ]);
  const tenantId: string = tenant.id;
  const organizations = new Map<string, string>();

  const insertOrganization = async (node: SeedOrganization, parent: { id: string; path: string } | null, order: number) => {
    const id = randomUUID();
    const path = `${parent?.path ?? '/'}${id}/`;
    await q(
      `INSERT INTO organization (id, tenant_id, parent_id, kind, name, unit_type_code, path, sort_order) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, tenantId, parent?.id ?? null, node.kind, node.name, node.unitTypeCode ?? null, path, order],
    );
    organizations.set(node.name, id);
    for (const [index, child] of (node.children ?? []).entries()) await insertOrganization(child, { id, path }, index + 1);
  };
  await insertOrganization(seed.tenant.organizations, null, 1);

  for (const { division, departments } of seed.tenant.financeDivisions ?? []) {
    for (const department of departments) {
      const divisionId = organizations.get(division);
      const departmentId = organizations.get(department);
      if (!divisionId || !departmentId) throw new Error(`seed finance division ${division} → ${department}: unknown organisation`);
      await q(`INSERT INTO finance_division_assignment (tenant_id, division_id, department_id) VALUES ($1, $2, $3)`, [tenantId, divisionId, departmentId]);
    }
  }

  for (const [list, items] of Object.entries(seed.tenant.codeLists)) {
    for (const [index, item] of items.entries()) {
      await q(`INSERT INTO code_list_item (tenant_id, list, code, label, sort_order) VALUES ($1, $2, $3, $4, $5)`, [tenantId, list, item.code, item.label, index + 1]);
    }
  }
  for (const { year, nodes } of seed.taxonomy) {
    for (const node of nodes) {
      await q(
        `INSERT INTO indicator_taxonomy (tenant_id, year, code, label, level, parent_code, sort_order) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [tenantId, year, node.code, node.label, node.level, node.parentCode, node.sortOrder],
      );
    }
  }

  const users = new Map<string, string>();
  for (const user of seed.users) {
    const organizationId = organizations.get(user.organization);
    if (!organizationId) throw new Error(`seed user ${user.username}: unknown organisation ${user.organization}`);
    const [row] = await q(
      `INSERT INTO app_user (tenant_id, organization_id, username, display_name, password_hash, roles, phone) VALUES ($1, $2, lower($3), $4, $5, $6, $7) RETURNING id`,
      [tenantId, organizationId, user.username, user.displayName, await hashPassword(user.password), user.roles, user.phone ?? null],
    );
    users.set(user.username, row.id);
  }

  const forms: LoadedTenant['forms'] = [];
  for (const form of seed.forms) {
    const organizationId = organizations.get(form.unit);
    if (!organizationId) throw new Error(`seed form ${form.project.code}: unknown unit ${form.unit}`);
    const p = form.project;
    const [project] = await q(`INSERT INTO project (tenant_id, organization_id, code) VALUES ($1, $2, $3) RETURNING id`, [tenantId, organizationId, p.code]);
    // The header belongs to the form revision (docs/domain.md, "Locked revisions").
    const [goalForm] = await q(
      `INSERT INTO goal_form (tenant_id, project_id, year, project_name, category_code, continuity, function_class_code, printed_department,
         printed_implementing_unit, planned_start, planned_end, total_amount, fiscal_amount, other_amount, annual_amount, annual_fiscal_amount,
         carry_over_amount, annual_other_amount, total_goal, annual_goal, goal_period_start, goal_period_end)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22) RETURNING id`,
      [tenantId, project.id, form.year, p.name, p.categoryCode, p.continuity, p.functionClassCode, p.printedDepartment, p.printedImplementingUnit,
        p.plannedStart, p.plannedEnd, ...FUND_FIELDS.map((f) => form.funds[f]), form.totalGoal, form.annualGoal, form.goalPeriodStart, form.goalPeriodEnd],
    );
    const insert = buildIndicatorInsert(tenantId, goalForm.id, form.indicators);
    if (insert) await q(insert.text, [...insert.values]);
    forms.push({ id: goalForm.id, projectId: project.id, code: p.code, name: p.name });
  }
  return { tenantId, organizations, users, forms };
}
