import { Injectable } from '@nestjs/common';
import type { LibraryTier, OrganizationKind } from '@jxt/contracts';
import type { Db } from '../../database/access/db';
import { inScope, type Scope } from '../../database/access/scope';
import { sql } from '../../database/access/statement';
import type { IndicatorLibraryEntryEntity } from '../../database/entities/indicator-library-entry.entity';

/** One entry as the API answers it, with its owner and how many of the year's projects use its name. */
export type LibraryEntryRow = Pick<
  IndicatorLibraryEntryEntity,
  | 'id'
  | 'tier'
  | 'organizationId'
  | 'name'
  | 'level1Code'
  | 'level2Code'
  | 'nature'
  | 'measureUnit'
  | 'valueForm'
  | 'definition'
  | 'calculationMethod'
  | 'functionClassCodes'
  | 'projectTags'
> & {
  organizationName: string;
  organizationKind: OrganizationKind;
  retiredAt: string | null;
  updatedAt: string;
  usageCount: number;
};

/** The content of an entry a write sets (owner and tier are fixed when it is created). */
export interface LibraryEntryContent {
  name: string;
  nameInitials: string;
  level1Code: string;
  level2Code: string;
  nature: string | null;
  measureUnit: string | null;
  valueForm: string | null;
  definition: string | null;
  calculationMethod: string | null;
  functionClassCodes: string[];
  projectTags: string[];
}

export interface LibrarySearch {
  /** LIKE pattern of the words (`%…%`, LIKE characters escaped), or null. */
  pattern: string | null;
  level2Code: string | null;
  tier: LibraryTier | null;
  includeRetired: boolean;
  year: number | null;
  limit: number;
  offset: number;
}

/**
 * Who sees an entry (docs/domain.md §1.1, issue 14): everyone in the tenant a 共性 one; a 行业/部门 or 个性 one whoever's
 * scope holds its owner (the owner's subtree … and those above it: the 主管部门 of a unit, the 财政局) or whose scope
 * lies under its owner (a unit sees its 主管部门's entries; a 财政科室 those of its assigned 主管部门). A sibling unit
 * sees none of another's. The owners are worked out once from the organisation tree (a few hundred rows), then the
 * entries are joined to them by id: a 共性 entry's owner is the root, an ancestor of everyone. `$1` is the caller's
 * scope patterns.
 */
const VISIBLE_OWNERS = `visible_owner AS (
  SELECT o.id, o.name, o.kind FROM organization o
  WHERE ${inScope('o.path', 1)} OR EXISTS (SELECT 1 FROM unnest($1::text[]) AS mine(pattern) WHERE mine.pattern LIKE o.path || '%'))`;

const ENTRY_COLUMNS = `e.id, e.tier, e.organization_id AS "organizationId", o.name AS "organizationName",
  o.kind AS "organizationKind", e.name, e.level1_code AS "level1Code", e.level2_code AS "level2Code", e.nature,
  e.measure_unit AS "measureUnit", e.value_form AS "valueForm", e.definition, e.calculation_method AS "calculationMethod",
  e.function_class_codes AS "functionClassCodes", e.project_tags AS "projectTags", e.retired_at AS "retiredAt",
  e.updated_at AS "updatedAt"`;

// One page of the visible entries matching the words (in the name, its pinyin initials or the 指标解释), best first,
// with how many match. LIKE, not ILIKE: Chinese has no case, and the Latin letters of a name are in its initials,
// lower-cased, which are matched with the words lower-cased. Order: active before retired, names that start with the
// words, then the nearer tiers (个性, 行业/部门, 共性), then the name by code point (no collation: cheap and stable).
// The match and the count run on narrow rows (id and sort keys), one scan; only the page's rows are then read whole.
// usageCount is how many of the year's projects (any unit of the tenant: row-level security keeps to the tenant) have
// a form with an indicator of that name: a count only. Without a year, the newest year with forms.
const SEARCH = sql<
  LibraryEntryRow & { total: number },
  [
    patterns: readonly string[],
    pattern: string | null,
    initials: string | null,
    level2: string | null,
    tier: string | null,
    includeRetired: boolean,
    limit: number,
    offset: number,
    year: number | null,
    prefix: string | null,
  ]
