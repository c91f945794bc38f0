import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { ExportJob, GoalForm, ScoringJob } from '@jxt/contracts';
import type { LoadedTenant } from '../../../src/seeds/load-tenant';
import { APPEND_ONLY_SQLSTATE, LOCKED_REVISION_SQLSTATE } from '../../../src/database/sqlstate';
import { appRoleClient, login, seedSongjiang, startTestApp, type TestApp } from '../../support/test-app';
import { multipartUpload } from '../../support/upload';

/**
 * Tenant isolation proven table by table, with the tables taken from the PostgreSQL catalogue rather than from a
 * list: a new table is covered (or fails here) without anyone remembering this file.
 *
 * Every table of the application schema either holds tenant_id (tenant-owned) or is listed below with the reason it
 * has none. For each tenant-owned table, the app role (jxt_app, what the API connects as) with tenant A set must
 * see exactly the rows the owner counts for A, reach none of B's rows with UPDATE or DELETE, be refused an INSERT
 * carrying B's tenant_id and a move of its own row to B; then the same with the tenants swapped.
 */
const TENANT_LESS: Record<string, string> = {
  tenant: 'the tenants themselves: its policy matches id against the tenant set (tested at the end)',
  login_attempt: 'failed-login counters keyed by user name and address, written before any tenant is known',
  schema_migration: "TypeORM's record of the applied migrations; the app role has no grant on it",
  session_cache_epoch:
    'one counter for the whole database that committed session, user and organisation changes bump (ADR 0013); the app role may only read it',
};

/** Refusals by our own triggers, which run before row-level security's check on the new row. */
const TRIGGER_REFUSALS = [LOCKED_REVISION_SQLSTATE, APPEND_ONLY_SQLSTATE];
const RLS_REFUSAL = /new row violates row-level security policy/;
const NOT_GRANTED = /permission denied/;

interface TableInfo {
  name: string;
  hasTenant: boolean;
  rls: boolean;
  primaryKey: string[];
  /** Primary-key columns the database fills in (gen_random_uuid()): a copied row gets a new value. */
  generatedKey: string[];
  /** Columns an INSERT names (all but serial ones, which take their sequence). */
  insertable: string[];
}

interface Outcome {
  rowCount?: number;
  code?: string;
  message?: string;
  constraint?: string;
}

