import { randomUUID } from 'node:crypto';
import { YEARLY_CODE_LISTS, type TaxonomyNodeInput } from '@jxt/contracts';
import { hashPassword } from '../common/auth/password';
import { indicatorArrayInsert } from '../modules/forms/form.repository';
import { pinyinInitials } from '../modules/indicator-library/pinyin-initials';
import type { OwnerQuery } from './owner-transaction';
import {
  misplacedSeedRoles,
  type SeedForm,
  type SeedLibraryEntry,
  type SeedOrganization,
  type SeedTenantFile,
  type SeedUser,
} from './seed-files';
import { tenantSeedRepository as seeds } from './tenant-seed.repository';

export interface TenantSeed {
  tenant: SeedTenantFile;
  taxonomy: { year: number; nodes: TaxonomyNodeInput[] }[];
  forms: SeedForm[];
  /** 指标库 entries (issue 14); none when absent. */
  library?: SeedLibraryEntry[];
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
  const misplaced = misplacedSeedRoles(seed.tenant.organizations, seed.users);
  if (misplaced.length) throw new Error(misplaced.join('; '));
  const tenantId = await seeds.insertTenant(
    q,
    seed.tenantCode ?? seed.tenant.tenant.code,
    seed.tenantName ?? seed.tenant.tenant.name,
  );
  const organizations = new Map<string, string>();

  const insertOrganization = async (
    node: SeedOrganization,
    parent: { id: string; path: string } | null,
    order: number,
  ) => {
    const id = randomUUID();
    const path = `${parent?.path ?? '/'}${id}/`;
    await seeds.insertOrganization(q, {
      id,
      tenantId,
      parentId: parent?.id ?? null,
      kind: node.kind,
      name: node.name,
      unitTypeCode: node.unitTypeCode ?? null,
      path,
      sortOrder: order,
    });
    organizations.set(node.name, id);
    for (const [index, child] of (node.children ?? []).entries())
      await insertOrganization(child, { id, path }, index + 1);
  };
  await insertOrganization(seed.tenant.organizations, null, 1);

  for (const { division, departments } of seed.tenant.financeDivisions ?? []) {
    for (const department of departments) {
      const divisionId = organizations.get(division);
      const departmentId = organizations.get(department);
      if (!divisionId || !departmentId)
        throw new Error(`seed finance division ${division} → ${department}: unknown organisation`);
      await seeds.insertAssignment(q, tenantId, divisionId, departmentId);
    }
  }

  // The seed's taxonomy years are open (the demo's 2021); a yearly list (功能分类科目) gets a version for each.
  const years = seed.taxonomy.map((t) => t.year);
  for (const year of years) await seeds.insertFiscalYear(q, tenantId, year);
  for (const [list, items] of Object.entries(seed.tenant.codeLists)) {
    const listYears = (YEARLY_CODE_LISTS as readonly string[]).includes(list) && years.length ? years : [null];
    for (const year of listYears) {
      for (const [index, item] of items.entries()) {
        await seeds.insertCodeListItem(q, {
          tenantId,
          list,
          year,
          code: item.code,
          label: item.label,
          sortOrder: index + 1,
        });
      }
    }
  }
  for (const { year, nodes } of seed.taxonomy) {
    for (const node of nodes) await seeds.insertTaxonomyNode(q, tenantId, year, node);
  }

  const users = new Map<string, string>();
  for (const user of seed.users) {
    const organizationId = organizations.get(user.organization);
    if (!organizationId) throw new Error(`seed user ${user.username}: unknown organisation ${user.organization}`);
    const id = await seeds.insertUser(q, {
      tenantId,
      organizationId,
      username: user.username,
      displayName: user.displayName,
      passwordHash: await hashPassword(user.password),
      roles: user.roles,
      phone: user.phone ?? null,
      // The seed's users are demo users (password "demo" on the embedded default): no second factor demanded.
      demoAccount: true,
    });
    users.set(user.username, id);
  }

  const forms: LoadedTenant['forms'] = [];
  for (const form of seed.forms) {
    const organizationId = organizations.get(form.unit);
    if (!organizationId) throw new Error(`seed form ${form.project.code}: unknown unit ${form.unit}`);
    const projectId = await seeds.insertProject(q, tenantId, organizationId, form.project.code);
    const formId = await seeds.insertForm(q, tenantId, projectId, form);
    const insert = indicatorArrayInsert(tenantId, formId, form.indicators);
    if (insert) await seeds.insertIndicators(q, insert);
    forms.push({ id: formId, projectId, code: form.project.code, name: form.project.name });
  }

  // 共性 entries belong to the root (the 财政局); the others to the organisation they name.
  for (const entry of seed.library ?? []) {
    const owner = entry.tier === 'common' ? seed.tenant.organizations.name : entry.owner;
    const organizationId = owner === undefined ? undefined : organizations.get(owner);
    if (!organizationId) throw new Error(`seed 指标库 entry ${entry.name}: unknown owner ${owner}`);
    await seeds.insertLibraryEntry(q, tenantId, organizationId, { ...entry, nameInitials: pinyinInitials(entry.name) });
  }
  return { tenantId, organizations, users, forms };
}
