#!/usr/bin/env node
// @ts-check
/**
 * The floor: a minimal Fastify + pg server that answers the benchmark's three requests with the API's own SQL and
 * byte-identical JSON, and nothing else (no Nest, no TypeORM, no class-validator). `npm run bench` starts it beside
 * the API and prints API ÷ floor (tools/bench/floor/compare.mjs, docs/benchmarks.md).
 *
 *   GET /api/forms/:id   GET /api/projects?year=…   PUT /api/forms/:id   (GET /api/health to wait on)
 *
 * Modes:
 *   same-sql   as the API's role (jxt_app): per request the API's first round trip (BEGIN, the session lookup and
 *              set_config of tenant and user, one simple query), then the API's repository methods — the very
 *              statements, prepared ones under the same names — then COMMIT; row-level security applies.
 *   data-only  as the owner (no row-level security): only the data statements; the caller's identity is looked up
 *              once per token and kept. A save still runs in a transaction (BEGIN … COMMIT).
 *
 * The statements come from the built API (apps/api/dist): the repositories are plain classes whose methods take a
 * `Db`; here a `Db` is a thin wrapper of a pg client that does what database/access/db.ts does (prepared statements
 * by name, the rest as unnamed extended-protocol queries). The answers are made by the API's own pure functions
 * (toGoalForm, toProjectList …), so any difference from the API is the framework around them.
 *
 * Usage: node tools/bench/floor/server.mjs --mode=same-sql|data-only --port=N
 *   env FLOOR_APP_URL (jxt_app connection), FLOOR_OWNER_URL (owner connection), FLOOR_SESSION_SECRET (the API's
 *   session secret, which keys the token hash).
 */
import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const require = createRequire(join(ROOT, 'apps/api/package.json'));
/** @param {string} path a module of the built API */
const api = (path) => require(join(ROOT, 'apps/api/dist', path));

require('reflect-metadata'); // the repositories' @Injectable() decorators need it loaded
/** @type {typeof import('fastify').default} */
const Fastify = require('fastify');
/** @type {typeof import('pg')} */
const pg = require('pg');
const domain = require('@jxt/domain');

const { FormRepository } = api('modules/forms/form.repository.js');
const { ProjectRepository } = api('modules/project-records/project.repository.js');
const { FormHistoryRepository } = api('modules/form-history/form-history.repository.js');
const { toGoalForm, toCheckedGoalForm, formContent, saveChanges } = api('modules/forms/goal-form.js');
const { listFilter, toProjectList } = api('modules/projects/project-list.js');
const { beginWithSessionLookup } = api('database/access/request-transaction.js');
const { toAuthUser } = api('common/auth/session-user.js');

const argv = process.argv.slice(2);
/** @param {string} name */
const option = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const MODE = option('mode');
const PORT = Number(option('port'));
if ((MODE !== 'same-sql' && MODE !== 'data-only') || !Number.isInteger(PORT))
  throw new Error('usage: server.mjs --mode=same-sql|data-only --port=N');
const SECRET = process.env.FLOOR_SESSION_SECRET ?? '';
const url = MODE === 'same-sql' ? process.env.FLOOR_APP_URL : process.env.FLOOR_OWNER_URL;
if (!SECRET || !url) throw new Error('FLOOR_SESSION_SECRET and FLOOR_APP_URL / FLOOR_OWNER_URL are required');

// The API's pool: 10 connections (database/database.module.ts).
const pool = new pg.Pool({ connectionString: url, max: 10, application_name: `jixiaotong-floor-${MODE}` });
pool.on('error', () => undefined);

const forms = new FormRepository();
const projects = new ProjectRepository();
const history = new FormHistoryRepository();

/**
 * What database/access/db.ts does, on a pg client (or, for data-only reads, the pool): prepared statements by
 * name, everything else as an unnamed query with parameters.
 * @param {{ query: Function }} client
 */
function pgDb(client) {
  /** @param {{ name: string, text: string, prepared: boolean }} s @param {unknown[]} values */
  const rows = async (s, values) =>
    (s.prepared ? await client.query({ name: s.name, text: s.text, values }) : await client.query(s.text, values)).rows;
  return {
    rows,
    /** @param {{ name: string, text: string, prepared: boolean }} s @param {unknown[]} values */
    one: async (s, values) => (await rows(s, values))[0],
    /** @param {{ name: string, text: string, prepared: boolean }} s @param {unknown[]} values */
    run: async (s, values) =>
      (s.prepared ? await client.query({ name: s.name, text: s.text, values }) : await client.query(s.text, values))
        .rowCount ?? 0,
    /** @param {{ text: string, values: unknown[] }} b */
    built: async (b) => (await client.query(b.text, b.values)).rows,
  };
}