describe('row-level security on every table of the catalogue, as the app role', () => {
  let t: TestApp;
  const tenants: LoadedTenant[] = [];
  let owner: Client;
  let app: Client;
  let tables: TableInfo[];
  let tenantTables: TableInfo[];

  beforeAll(async () => {
    t = await startTestApp();
    for (const prefix of ['a', 'b']) tenants.push(await buildTenant(t, prefix));
    owner = new Client({ connectionString: t.ownerUrl });
    await owner.connect();
    app = await appRoleClient(t.appUrl);
    tables = await readCatalogue(owner);
    tenantTables = tables.filter((table) => table.hasTenant);
  });
  afterAll(async () => {
    await app?.end();
    await owner?.end();
    await t.close();
  });

  /** Both orders: A set and B the other, then B set and A the other. */
  const directions = () =>
    [
      [tenants[0], tenants[1]],
      [tenants[1], tenants[0]],
    ] as const;
  const label = (tenant: LoadedTenant) => (tenant === tenants[0] ? 'A' : 'B');

  /** Runs `work` in a transaction of the app role with `app.tenant_id` set (as every request does), rolled back. */
  async function asTenant<T>(tenantId: string | null, work: () => Promise<T>): Promise<T> {
    await app.query('BEGIN');
    try {
      if (tenantId) await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      return await work();
    } finally {
      await app.query('ROLLBACK');
    }
  }

  /** One statement in a savepoint, always undone: its row count, or the refusal. */
  async function attempt(sql: string, params: unknown[] = []): Promise<Outcome> {
    await app.query('SAVEPOINT attempt');
    try {
      const result = await app.query(sql, params);
      return { rowCount: result.rowCount ?? 0 };
    } catch (err) {
      const { code, message, constraint } = err as Outcome;
      return { code, message, constraint };
    } finally {
      await app.query('ROLLBACK TO SAVEPOINT attempt');
      await app.query('RELEASE SAVEPOINT attempt');
    }
  }

  /** The primary keys of a tenant's rows, read by the owner (no row-level security). */
  async function keysOf(table: TableInfo, tenantId: string): Promise<Record<string, unknown>[]> {
    const fields = table.primaryKey.map((c) => `'${c}', ${c}`).join(', ');
    const { rows } = await owner.query<{ key: Record<string, unknown> }>(
      `SELECT jsonb_build_object(${fields}) AS key FROM ${table.name} WHERE tenant_id = $1 ORDER BY 1`,
      [tenantId],
    );
    return rows.map((r) => r.key);
  }

  /** `WHERE` clause matching exactly the rows whose keys are given as JSON in $1. */
  const byKeys = (table: TableInfo) => {
    const key = table.primaryKey.join(', ');
    return `(${key}) IN (SELECT ${key} FROM jsonb_populate_recordset(NULL::${table.name}, $1::jsonb))`;
  };

  const granted = async (table: string, privilege: 'INSERT' | 'UPDATE' | 'DELETE') =>
    (await app.query<{ ok: boolean }>(`SELECT has_table_privilege($1, $2) AS ok`, [table, privilege])).rows[0].ok;

  /** Up to 20 of the set tenant's rows, as the app role reads them. */
  async function ownRows(table: TableInfo): Promise<Record<string, unknown>[]> {
    const { rows } = await app.query<{ row: Record<string, unknown> }>(
      `SELECT to_jsonb(x) AS row FROM ${table.name} x ORDER BY ${table.primaryKey.map((c) => `x.${c}`)} LIMIT 20`,
    );
    return rows.map((r) => r.row);
  }

  /**
   * Tries `statement` on the candidates until one is not refused by a lock trigger (LockedRevisionGuard refuses,
   * for every role, any change to a finance-approved form, its indicators or a final 自评表, before row-level
   * security checks the new row): such a refusal says nothing about the policy. Returns the first telling outcome.
   */
  async function firstTelling<T>(
    candidates: T[],
    statement: (candidate: T) => Promise<Outcome>,
  ): Promise<{ candidate: T | null; outcome: Outcome }> {
    for (const candidate of candidates) {
      const outcome = await statement(candidate);
      if (!TRIGGER_REFUSALS.includes(outcome.code ?? '')) return { candidate, outcome };
    }
    const why = candidates.length
      ? 'every row it tried was refused by a lock or append-only trigger'
      : 'it has no row to try';
    return { candidate: null, outcome: { code: 'untested', message: why } };
  }

  /** INSERT of a copy of `row` (new generated keys) carrying `tenantId`. */
  function insertCopy(table: TableInfo, row: Record<string, unknown>, tenantId: string): Promise<Outcome> {
    const copy: Record<string, unknown> = { ...row, tenant_id: tenantId };
    for (const column of table.generatedKey) copy[column] = randomUUID();
    const columns = table.insertable.join(', ');
    return attempt(
      `INSERT INTO ${table.name} (${columns}) SELECT ${columns} FROM jsonb_populate_record(NULL::${table.name}, $1::jsonb)`,
      [JSON.stringify(copy)],
    );
  }

  it('lists every table of the schema as tenant-owned (tenant_id) or tenant-less with a reason', () => {
    const unlisted = tables
      .filter((table) => !table.hasTenant && !Object.hasOwn(TENANT_LESS, table.name))
      .map((x) => x.name);
    expect(unlisted).toEqual([]);
    // The list stays true: each entry exists and really has no tenant_id.
    expect(Object.keys(TENANT_LESS).filter((name) => !tables.some((x) => x.name === name && !x.hasTenant))).toEqual([]);
    expect(tenantTables.filter((table) => !table.rls || table.primaryKey.length === 0).map((x) => x.name)).toEqual([]);
    // Sanity: the catalogue query finds the tables we know.
    expect(tenantTables.map((x) => x.name)).toEqual(expect.arrayContaining(['goal_form', 'indicator', 'form_event']));
  });

  it('has rows of both tenants in every tenant-owned table (a new table needs fixture rows, see buildTenant)', async () => {
    const empty: string[] = [];
    for (const table of tenantTables)
      for (const tenant of tenants)
        if ((await keysOf(table, tenant.tenantId)).length === 0) empty.push(`${table.name}: none of ${label(tenant)}`);
    expect(empty).toEqual([]);
  });

  it("sees exactly the set tenant's rows, and none with no tenant or an unknown one", async () => {
    const problems: string[] = [];
    const count = (table: string) =>
      app.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`).then((r) => r.rows[0].n);
    for (const table of tenantTables) {
      for (const [me] of directions()) {
        const expected = (await keysOf(table, me.tenantId)).length;
        const seen = await asTenant(me.tenantId, () => count(table.name));
        if (seen !== expected)
          problems.push(`${table.name} as ${label(me)}: sees ${seen}, the owner counts ${expected}`);
      }
      const none = await asTenant(null, () => count(table.name));
      const unknown = await asTenant(randomUUID(), () => count(table.name));
      if (none + unknown !== 0)
        problems.push(`${table.name}: ${none} rows with no tenant, ${unknown} for an unknown one`);
    }
    expect(problems).toEqual([]);
  });

  it("reaches none of the other tenant's rows with UPDATE or DELETE (or has no such grant at all)", async () => {
    const problems: string[] = [];
    for (const table of tenantTables) {
      const canUpdate = await granted(table.name, 'UPDATE');
      const canDelete = await granted(table.name, 'DELETE');
      for (const [me, other] of directions()) {
        const theirs = await keysOf(table, other.tenantId);
        const params = [JSON.stringify(theirs)];
        // Without row-level security the statement's WHERE picks exactly their rows.
        const aimed = await owner.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${table.name} WHERE ${byKeys(table)}`,
          params,
        );
        expect(aimed.rows[0].n).toBe(theirs.length);

        const [update, remove] = await asTenant(me.tenantId, async () => [
          // Taking their rows over would be the worst case: it must find none.
          await attempt(`UPDATE ${table.name} SET tenant_id = $2 WHERE ${byKeys(table)}`, [...params, me.tenantId]),
          await attempt(`DELETE FROM ${table.name} WHERE ${byKeys(table)}`, params),
        ]);
        for (const [what, outcome, allowed] of [
          ['UPDATE', update, canUpdate],
          ['DELETE', remove, canDelete],
        ] as const) {
          const ok = allowed ? outcome.rowCount === 0 : NOT_GRANTED.test(outcome.message ?? '');
          if (!ok) problems.push(`${table.name}: ${what} as ${label(me)} aimed at ${label(other)}: ${show(outcome)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("refuses an INSERT carrying the other tenant's id, while its own tenant's id passes the policy", async () => {
    const problems: string[] = [];
    for (const table of tenantTables) {
      const canInsert = await granted(table.name, 'INSERT');
      for (const [me, other] of directions()) {
        const [theirs, mine] = await asTenant(me.tenantId, async () => {
          const found = await firstTelling(await ownRows(table), (row) => insertCopy(table, row, other.tenantId));
          return [
            found.outcome,
            found.candidate ? await insertCopy(table, found.candidate, me.tenantId) : found.outcome,
          ];
        });
        if (!canInsert) {
          if (!NOT_GRANTED.test(theirs.message ?? ''))
            problems.push(`${table.name}: INSERT (not granted) as ${label(me)}: ${show(theirs)}`);
          continue;
        }
        if (!RLS_REFUSAL.test(theirs.message ?? ''))
          problems.push(`${table.name}: INSERT as ${label(me)} with ${label(other)}'s tenant_id: ${show(theirs)}`);
        // The same copy with its own tenant_id gets past the policy: inserted, or refused later by a unique key
        // (row-level security's check comes before unique indexes), so the refusal above is the policy's.
        if (!(mine.rowCount === 1 || mine.code === '23505'))
          problems.push(`${table.name}: INSERT as ${label(me)} with its own tenant_id: ${show(mine)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('changes its own rows (but for the locked ones) and cannot move one to the other tenant', async () => {
    const problems: string[] = [];
    for (const table of tenantTables) {
      if (!(await granted(table.name, 'UPDATE'))) continue;
      for (const [me, other] of directions()) {
        const mine = await keysOf(table, me.tenantId);
        await asTenant(me.tenantId, async () => {
          const all = await attempt(`UPDATE ${table.name} SET tenant_id = tenant_id WHERE ${byKeys(table)}`, [
            JSON.stringify(mine),
          ]);
          if (all.rowCount !== mine.length) {
            // The lock triggers (LockedRevisionGuard) refuse, for every role, any write to a finance-approved form's
            // indicators or a final 自评表: a refusal that comes after row-level security let the row through.
            // Row by row, each own row is either changed or refused by such a trigger, and some are changed.
            let changed = 0;
            for (const key of mine) {
              const one = await attempt(`UPDATE ${table.name} SET tenant_id = tenant_id WHERE ${byKeys(table)}`, [
                JSON.stringify([key]),
              ]);
              if (one.rowCount === 1) changed++;
              else if (!TRIGGER_REFUSALS.includes(one.code ?? ''))
                problems.push(`${table.name}: UPDATE of its own row as ${label(me)}: ${show(one)}`);
            }
            if (changed === 0) problems.push(`${table.name}: as ${label(me)} none of its own rows could be changed`);
          }
        });
        const moved = await asTenant(me.tenantId, async () => {
          const found = await firstTelling(await ownRows(table), (row) =>
            attempt(`UPDATE ${table.name} SET tenant_id = $2 WHERE ${byKeys(table)}`, [
              JSON.stringify([Object.fromEntries(table.primaryKey.map((c) => [c, row[c]]))]),
              other.tenantId,
            ]),
          );
          return found.outcome;
        });
        if (!RLS_REFUSAL.test(moved.message ?? ''))
          problems.push(`${table.name}: moving its own row to ${label(other)} as ${label(me)}: ${show(moved)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('shows the tenant table only its own row, read-only', async () => {
    for (const [me] of directions()) {
      const { rows } = await asTenant(me.tenantId, () => app.query<{ id: string }>(`SELECT id FROM tenant`));
      expect(rows).toEqual([{ id: me.tenantId }]);
    }
    expect(await asTenant(null, () => app.query(`SELECT id FROM tenant`).then((r) => r.rowCount))).toBe(0);
    for (const privilege of ['INSERT', 'UPDATE', 'DELETE'] as const)
      expect(await granted('tenant', privilege)).toBe(false);
  });

  it('cannot switch off row-level security, and reads no user (nor password hash) without a tenant', async () => {
    await expect(app.query(`SET row_security = off; SELECT count(*) FROM goal_form`)).rejects.toThrow();
    await expect(app.query(`SELECT password_hash FROM app_user`)).resolves.toMatchObject({ rowCount: 0 });
  });

  describe('composite foreign keys: a child belongs to its parent tenant', () => {
    interface ForeignKey {
      name: string;
      child: string;
      parent: string;
      columns: string[];
      referenced: string[];
    }
    let keys: ForeignKey[];

    beforeAll(async () => {
      keys = (await readForeignKeys(owner)).filter(
        (fk) => tenantTables.some((x) => x.name === fk.child) && tenantTables.some((x) => x.name === fk.parent),
      );
    });

    it('pairs tenant_id with tenant_id in every foreign key between tenant-owned tables', () => {
      expect(keys.length).toBeGreaterThanOrEqual(15);
      const plain = keys.filter((fk) => fk.referenced[fk.columns.indexOf('tenant_id')] !== 'tenant_id');
      expect(plain.map((fk) => `${fk.name}: (${fk.columns}) → ${fk.parent} (${fk.referenced})`)).toEqual([]);
    });

    it("refuses the app role, its own tenant set, an indicator under another tenant's form (23503)", async () => {
      // The policy passes (tenant_id is A's); only the key sees that the form is B's.
      const [a, b] = tenants;
      const indicator = tables.find((x) => x.name === 'indicator')!;
      const outcome = await asTenant(a.tenantId, async () => {
        const [row] = await ownRows(indicator);
        return insertCopy(indicator, { ...row, form_id: b.forms[0].id }, a.tenantId);
      });
      expect(outcome).toMatchObject({ code: '23503', constraint: 'indicator_form_fk' });
    });

    it('clears only the link, not tenant_id, when the form a later year was carried from is deleted', async () => {
      // ON DELETE SET NULL (carried_from_form_id): a plain SET NULL would null tenant_id too, and fail.
      const [a] = tenants;
      await owner.query('BEGIN');
      try {
        const {
          rows: [carried],
        } = await owner.query<{ id: string }>(`SELECT id FROM goal_form WHERE tenant_id = $1 AND year = 2022`, [
          a.tenantId,
        ]);
        // A carried form's real source is approved, so locked and never deleted: a draft stands in for it here.
        const source = a.forms[1].id;
        await owner.query(`UPDATE goal_form SET carried_from_form_id = $2 WHERE id = $1`, [carried.id, source]);
        await owner.query(`DELETE FROM goal_form WHERE id = $1`, [source]);
        const { rows } = await owner.query(`SELECT tenant_id, carried_from_form_id FROM goal_form WHERE id = $1`, [
          carried.id,
        ]);
        expect(rows).toEqual([{ tenant_id: a.tenantId, carried_from_form_id: null }]);
      } finally {
        await owner.query('ROLLBACK');
      }
    });

    it("refuses, as the owner past row-level security, a child pointing at another tenant's parent (23503)", async () => {
      const [a, b] = tenants;
      const problems: string[] = [];
      for (const fk of keys) {
        const columns = fk.columns.filter((c) => c !== 'tenant_id');
        const referenced = fk.referenced.filter((c) => c !== 'tenant_id');
        const child = tables.find((x) => x.name === fk.child)!;
        const { rows: children } = await owner.query<{ row: Record<string, unknown> }>(
          `SELECT to_jsonb(x) AS row FROM ${fk.child} x
           WHERE tenant_id = $1 AND ${columns.map((c) => `${c} IS NOT NULL`).join(' AND ')}
           ORDER BY ${child.primaryKey.map((c) => `x.${c}`)} LIMIT 20`,
          [a.tenantId],
        );
        const { rows: parents } = await owner.query<Record<string, unknown>>(
          `SELECT ${referenced.join(', ')} FROM ${fk.parent} WHERE tenant_id = $1 ORDER BY 1 LIMIT 20`,
          [b.tenantId],
        );
        // Point one of A's rows at one of B's parents: UPDATE the row, or INSERT a copy (history tables refuse every
        // UPDATE). A lock trigger or a unique key may refuse a pair before the foreign key is checked (at the end of
        // the statement): such a pair says nothing, and the next one is tried until one reaches the key. Nothing may
        // be accepted.
        const tries = (row: Record<string, unknown>, parent: Record<string, unknown>) => {
          const values = referenced.map((c) => parent[c]);
          const set = columns.map((c, i) => `${c} = $${i + 2}`).join(', ');
          const copy: Record<string, unknown> = {
            ...row,
            ...Object.fromEntries(columns.map((c, i) => [c, values[i]])),
          };
          for (const column of child.generatedKey) copy[column] = randomUUID();
          const insertable = child.insertable.join(', ');
          return [
            () =>
              ownerAttempt(
                owner,
                `UPDATE ${fk.child} SET ${set} WHERE (${child.primaryKey}) IN
                 (SELECT ${child.primaryKey} FROM jsonb_populate_recordset(NULL::${fk.child}, $1::jsonb))`,
                [JSON.stringify([row]), ...values],
              ),
            () =>
              ownerAttempt(
                owner,
                `INSERT INTO ${fk.child} (${insertable}) SELECT ${insertable} FROM jsonb_populate_record(NULL::${fk.child}, $1::jsonb)`,
                [JSON.stringify(copy)],
              ),
          ];
        };
        let verdict: string | null = null;
        search: for (const { row } of children) {
          for (const parent of parents) {
            for (const statement of tries(row, parent)) {
              const outcome = await statement();
              if (outcome.code === '23503' && outcome.constraint === fk.name) {
                verdict = 'refused';
                break search;
              }
              if (outcome.code !== '23505' && !TRIGGER_REFUSALS.includes(outcome.code ?? '')) {
                verdict = show(outcome);
                break search;
              }
            }
          }
        }
        if (verdict !== 'refused') problems.push(`${fk.name}: ${verdict ?? 'no pair of rows reaches the key'}`);
      }
      expect(problems).toEqual([]);
    });
  });
});

/**
 * One tenant with rows in every tenant-owned table, built as users build them: the 松江区 seed (organisations,
 * finance divisions, code lists, taxonomy, users, projects, forms with indicators), logins (sessions, login
 * audit), deadlines, a form taken through to finance approval (form history; a locked revision), its 自评表
 * (evaluation, its indicators and history, the stored scoring policy), a re-scoring job, next year's form carried
 * from an earlier one (a link between forms), notifications (every step writes them; one about the 自评表), and a bulk
 * export of the 主管部门.
 */
async function buildTenant(t: TestApp, prefix: string): Promise<LoadedTenant> {
  const tenant = await seedSongjiang(t.ownerUrl, prefix);
  const auth: Record<string, string> = {};
  for (const role of ['filer', 'supervisor', 'finance', 'admin'])
    auth[role] = (await login(t.app, `${prefix}-${role}`)).authorization;
  const call = async (method: 'GET' | 'POST' | 'PUT', url: string, who: string, payload?: object) => {
    const response = await t.app.inject({
      method,
      url,
      headers: { authorization: auth[who] },
      ...(payload ? { payload } : {}),
    });
    if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response;
  };

  await call('PUT', '/api/deadlines/2021', 'admin', { submit: '2021-03-15' });
  await call('PUT', '/api/auth/security-settings', 'admin', {
    maxFailuresPerUser: 5,
    userDelaySeconds: 1,
    userDelayMaxSeconds: 300,
    idleTimeoutMinutes: 30,
    sessionMaxHours: 12,
    passwordMinLength: 12,
  });
  await call('PUT', '/api/reminder-settings', 'admin', { daysBefore: [7, 1] });
  // A 质量检查 policy of the year (quality_policy): the default, saved once by the admin.
  const quality = (await call('GET', '/api/quality-policies/2021', 'admin')).json<{
    policy: object;
    version: number;
  }>();
  await call('PUT', '/api/quality-policies/2021', 'admin', { policy: quality.policy, baseVersion: quality.version });
  const formId = tenant.forms[2].id;
  for (const [who, body] of [
    ['filer', { action: 'submit', filerName: `${prefix} 填报人`, filerPhone: '021-57820101' }],
    ['supervisor', { action: 'approve' }],
    ['supervisor', { action: 'report' }],
    ['finance', { action: 'approve', reviewResult: 'excellent', comment: '同意' }],
  ] as const) {
    const { rowVersion } = (await call('GET', `/api/forms/${formId}`, 'filer')).json<GoalForm>();
    await call('POST', `/api/forms/${formId}/transitions`, who, { ...body, rowVersion });
  }
  const evaluation = (await call('POST', `/api/forms/${formId}/evaluation`, 'filer')).json<{ id: string }>();
  // A message about a 自评表 (the steps that write them need a filled-in evaluation: notifications.int-spec.ts).
  const owner = new Client({ connectionString: t.ownerUrl });
  await owner.connect();
  try {
    await owner.query(
      `INSERT INTO notification (tenant_id, user_id, kind, form_id, evaluation_id, message)
       SELECT e.tenant_id, u.id, 'evaluation_final', e.form_id, e.id, '自评表已定稿'
       FROM self_evaluation e JOIN app_user u ON u.tenant_id = e.tenant_id AND u.username LIKE '%-filer' WHERE e.id = $1`,
      [evaluation.id],
    );
  } finally {
    await owner.end();
  }
  let job = (await call('POST', '/api/scoring-jobs', 'admin', { year: 2021 })).json<ScoringJob>();
  for (let i = 0; i < 400 && !['done', 'failed'].includes(job.status); i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    job = (await call('GET', `/api/scoring-jobs/${job.id}`, 'admin')).json<ScoringJob>();
  }
  if (job.status !== 'done') throw new Error(`scoring job of ${prefix}: ${job.status}`);
  // A 批量导出 by the 主管部门 (export_job), run to its end.
  let exportJob = (
    await call('POST', '/api/exports', 'supervisor', { kind: 'goal', year: 2021, format: 'xlsx' })
  ).json<ExportJob>();
  for (let i = 0; i < 400 && !['done', 'failed'].includes(exportJob.status); i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    exportJob = (await call('GET', `/api/exports/${exportJob.id}`, 'supervisor')).json<ExportJob>();
  }
  if (exportJob.status !== 'done') throw new Error(`export job of ${prefix}: ${exportJob.status}`);
  await call('POST', `/api/projects/${tenant.forms[2].projectId}/forms`, 'filer', { year: 2022 });
  // A stored import preview (import_batch): the filer's upload of a form's own export.
  const upload = await multipartUpload(
    (await call('GET', `/api/forms/${tenant.forms[0].id}/export.xlsx`, 'filer')).rawPayload,
  );
  const imported = await t.app.inject({
    method: 'POST',
    url: '/api/imports',
    headers: { ...upload.headers, authorization: auth.filer },
    payload: upload.payload,
  });
  if (imported.statusCode !== 200) throw new Error(`POST /api/imports: ${imported.statusCode} ${imported.body}`);
  return tenant;
}

async function readCatalogue(owner: Client): Promise<TableInfo[]> {
  const { rows } = await owner.query<TableInfo>(`
    SELECT c.relname AS name, c.relrowsecurity AS rls,
           EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)
             AS "hasTenant",
           ARRAY(SELECT a.attname::text FROM pg_index i, unnest(i.indkey) WITH ORDINALITY k(attnum, n), pg_attribute a
                 WHERE i.indrelid = c.oid AND i.indisprimary AND a.attrelid = c.oid AND a.attnum = k.attnum ORDER BY k.n)
             AS "primaryKey",
           ARRAY(SELECT a.attname::text FROM pg_index i, unnest(i.indkey) k(attnum), pg_attribute a, pg_attrdef d
                 WHERE i.indrelid = c.oid AND i.indisprimary AND a.attrelid = c.oid AND a.attnum = k.attnum
                   AND d.adrelid = c.oid AND d.adnum = a.attnum AND pg_get_expr(d.adbin, d.adrelid) = 'gen_random_uuid()')
             AS "generatedKey",
           ARRAY(SELECT a.attname::text FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
                 WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attidentity = '' AND a.attgenerated = ''
                   AND coalesce(pg_get_expr(d.adbin, d.adrelid), '') NOT LIKE 'nextval(%'
                 ORDER BY a.attnum)
             AS insertable
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
    ORDER BY 1`);
  return rows;
}

async function readForeignKeys(
  owner: Client,
): Promise<{ name: string; child: string; parent: string; columns: string[]; referenced: string[] }[]> {
  const { rows } = await owner.query(`
    SELECT con.conname AS name, con.conrelid::regclass::text AS child, con.confrelid::regclass::text AS parent,
           ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, n)
                 JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.n) AS columns,
           ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, n)
                 JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.n) AS referenced
    FROM pg_constraint con JOIN pg_namespace n ON n.oid = con.connamespace
    WHERE con.contype = 'f' AND n.nspname = current_schema()
    ORDER BY 1`);
  return rows;
}

/** One statement as the owner inside a transaction that is always rolled back. */
async function ownerAttempt(owner: Client, sql: string, params: unknown[]): Promise<Outcome> {
  await owner.query('BEGIN');
  try {
    const result = await owner.query(sql, params);
    return { rowCount: result.rowCount ?? 0 };
  } catch (err) {
    const { code, message, constraint } = err as Outcome;
    return { code, message, constraint };
  } finally {
    await owner.query('ROLLBACK');
  }
}

const show = (outcome: Outcome) =>
  outcome.code ? `${outcome.code} ${outcome.message}` : `accepted (${outcome.rowCount} rows)`;
