import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type {
  Funds,
  IndicatorSetsInput,
  LibraryTier,
  OrganizationKind,
  ProjectHeader,
  Role,
  TaxonomyNodeInput,
} from '@jxt/contracts';
import { isRoleValidAt } from '@jxt/domain';

/** The repository's seeds/ folder (the same relative place in src/, dist/ and the Docker image). */
export const SEEDS_DIR = resolve(__dirname, '../../../../seeds');

export interface SeedOrganization {
  name: string;
  kind: OrganizationKind;
  unitTypeCode?: string | null;
  children?: SeedOrganization[];
}

export interface SeedTenantFile {
  tenant: { code: string; name: string };
  codeLists: Record<string, { code: string; label: string }[]>;
  organizations: SeedOrganization;
  /** 财政科室分工: which 主管部门 each finance division reviews (by organisation name). */
  financeDivisions?: { division: string; departments: string[] }[];
}

export interface SeedForm {
  unit: string;
  year: number;
  project: ProjectHeader;
  funds: Funds;
  totalGoal: string | null;
  annualGoal: string | null;
  goalPeriodStart: number | null;
  goalPeriodEnd: number | null;
  indicators: IndicatorSetsInput;
}

/** One 指标库 entry of the seed (seeds/songjiang/indicator-library.json); `source` is documentation, not loaded. */
export interface SeedLibraryEntry {
  tier: LibraryTier;
  /** The owning organisation's name (tiers department and unit); a common entry belongs to the root. */
  owner?: string;
  name: string;
  level1Code: string;
  level2Code: string;
  nature?: string | null;
  measureUnit?: string | null;
  valueForm?: string | null;
  definition?: string | null;
  calculationMethod?: string | null;
  functionClassCodes?: string[];
  projectTags?: string[];
  source: string;
}

export interface SeedUser {
  username: string;
  displayName: string;
  /** 联系电话 (demo users have invented ones). */
  phone?: string | null;
  roles: Role[];
  organization: string;
}

function readJson<T>(...parts: string[]): T {
  return JSON.parse(readFileSync(join(SEEDS_DIR, ...parts), 'utf8')) as T;
}

/** The first customer's data: 松江区 with the unit's three 2021 forms (seeds/songjiang). */
export function readSongjiangSeed(): {
  tenant: SeedTenantFile;
  taxonomy: { year: number; nodes: TaxonomyNodeInput[] }[];
  forms: SeedForm[];
  library: SeedLibraryEntry[];
} {
  return {
    tenant: readJson<SeedTenantFile>('songjiang', 'tenant.json'),
    taxonomy: [{ year: 2021, nodes: readJson<TaxonomyNodeInput[]>('songjiang', 'taxonomy-2021.json') }],
    forms: readJson<SeedForm[]>('songjiang', 'forms-2021.json'),
    library: readJson<{ entries: SeedLibraryEntry[] }>('songjiang', 'indicator-library.json').entries,
  };
}

export function readDemoUsers(): SeedUser[] {
  return readJson<SeedUser[]>('demo', 'users.json');
}

/**
 * Seed users whose roles do not belong at their organisation (docs/domain.md §1), one sentence each: seeds obey
 * the role-grant rule the API enforces, so the demo never shows a 填报人 at the 财政局.
 */
export function misplacedSeedRoles(root: SeedOrganization, users: readonly SeedUser[]): string[] {
  const kinds = new Map<string, OrganizationKind>();
  const visit = (node: SeedOrganization) => {
    kinds.set(node.name, node.kind);
    node.children?.forEach(visit);
  };
  visit(root);
  return users.flatMap((user) => {
    const kind = kinds.get(user.organization);
    if (!kind) return [];
    const misplaced = user.roles.filter((role) => !isRoleValidAt(role, kind));
    return misplaced.length ? [`seed user ${user.username}: ${misplaced.join(', ')} not valid at a ${kind}`] : [];
  });
}