>(
  'indicatorLibrary.search',
  `WITH ${VISIBLE_OWNERS},
   page AS (
     SELECT e.id, e.name, count(*) OVER ()::int AS total,
       (e.retired_at IS NOT NULL) AS retired,
       CASE WHEN $10::text IS NOT NULL AND (e.name LIKE $10 OR e.name_initials LIKE lower($10)) THEN 0 ELSE 1 END AS starts,
       CASE e.tier WHEN 'unit' THEN 0 WHEN 'department' THEN 1 ELSE 2 END AS nearness
     FROM indicator_library_entry e JOIN visible_owner o ON o.id = e.organization_id
     WHERE ($2::text IS NULL OR e.name LIKE $2 OR e.name_initials LIKE $3 OR e.definition LIKE $2)
       AND ($4::text IS NULL OR e.level2_code = $4)
       AND ($5::text IS NULL OR e.tier = $5)
       AND ($6::boolean OR e.retired_at IS NULL)
     ORDER BY retired, starts, nearness, e.name COLLATE "C", e.id
     LIMIT $7 OFFSET $8
   ),
   usage AS (
     SELECT i.name, count(DISTINCT f.project_id)::int AS projects
     FROM indicator i JOIN goal_form f ON f.id = i.form_id
     WHERE f.year = coalesce($9::int, (SELECT max(year) FROM goal_form))
       AND i.name IN (SELECT name FROM page)
     GROUP BY i.name
   )
   SELECT ${ENTRY_COLUMNS}, page.total, coalesce(usage.projects, 0) AS "usageCount"
   FROM page JOIN indicator_library_entry e ON e.id = page.id JOIN organization o ON o.id = e.organization_id
     LEFT JOIN usage ON usage.name = page.name
   ORDER BY page.retired, page.starts, page.nearness, page.name COLLATE "C", page.id`,
);

// How many entries the search finds, for a page past the end (which has no row to carry the count).
const COUNT = sql<
  { total: number },
  [
    patterns: readonly string[],
    pattern: string | null,
    initials: string | null,
    level2: string | null,
    tier: string | null,
    includeRetired: boolean,
  ]
>(
  'indicatorLibrary.count',
  `WITH ${VISIBLE_OWNERS}
   SELECT count(*)::int AS total
   FROM indicator_library_entry e JOIN visible_owner o ON o.id = e.organization_id
   WHERE ($2::text IS NULL OR e.name LIKE $2 OR e.name_initials LIKE $3 OR e.definition LIKE $2)
     AND ($4::text IS NULL OR e.level2_code = $4)
     AND ($5::text IS NULL OR e.tier = $5)
     AND ($6::boolean OR e.retired_at IS NULL)`,
);

// One entry, its usage counted in the newest year with forms.
const BY_ID = sql<LibraryEntryRow, [patterns: readonly string[], id: string]>(
  'indicatorLibrary.byId',
  `WITH ${VISIBLE_OWNERS}
   SELECT ${ENTRY_COLUMNS},
     (SELECT count(DISTINCT f.project_id)::int FROM indicator i JOIN goal_form f ON f.id = i.form_id
      WHERE i.name = e.name AND f.year = (SELECT max(year) FROM goal_form)) AS "usageCount"
   FROM indicator_library_entry e JOIN visible_owner o ON o.id = e.organization_id
   WHERE e.id = $2`,
);

const ACTIVE_NAME_TAKEN = sql<{ id: string }, [organizationId: string, name: string, exceptId: string | null]>(
  'indicatorLibrary.activeNameTaken',
  `SELECT id FROM indicator_library_entry
   WHERE organization_id = $1 AND name = $2 AND retired_at IS NULL AND id IS DISTINCT FROM $3::uuid`,
);

