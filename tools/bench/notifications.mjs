#!/usr/bin/env node
// @ts-check
/**
 * npm run bench:notifications — issue 12's speed target for 消息提醒:
 *
 *   "the notification list under 50 ms p95 with 10,000 notifications for the user."
 *
 * Starts the built app (`node apps/api/dist/main.js`) on a fresh temporary DATA_DIR with the demo data, gives the
 * demo supervisor 10,000 notifications through the owner connection (one in five unread, spread over a year, about
 * the demo forms), logs in over loopback and measures GET /api/notifications (the first page of 20 with the total
 * and unread counts, as the bell asks for it), then the page behind it (page 50) and the unread-only list:
 * warm-up, then N requests at concurrency 1. Prints p50/p95/max per case and the query plan of the list as the app
 * role. Figures are reported, not asserted; the server and its folder are removed at the end, also on failure.
 *
 * Options: --notifications=N (default 10000) --requests=N (default 300)
 */
import http from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appServerHarness } from './lib/app-server.mjs';
import { requestJson } from './lib/http.mjs';
import { measureGets } from './lib/measure.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(join(ROOT, 'apps/api/package.json'));
const pg = require('pg');

const argv = process.argv.slice(2);
for (const a of argv) {
  if (!/^--(notifications|requests)=\d+$/.test(a)) {
    console.error(`unknown option ${a}\nusage: node tools/bench/notifications.mjs [--notifications=N] [--requests=N]`);
    process.exit(2);
  }
}
/** @param {string} name @param {number} fallback */
const opt = (name, fallback) =>
  Number(argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
const COUNT = opt('notifications', 10_000);
const REQUESTS = opt('requests', 300);
const USER = 'supervisor';

const harness = appServerHarness({ root: ROOT, tag: 'bench:notifications' });

/**
 * @param {string} ownerUrl
 * @returns {Promise<string>} the plan of the list statement as the app role would run it
 */
async function seedAndExplain(ownerUrl) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT u.id, u.tenant_id FROM app_user u WHERE u.username = $1`, [USER]);
    if (!rows.length) throw new Error(`no demo user ${USER}`);
    const { id: userId, tenant_id: tenantId } = rows[0];
    await client.query(
      `INSERT INTO notification (tenant_id, user_id, kind, form_id, message, actor_name, created_at, read_at)
       SELECT $1, $2, 'form_to_review', f.id, '上海市松江区科技创新服务中心提交了“' || f.project_name || '”' || f.year || '年绩效目标表，请审核',
              '填报人', now() - (g * interval '53 minutes'), CASE WHEN g % 5 = 0 THEN NULL ELSE now() END
       FROM generate_series(1, $3::int) g
       JOIN LATERAL (SELECT id, project_name, year FROM goal_form WHERE tenant_id = $1 ORDER BY id OFFSET (g % 3) LIMIT 1) f ON true`,
      [tenantId, userId, COUNT],
    );
    await client.query('ANALYZE notification');
    // The plan as the app role sees it (row-level security on), in a transaction like a request's.
    await client.query('BEGIN');
    await client.query(`SET LOCAL ROLE jxt_app`);
    await client.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)`, [
      tenantId,
      userId,
    ]);
    const plan = await client.query(
      `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
       SELECT n.id, c.total, c.unread
       FROM (SELECT (SELECT count(*) FROM notification WHERE user_id = $1) AS total,
                    (SELECT count(*) FROM notification WHERE user_id = $1 AND read_at IS NULL) AS unread) c
       LEFT JOIN LATERAL (SELECT * FROM notification WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT 20) n ON true`,
      [userId],
    );
    await client.query('ROLLBACK');
    return plan.rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await client.end();
  }
}

async function main() {
  const { dataDir } = harness.newDataDir('jxt-bench-notifications-');
  const server = await harness.startServer(dataDir, { SEED_DEMO: 'true' });
  const plan = await seedAndExplain(server.ownerUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const login = /** @type {{ accessToken: string }} */ (
    await requestJson(agent, server.base, 'POST', '/api/auth/login', { body: { username: USER, password: 'demo' } })
  );
  const token = login.accessToken;
  const first = /** @type {{ total: number, unread: number, items: unknown[] }} */ (
    await requestJson(agent, server.base, 'GET', '/api/notifications', { token })
  );
  console.log(
    `[bench:notifications] ${USER}: ${first.total} notifications, ${first.unread} unread; ${REQUESTS} requests per case, concurrency 1`,
  );
  const cases = [
    ['first page (20, with counts)', '/api/notifications'],
    ['page 50 of 20', '/api/notifications?page=50'],
    ['unread only, first page', '/api/notifications?unread=true'],
  ];
  /** @type {Record<string, { p50: number | null, p95: number | null, max: number | null }>} */
  const results = {};
  for (const [name, path] of cases) {
    results[name] = await measureGets(agent, server.base, token, path, REQUESTS);
    const r = results[name];
    console.log(`  ${name.padEnd(30)} p50 ${r.p50} ms  p95 ${r.p95} ms  max ${r.max} ms`);
  }
  console.log(
    `  goal: p95 < 50 ms for the first page — ${(results[cases[0][0]].p95 ?? Infinity) < 50 ? 'met' : 'NOT met'}`,
  );
  console.log(`\n  plan of the list as jxt_app:\n${plan.replace(/^/gm, '    ')}`);
  agent.destroy();
}

main()
  .catch((err) => {
    console.error(`[bench:notifications] failed: ${err instanceof Error ? err.stack : err}`);
    process.exitCode = 1;
  })
  .finally(() => harness.cleanup());
