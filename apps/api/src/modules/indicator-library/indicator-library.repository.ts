import { Injectable } from '@nestjs/common';
import type { LibraryTier, OrganizationKind } from '@jxt/contracts';
import type { Db } from '../../database/access/db';
import { inScope, scopeRootAncestorIds, scopeRootsCte, type Scope } from '../../database/access/scope';
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
 * sees none of another's. The owners are the organisations in the scope (a range scan per subtree) and those on the
 * paths to its roots (read off the scope's own patterns): no scan of a city's thousands of organisations. The entries
 * are then joined to them by id: a 共性 entry's owner is the root, an ancestor of everyone. `$1` is the caller's
 * scope patterns.
 */
const VISIBLE_OWNERS = `${scopeRootsCte(1)},
  visible_owner AS (
  SELECT o.id, o.name, o.kind FROM scope_root r JOIN organization o ON o.path >= r.root AND o.path < r.bound
  UNION
  SELECT o.id, o.name, o.kind FROM organization o WHERE o.id IN ${scopeRootAncestorIds(1)})`;

const ENTRY_COLUMNS = `e.id, e.tier, e.organization_id AS "organizationId", o.name AS "organizationName",
  o.kind AS "organizationKind", e.name, e.level1_code AS "level1Code", e.level2_code AS "level2Code", e.nature,
  e.measure_unit AS "measureUnit", e.value_form AS "valueForm", e.definition, e.calculation_method AS "calculationMethod",
  e.function_class_codes AS "functionClassCodes", e.project_tags AS "projectTags", e.retired_at AS "retiredAt",
  e.updated_at AS "updatedAt"`;

// One page of the visible entries matching the words (in the name or its pinyin initials), best first, with how many
// match. The match, the count and the order read only indicator_library_slot_idx (an index-only scan of the owners'
// entries: name, initials, tier, 二级指标, retired_at; ADR 0035, ADR 0036), never the wide rows with their 指标解释.
// LIKE, not ILIKE: Chinese has no case, and the Latin letters of a name are in its initials, lower-cased, which are
// matched with the words lower-cased. Order: active before retired, names that start with the words, then the nearer tiers
// (个性, 行业/部门, 共性), then the name by code point (no collation: cheap and stable). Only the page's rows are then
// read whole. usageCount is how many of the year's projects (any unit of the tenant: row-level security keeps to the tenant) have
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
     WHERE ($2::text IS NULL OR e.name LIKE $2 OR e.name_initials LIKE $3)
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
   WHERE ($2::text IS NULL OR e.name LIKE $2 OR e.name_initials LIKE $3)
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

/** A library entry offered for a form, before the ranking (libs/domain rankSuggestions). */
export interface SuggestionEntryRow {
  id: string;
  tier: LibraryTier;
  name: string;
  level1Code: string;
  level2Code: string;
  valueForm: string | null;
  measureUnit: string | null;
  definition: string | null;
  functionClassCodes: string[];
}

/**
 * An indicator name of similar projects: the count of all; the forms and values of the first MAX_EXAMPLES of those in
 * the caller's scope.
 */
export interface SimilarUseRow {
  name: string;
  level1Code: string;
  level2Code: string;
  usedBy: number;
  examples: { formId: string; projectName: string; value: string; unit: string | null }[];
}

/** How many similar projects' indicators the suggestions read at most (the most similar first). */
export const MAX_SIMILAR_PROJECTS = 100;

/** How many of a name's similar projects in the caller's scope are shown with their target (the first by name). */
const MAX_EXAMPLES = 3;

/** How many candidates of each 二级指标 the suggestions rank (rankSuggestions keeps at most five of one). */
const CANDIDATES_PER_SLOT = 24;

/**
 * One visible owner's entries of a 二级指标 (`slot`) — active, of the slot's 一级指标 — as `suggestEntries` reads them:
 * in the order of indicator_library_slot_idx (or of indicator_library_tagged_idx, which holds the same keys), nearest
 * tier first — `tier DESC` is 个性 (`unit`), 行业/部门 (`department`), 共性 (`common`) — then by id.
 */
const slotEntries = (index: 'slot' | 'tagged') => `
           FROM indicator_library_entry e
           WHERE e.organization_id = o.id AND e.level2_code = slot.code AND e.level1_code = slot.parent_code
             AND e.retired_at IS NULL${index === 'tagged' ? ` AND e.function_class_codes <> '{}'` : ''}`;

// The candidates of a form's suggestions (issue 14 point 2, ADR 0034, ADR 0036): the best CANDIDATES_PER_SLOT
// visible active entries of each 二级指标 of the form's year — fitting the 功能分类科目 first (one of an entry's codes
// is a prefix of the project's; $3 are those prefixes), then sharing a word with the form, then the nearer tier, then
// by id (no name order, whose collation would cost more than the rest) — at most 200. $4 is the form's words as LIKE
// patterns (`{%市民%,%民服%,…}`: character bigrams of Chinese text, no LIKE character among them).
// Each visible owner's best of a 二级指标 are the union of three short reads, each stopping at CANDIDATES_PER_SLOT:
// its fitting entries (from the tagged index: few, sorted with those sharing a word first), then, in index order, its
// other entries sharing a word, and its first entries whatever they match. The 二级指标's best are among them, and no
// other entry is read or matched.
// No usage count: it would read every indicator of the year (ADR 0034); the ranking counts the similar projects
// instead.
const SUGGEST_ENTRIES = sql<
  SuggestionEntryRow,
  [patterns: readonly string[], year: number, functionClassPrefixes: readonly string[], words: readonly string[]]
>(
  'indicatorLibrary.suggestEntries',
  `WITH ${VISIBLE_OWNERS},
   slot AS (
     SELECT t.code, t.parent_code FROM indicator_taxonomy t WHERE t.year = $2 AND t.level = 2 AND t.retired_at IS NULL
   ),
   best AS (
     SELECT b.id, b.fits, b.hits, row_number() OVER (
         PARTITION BY b.level2 ORDER BY b.fits DESC, b.hits DESC, b.nearness, b.id) AS n
     FROM slot CROSS JOIN LATERAL (
       SELECT c.id, slot.code COLLATE "C" AS level2, c.fits, c.hits,
         CASE c.tier WHEN 'unit' THEN 0 WHEN 'department' THEN 1 ELSE 2 END AS nearness
       FROM visible_owner o CROSS JOIN LATERAL (
         (SELECT e.id, e.tier, true AS fits, e.name LIKE ANY($4::text[]) AS hits${slotEntries('tagged')}
             AND e.function_class_codes && $3::text[]
           ORDER BY hits DESC, e.tier DESC, e.id LIMIT ${CANDIDATES_PER_SLOT})
         UNION
         (SELECT e.id, e.tier, false, true${slotEntries('slot')}
             AND e.name LIKE ANY($4::text[]) AND NOT e.function_class_codes && $3::text[]
           ORDER BY e.tier DESC, e.id LIMIT ${CANDIDATES_PER_SLOT})
         UNION
         (SELECT e.id, e.tier, e.function_class_codes && $3::text[], e.name LIKE ANY($4::text[])${slotEntries('slot')}
           ORDER BY e.tier DESC, e.id LIMIT ${CANDIDATES_PER_SLOT})
       ) c
     ) b
   ),
   picked AS (
     SELECT id FROM best WHERE n <= ${CANDIDATES_PER_SLOT} ORDER BY fits DESC, hits DESC, n, id LIMIT 200
   )
   SELECT e.id, e.tier, e.name, e.level1_code AS "level1Code", e.level2_code AS "level2Code",
     e.value_form AS "valueForm", e.measure_unit AS "measureUnit", e.definition,
     e.function_class_codes AS "functionClassCodes"
   FROM picked JOIN indicator_library_entry e ON e.id = picked.id`,
  { prepared: true },
);

// The 年度绩效指标 of projects similar to the form's (issue 14 point 2, ADRs 0034–0036): each other project's latest
// form of the year with the same 功能分类科目 ($4) whose name or 年度总目标 shares one of the form's words ($5, LIKE
// patterns as above; any, when there are none) — at most MAX_SIMILAR_PROJECTS ($7): those in the caller's scope first
// (theirs show targets), then those beyond it whose names share a word, then those whose goals do. Per indicator name
// and category: how many of them use it (a count, any unit of the tenant: row-level security keeps to the tenant) and,
// only for the projects in the caller's scope ($1), the form, name and value of the first MAX_EXAMPLES by project
// name (one indicator of each project: a form that prints a name twice counts once). A name used only beyond the
// scope is answered only when it is a library candidate's name ($6), and then only as a count.
// The year's forms of the class come from goal_form_year_function_class_idx alone (an index-only scan in path and
// project order: id, revision and name are in it). The scope's share is a range of it per subtree; beyond it the scan
// stops at the $7th project whose name shares a word, and the goals (one lookup by id each) are read only when the
// names found fewer. A form's 年度总目标 is never read for a name that shares a word.
/**
 * Each other project's latest form of the form's year ($2) and 功能分类科目 ($4) among the forms `from` gives, in
 * the order of goal_form_year_function_class_idx (organisation path, project): a project's forms share its path, so
 * they are next to each other, newest revision first.
 */
const latestFormsOfClass = (from: string) => `
     SELECT DISTINCT ON (f.organization_path, f.project_id) f.id, f.organization_path, f.project_id, f.project_name
     FROM ${from}
     WHERE f.year = $2 AND f.function_class_code = $4 AND f.project_id <> $3
     ORDER BY f.organization_path, f.project_id, f.revision DESC`;

const SIMILAR_USES = sql<
  SimilarUseRow,
  [
    patterns: readonly string[],
    year: number,
    projectId: string,
    functionClass: string,
    words: readonly string[],
    libraryNames: readonly string[],
    limit: number,
  ]
>(
  'indicatorLibrary.similarUses',
  `WITH ${scopeRootsCte(1)},
   in_scope AS (
     SELECT l.id, l.organization_path, l.project_id, l.project_name, true AS mine, 0 AS rank
     FROM (${latestFormsOfClass(
       'scope_root r JOIN goal_form f ON f.organization_path >= r.root AND f.organization_path < r.bound',
     )}) l
     WHERE (cardinality($5::text[]) = 0 OR l.project_name LIKE ANY($5::text[])
         OR (SELECT g.annual_goal LIKE ANY($5::text[]) FROM goal_form g WHERE g.id = l.id))
     ORDER BY l.organization_path, l.project_id
     LIMIT $7
   ),
   beyond_by_name AS (
     SELECT l.id, l.organization_path, l.project_id, l.project_name, false AS mine, 1 AS rank
     FROM (${latestFormsOfClass(`goal_form f`)}) l
     WHERE NOT ${inScope('l.organization_path', 1)}
       AND (cardinality($5::text[]) = 0 OR l.project_name LIKE ANY($5::text[]))
     ORDER BY l.organization_path, l.project_id
     LIMIT $7
   ),
   beyond_by_goal AS (
     SELECT l.id, l.organization_path, l.project_id, l.project_name, false AS mine, 2 AS rank
     FROM (${latestFormsOfClass(`goal_form f`)}) l
     WHERE (SELECT count(*) FROM in_scope) + (SELECT count(*) FROM beyond_by_name) < $7
       AND NOT ${inScope('l.organization_path', 1)}
       AND NOT l.project_name LIKE ANY($5::text[])
       AND (SELECT g.annual_goal LIKE ANY($5::text[]) FROM goal_form g WHERE g.id = l.id)
     ORDER BY l.organization_path, l.project_id
     LIMIT $7
   ),
   alike AS (
     SELECT u.id, u.project_id, u.project_name, u.mine
     FROM (SELECT * FROM in_scope UNION ALL SELECT * FROM beyond_by_name UNION ALL SELECT * FROM beyond_by_goal) u
     ORDER BY u.rank, u.organization_path, u.project_id
     LIMIT $7
   ),
   uses AS (
     SELECT DISTINCT ON (i.name, i.level1_code, i.level2_code, s.project_id)
       i.name, i.level1_code, i.level2_code, s.project_id, s.mine, s.id, s.project_name, i.raw_value, i.measure_unit
     FROM alike s JOIN indicator i ON i.form_id = s.id AND i.indicator_set = 'year'
     WHERE btrim(i.name) <> ''
     ORDER BY i.name, i.level1_code, i.level2_code, s.project_id, i.id
   ),
   ranked AS (
     SELECT u.*, row_number() OVER (
         PARTITION BY u.name, u.level1_code, u.level2_code ORDER BY u.mine DESC, u.project_name COLLATE "C", u.id) AS n
     FROM uses u
   )
   SELECT r.name, r.level1_code AS "level1Code", r.level2_code AS "level2Code", count(*)::int AS "usedBy",
     coalesce(jsonb_agg(jsonb_build_object('formId', r.id, 'projectName', r.project_name, 'value', r.raw_value,
       'unit', r.measure_unit) ORDER BY r.n) FILTER (WHERE r.mine AND r.n <= ${MAX_EXAMPLES}), '[]'::jsonb) AS examples
   FROM ranked r
   GROUP BY r.name, r.level1_code, r.level2_code
   HAVING bool_or(r.mine) OR r.name = ANY($6::text[])
   ORDER BY "usedBy" DESC, r.name COLLATE "C"
   LIMIT 300`,
  { prepared: true },
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

  /**
   * A form's suggestion candidates: entries (query 1), then the similar projects' uses of names (query 2). `words` are
   * character bigrams of Chinese text (libs/domain suggestionWords), which hold no LIKE character.
   */
  async suggestions(
    db: Db,
    scope: Scope,
    form: { year: number; projectId: string; functionClassCode: string | null; words: readonly string[] },
  ) {
    const code = form.functionClassCode;
    // The project's code and each shorter prefix of it (a class, 类 款 项): an entry fits when it names one of them.
    const prefixes = code ? Array.from({ length: code.length }, (_, n) => code.slice(0, n + 1)) : [];
    const words = form.words.map((w) => `%${w}%`);
    const entries = await db.rows(SUGGEST_ENTRIES, [scope.patterns, form.year, prefixes, words]);
    // Similar projects share the 功能分类科目 (issue 14 point 2): a form without one has none.
    const similar = code
      ? await db.rows(SIMILAR_USES, [
          scope.patterns,
          form.year,
          form.projectId,
          code,
          words,
          entries.map((e) => e.name),
          MAX_SIMILAR_PROJECTS,
        ])
      : [];
    return { entries, similar };
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