const PAIR_IN_TAXONOMY = sql<{ found: boolean }, [level1: string, level2: string]>(
  'indicatorLibrary.pairInTaxonomy',
  `SELECT EXISTS (SELECT 1 FROM indicator_taxonomy WHERE level = 2 AND code = $2 AND parent_code = $1) AS found`,
);

type ContentParams = [
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
];

const INSERT = sql<{ id: string }, [tenantId: string, tier: LibraryTier, organizationId: string, ...ContentParams]>(
  'indicatorLibrary.insert',
  `INSERT INTO indicator_library_entry (tenant_id, tier, organization_id, name, name_initials, level1_code, level2_code,
     nature, measure_unit, value_form, definition, calculation_method, function_class_codes, project_tags)
   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::text[], $14::text[])
   RETURNING id`,
);

const UPDATE = sql<object, [id: string, ...ContentParams]>(
  'indicatorLibrary.update',
  `UPDATE indicator_library_entry SET name = $2, name_initials = $3, level1_code = $4, level2_code = $5, nature = $6,
     measure_unit = $7, value_form = $8, definition = $9, calculation_method = $10, function_class_codes = $11::text[],
     project_tags = $12::text[], updated_at = now()
   WHERE id = $1`,
);

const SET_RETIRED = sql<object, [id: string, retired: boolean]>(
  'indicatorLibrary.setRetired',
  `UPDATE indicator_library_entry
   SET retired_at = CASE WHEN $2 THEN coalesce(retired_at, now()) END, updated_at = now()
   WHERE id = $1`,
);

const contentParams = (c: LibraryEntryContent): ContentParams => [
  c.name,
  c.nameInitials,
  c.level1Code,
  c.level2Code,
  c.nature,
  c.measureUnit,
  c.valueForm,
  c.definition,
  c.calculationMethod,
  c.functionClassCodes,
  c.projectTags,
];

/** indicator_library_entry: the 指标库 of the tenant, each read limited to what the caller's scope may see. */
@Injectable()
export class IndicatorLibraryRepository {
  async search(db: Db, scope: Scope, s: LibrarySearch, initials: string | null, prefix: string | null) {
    const rows = await db.rows(SEARCH, [
      scope.patterns,
      s.pattern,
      initials,
      s.level2Code,
      s.tier,
      s.includeRetired,
      s.limit,
      s.offset,
      s.year,
      prefix,
    ]);
    if (rows.length || s.offset === 0) return { rows, total: rows[0]?.total ?? 0 };
    // A page past the end has no row to carry the count.
    const counted = await db.one(COUNT, [scope.patterns, s.pattern, initials, s.level2Code, s.tier, s.includeRetired]);
    return { rows, total: counted?.total ?? 0 };
  }

  /** The entry if the caller may see it. */
  byId(db: Db, scope: Scope, id: string) {
    return db.one(BY_ID, [scope.patterns, id]);
  }

  async activeNameTaken(db: Db, organizationId: string, name: string, exceptId: string | null): Promise<boolean> {
    return (await db.rows(ACTIVE_NAME_TAKEN, [organizationId, name, exceptId])).length > 0;
  }

  /** Whether 二级 `level2` lies under 一级 `level1` in some year's taxonomy of the tenant. */
  async pairInTaxonomy(db: Db, level1: string, level2: string): Promise<boolean> {
    return (await db.one(PAIR_IN_TAXONOMY, [level1, level2]))?.found === true;
  }

  async insert(
    db: Db,
    tenantId: string,
    tier: LibraryTier,
    organizationId: string,
    content: LibraryEntryContent,
  ): Promise<string> {
    const row = await db.one(INSERT, [tenantId, tier, organizationId, ...contentParams(content)]);
    return row!.id;
  }

  async update(db: Db, id: string, content: LibraryEntryContent): Promise<void> {
    await db.run(UPDATE, [id, ...contentParams(content)]);
  }

  async setRetired(db: Db, id: string, retired: boolean): Promise<void> {
    await db.run(SET_RETIRED, [id, retired]);
  }
}