class HttpError extends Error {
  /** @param {number} status @param {string} message */
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** @param {import('fastify').FastifyRequest} request */
function tokenHash(request) {
  const header = request.headers.authorization;
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : '';
  if (!token) throw new HttpError(401, '请先登录');
  return createHmac('sha256', SECRET).update(token).digest('hex');
}

/** data-only: each token's user, looked up once as the owner. @type {Map<string, any>} */
const knownUsers = new Map();

/**
 * Runs `work` as the caller. same-sql: in the API's request transaction (one round trip opens it and checks the
 * session), committed after `work`, rolled back on any error. data-only: with the kept user, on the pool
 * (`transaction` false) or in a plain BEGIN … COMMIT.
 * @template T
 * @param {import('fastify').FastifyRequest} request
 * @param {{ role?: string, transaction?: boolean }} options
 * @param {(db: ReturnType<typeof pgDb>, user: any) => Promise<T>} work
 * @returns {Promise<T>}
 */
async function asCaller(request, options, work) {
  const hash = tokenHash(request);
  if (MODE === 'data-only') {
    let user = knownUsers.get(hash);
    if (!user) {
      const { rows } = await pool.query('SELECT * FROM auth_session_lookup($1)', [hash]);
      if (!rows[0]) throw new HttpError(401, '登录已失效，请重新登录');
      user = toAuthUser(rows[0]);
      knownUsers.set(hash, user);
    }
    if (options.role && !user.roles.includes(options.role)) throw new HttpError(403, '当前角色无权执行此操作');
    if (!options.transaction) return work(pgDb(pool), user);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(pgDb(client), user);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
  const text = beginWithSessionLookup(hash);
  const client = await pool.connect();
  try {
    const results = /** @type {any} */ (await client.query(text));
    const row = results[1].rows[0];
    if (!row) throw new HttpError(401, '登录已失效，请重新登录');
    const user = toAuthUser(row);
    if (options.role && !user.roles.includes(options.role)) throw new HttpError(403, '当前角色无权执行此操作');
    const result = await work(pgDb(client), user);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** @param {unknown} id */
const formId = (id) => {
  if (typeof id !== 'string' || !UUID.test(id)) throw new HttpError(404, '记录不存在或无权访问');
  return id;
};

const app = Fastify({ logger: false, bodyLimit: 2 * 1024 * 1024 });

app.setErrorHandler((err, _request, reply) => {
  const status = err instanceof HttpError ? err.status : 500;
  if (status === 500) console.error(err);
  void reply.status(status).send({ statusCode: status, message: err instanceof Error ? err.message : String(err) });
});

app.get('/api/health', async () => ({ status: 'ok', mode: MODE }));

app.get('/api/forms/:id', (request) =>
  asCaller(request, {}, async (db, user) => {
    const row = await forms.byId(db, user.scope, formId(/** @type {any} */ (request.params).id));
    if (!row) throw new HttpError(404, '绩效目标表不存在或无权访问');
    return toCheckedGoalForm(row);
  }),
);

app.get('/api/projects', (request) => {
  const q = /** @type {Record<string, string | undefined>} */ (request.query);
  const query = { year: Number(q.year) };
  if (!Number.isInteger(query.year)) throw new HttpError(400, 'year 必须是年份');
  return asCaller(request, {}, async (db, user) =>
    toProjectList(await projects.list(db, user.scope, listFilter(query)), query),
  );
});

// The save as FormsService.save does it, with the same statements, minus any work whose result nothing uses.
app.put('/api/forms/:id', (request) =>
  asCaller(request, { role: 'filer', transaction: true }, async (db, user) => {
    const id = formId(/** @type {any} */ (request.params).id);
    const dto = /** @type {any} */ (request.body);
    const current = await forms.byIdForUpdate(db, user.scope, id);
    if (!current) throw new HttpError(404, '绩效目标表不存在或无权访问');
    if (current.rowVersion !== dto.rowVersion) throw new HttpError(409, 'stale rowVersion');
    if (!domain.isEditable(current.status)) throw new HttpError(409, '此表已提交或已审核，不能修改');
    if (domain.hasErrors(domain.checkForm(dto, current.taxonomy))) throw new HttpError(400, 'form check failed');
    const before = toGoalForm(current, false);
    // The bench never changes a 项目编码; FormsService.changeProjectCode is not part of the floor.
    if (dto.project.code !== current.code) throw new HttpError(501, 'the floor does not change project codes');
    await forms.saveContent(db, id, formContent(dto), user.userId);
    const kept = new Set(current.indicators.map((/** @type {{ id: string }} */ i) => i.id));
    await forms.insertIndicators(db, user.tenantId, id, dto.indicators, kept);
    const after = toCheckedGoalForm(await forms.byId(db, user.scope, id));
    const changes = saveChanges(before, after);
    if (changes.length) await history.recordSave(db, user, after.id, changes, after.rowVersion);
    return after;
  }),
);

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    void app
      .close()
      .then(() => pool.end())
      .finally(() => process.exit(0));
  });
}

await app.listen({ port: PORT, host: '127.0.0.1' });
console.log(`floor (${MODE}) listening on 127.0.0.1:${PORT}`);
