#!/usr/bin/env node
// @ts-check
/**
 * npm run bench:evaluation — the year-end self-evaluation issue's speed targets (see docs/benchmarks-evaluation.md):
 *
 *   "Scoring a 60-indicator evaluation in the engine under 1 ms; re-scoring every evaluation of a
 *    district-scale tenant (docs/domain.md §7: 3,000 a year) after a policy change under 10 s, as a background job
 *    with progress shown."
 *
 * Starts the built app (`node apps/api/dist/main.js`) on a fresh temporary DATA_DIR (its embedded PostgreSQL, no
 * demo seed), fills one tenant at the district scale with tools/bench/scale/generate.mjs, then through the owner
 * connection, set-based: every form of this year finance_approved (but the ~2 % rejected, which are locked), one
 * 自评表 per approved form with the form's year-set indicators copied and filled in (targets met and missed,
 * qualitative shares inside the bands, 偏差原因), scoring
 * policy version 1 (DEFAULT_SCORING_POLICY), a history per evaluation, and a mix of statuses (10 % final). The
 * stored scores are the app's own: a POST /api/scoring-jobs scores everything before the final ones are set final.
 * Then, over loopback keep-alive HTTP:
 *   - re-scoring: PUT /api/scoring-policies/<year> (reverseFormula ratio ⇄ linear, decimals 2 ⇄ 0, so each run
 *     changes the scores), polling GET /api/scoring-jobs/:id every 100 ms until done; checked in SQL afterwards;
 *   - GET /api/evaluations/:id (20 indicators) at concurrency 1; PUT /api/evaluations/:id saves one after another;
 *   - the engine alone (tools/bench/scoring.mjs's measurement).
 * Figures are reported, not asserted: the exit code is non-zero only when something fails.
 *
 * Options: --factor=N (default 1) --evaluations=N (at most N evaluations, default: every form of the year)
 *          --runs=N (re-scoring runs, default 5) --requests=N (GETs, default 300) --saves=N (default 100) --quick
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generate } from './scale/generate.mjs';
import { benchScoringEngine } from './scoring.mjs';
import { appServerHarness } from './lib/app-server.mjs';
import { request, requestJson } from './lib/http.mjs';
import { measureCalls } from './lib/measure.mjs';
import { median, round, sleep } from './lib/process.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(join(ROOT, 'apps/api/package.json'));
const pg = require('pg');
const argon2 = require('argon2');
const { DEFAULT_SCORING_POLICY } = require(join(ROOT, 'libs/domain/dist/index.js'));
const RESULTS_FILE = join(ROOT, 'tools/bench/results/evaluation-latest.json');
const TAG = 'bench:evaluation';

// ------------------------------------------------------------------------------------------------
// options

const argv = process.argv.slice(2);
for (const a of argv) {
  if (!/^--(quick|factor=\d+|evaluations=\d+|runs=\d+|requests=\d+|saves=\d+)$/.test(a)) {
    console.error(
      `unknown option ${a}\nusage: node tools/bench/evaluation.mjs [--factor=N] [--evaluations=N] [--runs=N] [--requests=N] [--saves=N] [--quick]`,
    );
    process.exit(2);
  }
}
/** @param {string} name */
const opt = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const QUICK = argv.includes('--quick');
const OPTS = {
  quick: QUICK,
  factor: Number(opt('factor') ?? 1),
  evaluations: opt('evaluations') ? Number(opt('evaluations')) : null,
  runs: Number(opt('runs') ?? (QUICK ? 2 : 5)),
  requests: Number(opt('requests') ?? (QUICK ? 100 : 300)),
  saves: Number(opt('saves') ?? (QUICK ? 30 : 100)),
  pollMs: 100,
};
if (!Number.isInteger(OPTS.factor) || OPTS.factor < 1) throw new Error('--factor must be a positive integer');
if (OPTS.runs < 1 || OPTS.requests < 1 || OPTS.saves < 1)
  throw new Error('--runs, --requests and --saves must be at least 1');
const TARGETS = { engine60P50Ms: 1, rescoreDistrictMs: 10_000, districtEvaluations: 3000 };
const PASSWORD = 'bench';
const TENANT = 'bench';

/** @param {string} msg */
const log = (msg) => console.log(`[${TAG}] ${msg}`);
/** @param {number | null | undefined} n */
const fmt = (n, digits = 0) =>
  n == null ? '–' : Number(n).toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
/** @param {number | null} value @param {number} target */
const ratio = (value, target) => (value == null ? '–' : `${(value / target).toFixed(2)}×`);
const harness = appServerHarness({ root: ROOT, tag: TAG });

// ------------------------------------------------------------------------------------------------
// data: the year's self-evaluations, set-based through the owner connection

/**
 * Each evaluation's history: the steps that lead to its status (kind, action, from, to, who, comment). Its
 * row_version is the number of steps, as the API counts (create 1, every save and transition +1).
 * 'final' is loaded as 'reviewed' and set final after the app has scored it (see main).
 */
/** @type {Record<string, [string, string, string, string, string | null][]>} action, from, to, role, comment */
const EVALUATION_STEPS = {
  draft: [],
  submitted: [['submit', 'draft', 'submitted', 'filer', null]],
  returned: [
    ['submit', 'draft', 'submitted', 'filer', null],
    ['return', 'submitted', 'returned', 'reviewer', '偏差原因分析不充分，请补充改进措施后重新提交。'],
  ],
  reviewed: [
    ['submit', 'draft', 'submitted', 'filer', null],
    ['review', 'submitted', 'reviewed', 'reviewer', '复核完成'],
  ],
  final: [
    ['submit', 'draft', 'submitted', 'filer', null],
    ['review', 'submitted', 'reviewed', 'reviewer', '复核完成'],
    ['finalise', 'reviewed', 'final', 'reviewer', null],
  ],
};
/** Status mix in per cent (hash of the evaluation's number). */
/** @type {[string, number][]} */
const STATUS_MIX = [
  ['final', 10],
  ['reviewed', 15],
  ['submitted', 25],
  ['returned', 5],
  ['draft', 45],
];

/** An SQL literal. @param {string | number | null} v */
const lit = (v) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`);

function stepValues() {
  /** @type {string[]} */
  const rows = [];
  for (const [status, steps] of Object.entries(EVALUATION_STEPS)) {
    // every evaluation: created from the form (row_version 1) and saved once by the unit (2)
    rows.push(`(${lit(status)}, 1, 'transition', NULL, NULL, 'draft', 'filer', '由第 1 版绩效目标表生成')`);
    rows.push(`(${lit(status)}, 2, 'save', NULL, NULL, NULL, 'filer', NULL)`);
    steps.forEach(([action, from, to, role, comment], i) =>
      rows.push(
        `(${lit(status)}, ${i + 3}, 'transition', ${lit(action)}, ${lit(from)}, ${lit(to)}, ${lit(role)}, ${lit(comment)})`,
      ),
    );
  }
  return rows.join(',\n');
}

/** @param {string} expr */
function statusCase(expr) {
  let upper = 0;
  return `CASE ${STATUS_MIX.map(([status, share]) => `WHEN ${expr} < ${(upper += share)} THEN '${status}'`).join(' ')} END`;
}

/**
 * What a unit types as 实际完成值 for a target A, by outcome (r: 0–99 per indicator): 70 % met, 18 % missed,
 * 12 % over-shot (×1.4, beyond the 130 % that asks for a 偏差原因; percentages are met instead). Reverse targets
 * (≤, <) are met at 0.9 A and missed at 1.25 A, so the policy's reverse formula changes their score.
 */
const ACTUAL_SQL = `
  CASE
    WHEN i.target_kind = 'quantitative' THEN trim_scale(round(i.target_number * CASE
      WHEN i.target_operator IN ('lte', 'lt') THEN CASE WHEN o.r < 70 THEN 0.9 WHEN o.r < 88 THEN 1.25 ELSE 1 END
      ELSE CASE WHEN o.r < 70 THEN 1 WHEN o.r < 88 THEN 0.85 WHEN i.target_unit = '%' THEN 1 ELSE 1.4 END END, CASE WHEN i.target_unit IN ('%', '小时', '年', '万元') THEN 1 ELSE 0 END))::text || coalesce(i.target_unit, '')
    WHEN i.target_kind = 'boolean' THEN CASE WHEN (o.r < 70 OR o.r >= 88) = i.target_boolean THEN '是' ELSE '否' END
    ELSE i.raw_value || CASE WHEN o.r < 70 THEN '（已达成）' WHEN o.r < 88 THEN '（部分达成）' ELSE '（未达成）' END
  END`;
const SELF_SHARE_SQL = `CASE WHEN i.target_kind IN ('qualitative', 'empty') THEN CASE WHEN o.r < 35 THEN 0.95 WHEN o.r < 70 THEN 0.85 WHEN o.r < 88 THEN 0.7 ELSE 0.5 END END`;
// 偏差原因 for a miss or an over-shoot; a fifth of the drafts have not written theirs yet.
const REASON_SQL = `CASE WHEN o.r >= 70 AND NOT (i.target_kind = 'quantitative' AND i.target_operator IN ('lte', 'lt') AND o.r >= 88)
    AND (e.status <> 'draft' OR o.r % 5 <> 0)
  THEN CASE WHEN o.r < 88 THEN '受政策调整和实施进度影响未完全达成，已调整实施计划并加强过程监控。' ELSE '需求增长超出预期，下年度将据实调整绩效目标值。' END END`;

/**
 * @param {import('pg').ClientBase} owner
 * @param {{ tenantId: string, year: number, limit: number }} options
 */
export async function loadEvaluations(owner, { tenantId, year, limit }) {
  /** @param {string} sql @param {unknown[]} [params] */
  const q = (sql, params) => owner.query(sql, params);
  /** @type {Record<string, number>} */
  const timings = {};
  let t = performance.now();
  /** @param {string} name */
  const step = (name) => {
    timings[name] = Math.round(performance.now() - t);
    t = performance.now();
  };
  await q('BEGIN');
  try {
    await q(`SET LOCAL synchronous_commit = off`);
    await q(`SET LOCAL work_mem = '256MB'`);
    const approved = await q(
      // A rejected form is locked (the database refuses to change it) and gets no 自评表, as in the app.
      `UPDATE goal_form SET status = 'finance_approved', status_changed_at = now()
       WHERE tenant_id = $1 AND year = $2 AND status NOT IN ('finance_approved', 'rejected')`,
      [tenantId, year],
    );
    step('approve forms');
    // version 1 as ScoringPoliciesService.ensureStored stores it (no author)
    const policyId = (
      await q(`INSERT INTO scoring_policy (tenant_id, year, version, policy) VALUES ($1, $2, 1, $3) RETURNING id`, [
        tenantId,
        year,
        DEFAULT_SCORING_POLICY,
      ])
    ).rows[0].id;

    await q(
      `CREATE TEMP TABLE b_eval ON COMMIT DROP AS
       SELECT gen_random_uuid() AS id, f.id AS form_id, f.project_id, f.annual_amount, f.annual_goal, s.n,
              ${statusCase('abs(hashint4(s.n::int)) % 100')} AS status, abs(hashint4(s.n::int + 7)) AS h,
              fu.id AS filer_id, now() - interval '40 days' + (abs(hashint4(s.n::int + 11)) % 1440) * interval '1 minute' AS created_at
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM goal_form WHERE tenant_id = $1 AND year = $2 AND status = 'finance_approved' ORDER BY id LIMIT $3) s
       JOIN goal_form f ON f.id = s.id JOIN project p ON p.id = f.project_id
       JOIN app_user fu ON fu.organization_id = p.organization_id AND fu.roles @> ARRAY['filer']::text[]`,
      [tenantId, year, limit],
    );
    await q(
      `CREATE TEMP TABLE b_step (status text, step int, kind text, action text, from_status text, to_status text, role text, comment text) ON COMMIT DROP`,
    );
    await q(`INSERT INTO b_step VALUES ${stepValues()}`);
    // one row per history step and its actor: the unit's filer or the 财政局's reviewer, 2 days apart
    await q(
      `CREATE TEMP TABLE b_event ON COMMIT DROP AS
       SELECT e.id AS evaluation_id, s.*, e.created_at + (s.step - 1) * interval '2 days' AS at,
              CASE s.role WHEN 'filer' THEN e.filer_id ELSE (SELECT id FROM app_user WHERE tenant_id = $1 AND roles @> ARRAY['reviewer']::text[] ORDER BY username LIMIT 1) END AS actor_id
       FROM b_eval e JOIN b_step s ON s.status = e.status`,
      [tenantId],
    );
    await q(`ANALYZE b_eval; ANALYZE b_event`);
    step('plan');

    // the columns EvaluationsService.createFromForm / save and EvaluationWorkflowService.transition write
    await q(
      `INSERT INTO self_evaluation (id, tenant_id, form_id, project_id, year, status, row_version, initial_budget, annual_budget, executed_amount,
         expected_goal, actual_goal, policy_id, submitted_by, submitted_at, created_at, updated_at, updated_by)
       SELECT e.id, $1, e.form_id, e.project_id, $2, CASE WHEN e.status = 'final' THEN 'reviewed' ELSE e.status END, h.row_version,
              e.annual_amount, e.annual_amount, round(e.annual_amount * (80 + e.h % 21) / 100, 2), e.annual_goal,
              '全年按计划推进项目实施，' || CASE WHEN e.h % 4 = 0 THEN '部分指标受实施进度影响未完全达成。' ELSE '年度绩效目标基本完成。' END,
              $3, CASE WHEN h.submitted_at IS NOT NULL THEN e.filer_id END, h.submitted_at, e.created_at, h.updated_at, h.updated_by
       FROM b_eval e JOIN (
         SELECT evaluation_id, max(step) AS row_version, max(at) AS updated_at, max(at) FILTER (WHERE action = 'submit') AS submitted_at,
                (array_agg(actor_id ORDER BY step DESC))[1] AS updated_by
         FROM b_event GROUP BY evaluation_id) h ON h.evaluation_id = e.id
       ORDER BY e.n`,
      [tenantId, year, policyId],
    );
    step('self_evaluation');
    await q(
      `INSERT INTO evaluation_indicator (tenant_id, evaluation_id, source_indicator_id, level1_code, level2_code, level1_label, level2_label, sort_order,
         name, raw_value, target_kind, target_operator, target_number, target_unit, target_boolean, weight, actual_value, self_share, deviation_reason)
       SELECT i.tenant_id, e.id, i.id, i.level1_code, i.level2_code, coalesce(i.level1_label, i.level1_code), coalesce(i.level2_label, i.level2_code),
              i.sort_order, i.name, i.raw_value, i.target_kind, i.target_operator,
              i.target_number, i.target_unit, i.target_boolean, i.weight, ${ACTUAL_SQL}, ${SELF_SHARE_SQL}, ${REASON_SQL}
       FROM b_eval e JOIN indicator i ON i.form_id = e.form_id AND i.indicator_set = 'year',
            LATERAL (SELECT abs(hashint4(e.n::int * 64 + i.sort_order)) % 100 AS r) o
       ORDER BY e.n, i.sort_order`,
    );
    step('evaluation_indicator');
    await q(
      `INSERT INTO evaluation_event (tenant_id, evaluation_id, kind, action, from_status, to_status, actor_id, actor_name, actor_roles,
         actor_organization_id, actor_organization_name, comment, changes, row_version, created_at)
       SELECT $1, v.evaluation_id, v.kind, v.action, v.from_status, v.to_status, v.actor_id, u.display_name, u.roles, u.organization_id, o.name, v.comment,
              CASE WHEN v.kind = 'save' THEN '[{"field":"funds.executedAmount","label":"全年执行数","before":null,"after":"已填写"}]'::jsonb END,
              v.step, v.at
       FROM b_event v JOIN app_user u ON u.id = v.actor_id JOIN organization o ON o.id = u.organization_id
       ORDER BY v.at, v.evaluation_id, v.step`,
      [tenantId],
    );
    step('evaluation_event');
    const counts = (await q(`SELECT status, count(*)::int AS n FROM b_eval GROUP BY 1 ORDER BY 1`)).rows;
    await q('COMMIT');
    step('commit');
    await q(`VACUUM (ANALYZE) goal_form, self_evaluation, evaluation_indicator, evaluation_event, scoring_policy`);
    step('vacuum analyze');
    return {
      policyId,
      formsApproved: approved.rowCount,
      /** @type {Record<string, number>} */
      statuses: Object.fromEntries(counts.map((r) => [r.status, r.n])),
      timings,
    };
  } catch (err) {
    await q('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

// ------------------------------------------------------------------------------------------------
// HTTP

/** @param {http.Agent} agent @param {string} base @param {string} username @returns {Promise<string>} */
async function login(agent, base, username) {
  return (await requestJson(agent, base, 'POST', '/api/auth/login', { body: { username, password: PASSWORD } }))
    .accessToken;
}

/**
 * The API's scoring job (GET /api/scoring-jobs/:id), as far as the bench reads it.
 * @typedef {{ status: string, done: number, total: number, error?: string, startedAt: string, finishedAt: string }} ScoringJob
 */

/**
 * Polls the job every OPTS.pollMs until it is done; returns the samples (ms since `t0`, status, done/total).
 * @param {http.Agent} agent
 * @param {string} base
 * @param {string} token
 * @param {string} jobId
 * @param {number} t0
 * @returns {Promise<{ job: ScoringJob, samples: { ms: number, status: string, done: number, total: number }[], seenDoneMs: number }>}
 */
async function waitForJob(agent, base, token, jobId, t0, { timeoutMs = 300_000 } = {}) {
  /** @type {{ ms: number, status: string, done: number, total: number }[]} */
  const samples = [];
  for (;;) {
    /** @type {ScoringJob} */
    const job = await requestJson(agent, base, 'GET', `/api/scoring-jobs/${jobId}`, { token });
    const at = performance.now() - t0;
    samples.push({ ms: Math.round(at), status: job.status, done: job.done, total: job.total });
    if (job.status === 'done') return { job, samples, seenDoneMs: at };
    if (job.status === 'failed' || job.status === 'superseded')
      throw new Error(`scoring job ${jobId} ended ${job.status}: ${job.error}`);
    if (at > timeoutMs)
      throw new Error(`scoring job ${jobId} not done after ${timeoutMs / 1000} s (${job.done}/${job.total})`);
    await sleep(OPTS.pollMs);
  }
}

/** The policy of run i (1-based): reverse formula and decimals alternate, so every run changes stored scores. @param {number} i */
function policyOfRun(i) {
  const decimals = i % 2 ? 0 : 2;
  return {
    ...DEFAULT_SCORING_POLICY,
    reverseFormula: i % 2 ? 'linear' : 'ratio',
    indicatorDecimals: decimals,
    totalDecimals: decimals,
  };
}

/** Milliseconds from an ISO start to an ISO end. @param {string} start @param {string} end */
const elapsedMs = (start, end) => new Date(end).getTime() - new Date(start).getTime();

/**
 * @param {{ agent: http.Agent, base: string, adminToken: string, owner: import('pg').ClientBase, tenantId: string, year: number, policyV1: string }} ctx
 * @param {number} i
 * @param {number} baseVersion
 */
async function rescoreRun(ctx, i, baseVersion) {
  const { agent, base, adminToken, owner, tenantId, year } = ctx;
  const policy = policyOfRun(i);
  const t0 = performance.now();
  const saved = await requestJson(agent, base, 'PUT', `/api/scoring-policies/${year}`, {
    token: adminToken,
    body: { policy, baseVersion },
  });
  const putMs = performance.now() - t0;
  const { job, samples, seenDoneMs } = await waitForJob(agent, base, adminToken, saved.job.id, t0);
  const jobMs = elapsedMs(job.startedAt, job.finishedAt);
  // proof in SQL: every non-final evaluation now points at the new version and carries its rounding; final ones kept version 1
  const { rows } = await owner.query(
    `SELECT count(*) FILTER (WHERE e.status <> 'final')::int AS non_final,
            count(*) FILTER (WHERE e.status <> 'final' AND e.policy_id = $3)::int AS on_new_version,
            count(*) FILTER (WHERE e.status <> 'final' AND e.policy_id = $3 AND scale(e.total_score) = $4)::int AS new_rounding,
            count(*) FILTER (WHERE e.status = 'final')::int AS final,
            count(*) FILTER (WHERE e.status = 'final' AND e.policy_id = $5)::int AS final_on_v1
     FROM self_evaluation e WHERE e.tenant_id = $1 AND e.year = $2`,
    [tenantId, year, saved.version.id, policy.totalDecimals, ctx.policyV1],
  );
  const check = rows[0];
  const ok =
    check.on_new_version === job.total &&
    check.non_final === job.total &&
    check.new_rounding === job.total &&
    check.final_on_v1 === check.final;
  if (!ok)
    throw new Error(
      `run ${i}: the job did not re-score what it should have: job.total ${job.total}, ${JSON.stringify(check)}`,
    );
  return {
    run: i,
    version: saved.version.version,
    policy: { reverseFormula: policy.reverseFormula, decimals: policy.totalDecimals },
    total: job.total,
    putMs: round(putMs, 1),
    toDoneMs: round(seenDoneMs, 0),
    jobMs,
    perSecond: round((job.total / jobMs) * 1000, 0),
    check,
    samples,
  };
}

/** GET /api/evaluations/:id: a warm-up, then OPTS.requests one at a time. @param {string} base @param {string} token @param {string} id */
async function benchGet(base, token, id) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const one = async () => {
    const res = await request(agent, base, 'GET', `/api/evaluations/${id}`, { token });
    if (res.status !== 200) throw new Error(`GET /api/evaluations/${id}: HTTP ${res.status} ${res.text.slice(0, 300)}`);
    return res.ms;
  };
  await measureCalls(Math.min(50, OPTS.requests), 1, one);
  const result = await measureCalls(OPTS.requests, 1, one);
  agent.destroy();
  return result;
}

/**
 * PUT /api/evaluations/:id: saves one after another, each with the rowVersion of the previous answer and a changed value.
 * @param {string} base
 * @param {string} token
 * @param {string} id
 */
async function benchSave(base, token, id) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let current = await requestJson(agent, base, 'GET', `/api/evaluations/${id}`, { token });
  const startVersion = current.rowVersion;
  /** @param {number} i */
  const one = async (i) => {
    const body = {
      rowVersion: current.rowVersion,
      funds: {
        annualBudget: current.funds.annualBudget,
        executedAmount: (Number(current.funds.annualBudget) * (0.8 + (i % 20) / 100)).toFixed(2),
      },
      actualGoal: `全年按计划推进项目实施（第 ${i + 1} 次保存）。`,
      indicators: current.indicators.map((/** @type {Record<string, unknown>} */ x) => ({
        id: x.id,
        actualValue: x.actualValue,
        selfShare: x.selfShare,
        deviationReason: x.deviationReason,
      })),
    };
    const res = await request(agent, base, 'PUT', `/api/evaluations/${id}`, { token, body });
    if (res.status !== 200) throw new Error(`PUT /api/evaluations/${id}: HTTP ${res.status} ${res.text.slice(0, 300)}`);
    current = JSON.parse(res.text);
    return res.ms;
  };
  const warmup = Math.min(10, OPTS.saves);
  await measureCalls(warmup, 1, one);
  const result = await measureCalls(OPTS.saves, 1, (i) => one(i + warmup));
  agent.destroy();
  if (current.rowVersion !== startVersion + warmup + OPTS.saves)
    throw new Error(`saves: rowVersion ${current.rowVersion}, expected ${startVersion + warmup + OPTS.saves}`);
  return { ...result, indicators: current.indicators.length, rowVersionAfter: current.rowVersion };
}

// ------------------------------------------------------------------------------------------------
// main

async function main() {
  const startedAt = new Date();
  log(
    `factor ${OPTS.factor}, ${OPTS.runs} re-scoring runs, ${OPTS.requests} GETs, ${OPTS.saves} saves; load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  const passwordHash = await argon2.hash(PASSWORD, { type: argon2.argon2id });
  /**
   * What the run measured (tools/bench/results/evaluation-latest.json); filled step by step below, and read
   * only once every part is there.
   * @typedef {Awaited<ReturnType<typeof rescoreRun>>} RescoreRun
   * @typedef {{ median: number | null, min: number, max: number }} Spread
   * @typedef {object} EvaluationResult
   * @property {number} factor
   * @property {string} postgres
   * @property {Awaited<ReturnType<typeof loadEvaluations>>} load
   * @property {{ total: number, toDoneMs: number | null, jobMs: number, grades: { grade: string, n: number, min: string, max: string }[] }} initialScoring
   * @property {{ evaluationId: string, indicators: number } & Awaited<ReturnType<typeof benchGet>>} get
   * @property {{ evaluationId: string } & Awaited<ReturnType<typeof benchSave>>} save
   * @property {RescoreRun[]} rescoring
   * @property {{ runs: number, total: number, toDoneMs: Spread, jobMs: Spread, perSecond: Spread }} rescoringSummary
   * @property {ReturnType<typeof benchScoringEngine>} engine
   * @property {ReturnType<typeof benchScoringEngine>} engineLikeJob
   */
  const result = /** @type {EvaluationResult} */ ({ factor: OPTS.factor });
  const { holder, dataDir } = harness.newDataDir('jxt-bench-eval-');
  const t0 = performance.now();
  const server = await harness.startServer(dataDir);
  log(`server healthy after ${(performance.now() - t0).toFixed(0)} ms`);
  const owner = new pg.Client({ connectionString: server.ownerUrl });
  await owner.connect();
  try {
    result.postgres = (await owner.query(`SHOW server_version`)).rows[0].server_version;
    const gen = await generate(owner, { factor: OPTS.factor, passwordHash, tenantCode: TENANT });
    const year = gen.years[2];
    const tenantId = gen.tenantId;
    log(
      `generated in ${(gen.totalMs / 1000).toFixed(1)} s — ${Object.entries(gen.counts)
        .map(([k, v]) => `${k} ${fmt(v)}`)
        .join(', ')}`,
    );
    const loaded = await loadEvaluations(owner, { tenantId, year, limit: OPTS.evaluations ?? gen.counts.goal_form });
    result.load = loaded;
    const evaluationCount = Object.values(loaded.statuses).reduce((a, b) => a + b, 0);
    log(
      `${year}: ${fmt(loaded.formsApproved)} forms set finance_approved; ${fmt(evaluationCount)} evaluations (${Object.entries(
        loaded.statuses,
      )
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}) in ${Object.entries(loaded.timings)
        .map(([k, v]) => `${k} ${v} ms`)
        .join(', ')}`,
    );

    const agent = new http.Agent({ keepAlive: true, maxSockets: 2 });
    const base = server.base;
    const adminToken = await login(agent, base, `${TENANT}.admin.bureau`);
    const ctx = { agent, base, adminToken, owner, tenantId, year, policyV1: loaded.policyId };

    // the app scores what was loaded (its own stored scores under version 1), then the final ones become final
    let t = performance.now();
    const initial = await requestJson(agent, base, 'POST', '/api/scoring-jobs', { token: adminToken, body: { year } });
    const first = await waitForJob(agent, base, adminToken, initial.id, t);
    await owner.query(
      `UPDATE self_evaluation e SET status = 'final' FROM evaluation_event v
       WHERE v.evaluation_id = e.id AND v.action = 'finalise' AND e.tenant_id = $1 AND e.year = $2`,
      [tenantId, year],
    );
    await owner.query(`VACUUM (ANALYZE) self_evaluation, evaluation_indicator, scoring_job`);
    const { rows: grades } = await owner.query(
      `SELECT grade, count(*)::int AS n, min(total_score)::text AS min, max(total_score)::text AS max FROM self_evaluation WHERE tenant_id = $1 AND year = $2 GROUP BY 1 ORDER BY 2 DESC`,
      [tenantId, year],
    );
    result.initialScoring = {
      total: first.job.total,
      toDoneMs: round(first.seenDoneMs, 0),
      jobMs: elapsedMs(first.job.startedAt, first.job.finishedAt),
      grades,
    };
    log(
      `initial scoring of ${fmt(first.job.total)} evaluations under version 1 by the app (cold): ${fmt(result.initialScoring.jobMs)} ms — ${grades.map((g) => `${g.grade} ${g.n} (${g.min}–${g.max})`).join(', ')}; ${loaded.statuses.final ?? 0} then set final`,
    );

    // one draft evaluation with 20 indicators, read and saved by its unit's filer
    const { rows: picked } = await owner.query(
      `SELECT e.id, u.username, (SELECT count(*)::int FROM evaluation_indicator i WHERE i.evaluation_id = e.id) AS indicators
       FROM self_evaluation e JOIN project p ON p.id = e.project_id JOIN app_user u ON u.organization_id = p.organization_id AND u.roles @> ARRAY['filer']::text[]
       WHERE e.tenant_id = $1 AND e.year = $2 AND e.status = 'draft' ORDER BY e.id LIMIT 1`,
      [tenantId, year],
    );
    if (!picked.length) throw new Error('no draft evaluation to read and save');
    const filerToken = await login(agent, base, picked[0].username);
    result.get = {
      evaluationId: picked[0].id,
      indicators: picked[0].indicators,
      ...(await benchGet(base, filerToken, picked[0].id)),
    };
    log(
      `GET /api/evaluations/:id (${result.get.indicators} indicators) c=1 ×${result.get.n}: p50 ${result.get.p50} ms, p95 ${result.get.p95} ms, p99 ${result.get.p99} ms`,
    );
    result.save = { evaluationId: picked[0].id, ...(await benchSave(base, filerToken, picked[0].id)) };
    log(
      `PUT /api/evaluations/:id save ×${result.save.n}: p50 ${result.save.p50} ms, p95 ${result.save.p95} ms, p99 ${result.save.p99} ms`,
    );

    // re-scoring after a policy change, OPTS.runs times
    result.rescoring = [];
    let version = 1;
    for (let i = 1; i <= OPTS.runs; i++) {
      t = performance.now();
      const r = await rescoreRun(ctx, i, version);
      version = r.version;
      result.rescoring.push(r);
      log(
        `re-scoring run ${i} (version ${r.version}: ${r.policy.reverseFormula}, ${r.policy.decimals} decimals): ${fmt(r.total)} evaluations, PUT ${r.putMs} ms, PUT → done seen ${fmt(r.toDoneMs)} ms, job ${fmt(r.jobMs)} ms, ${fmt(r.perSecond)}/s; SQL: ${r.check.on_new_version}/${r.check.non_final} on the new version, ${r.check.final_on_v1}/${r.check.final} final kept version 1`,
      );
    }
    agent.destroy();
  } finally {
    await owner.end().catch(() => undefined);
    await harness.stopServer(server);
    harness.dropDataDir(holder);
  }

  // the engine alone, in this process, with the server stopped
  result.engine = benchScoringEngine();
  // the same engine on evaluations of the generated size: its share of the job's time
  result.engineLikeJob = benchScoringEngine({
    indicatorCount: 20,
    timed: 2000,
    evaluations: result.rescoring[0].total,
  });

  // ----------------------------------------------------------------------------------------------
  // summary
  const runs = result.rescoring;
  /** @param {'toDoneMs' | 'jobMs' | 'perSecond'} key @returns {Spread} */
  const stat = (key) => ({
    median: median(runs.map((r) => r[key])),
    min: Math.min(...runs.map((r) => r[key] ?? NaN)),
    max: Math.max(...runs.map((r) => r[key] ?? NaN)),
  });
  result.rescoringSummary = {
    runs: runs.length,
    total: runs[0].total,
    toDoneMs: stat('toDoneMs'),
    jobMs: stat('jobMs'),
    perSecond: stat('perSecond'),
  };
  const s = result.rescoringSummary;
  const per3000 = (3000 / (s.perSecond.median ?? NaN)) * 1000;
  const show = runs[Math.floor(runs.length / 2)] ?? runs[0];
  console.log(
    `\nprogress of re-scoring run ${show.run} (GET /api/scoring-jobs/:id every ${OPTS.pollMs} ms; ms since the PUT: done/total status):`,
  );
  console.log(
    show.samples.map((p) => `${p.ms}: ${p.done}/${p.total}${p.status === 'running' ? '' : ` ${p.status}`}`).join(' · '),
  );
  console.log('\nsummary');
  console.log(
    `  re-scoring ${fmt(s.total)} non-final evaluations after a policy change (${s.runs} runs): PUT → done median ${fmt(s.toDoneMs.median)} ms (min ${fmt(s.toDoneMs.min)}, max ${fmt(s.toDoneMs.max)}) ${OPTS.factor === 1 && !OPTS.evaluations ? `(target ${fmt(TARGETS.rescoreDistrictMs)} ms, ${ratio(s.toDoneMs.median, TARGETS.rescoreDistrictMs)})` : `(the ${fmt(TARGETS.rescoreDistrictMs)} ms target is for the district's 3,000: see the next line)`}`,
  );
  console.log(
    `    job startedAt → finishedAt median ${fmt(s.jobMs.median)} ms (min ${fmt(s.jobMs.min)}, max ${fmt(s.jobMs.max)}); ${fmt(s.perSecond.median)} evaluations/s → 3,000 evaluations ≈ ${fmt(per3000)} ms (${ratio(per3000, TARGETS.rescoreDistrictMs)})`,
  );
  console.log(
    `  engine, 60-indicator evaluation: p50 ${result.engine.p50.toFixed(3)} ms (target ${TARGETS.engine60P50Ms} ms, ${ratio(result.engine.p50, TARGETS.engine60P50Ms)}); p99 ${result.engine.p99.toFixed(3)} ms; 3,000 back to back ${fmt(result.engine.batchMs)} ms`,
  );
  console.log(
    `    of which the engine alone: ${fmt(result.engineLikeJob.batchMs)} ms for ${fmt(result.engineLikeJob.evaluations)} evaluations of 20 indicators (p50 ${result.engineLikeJob.p50.toFixed(3)} ms each); the rest is reading, writing and committing`,
  );
  console.log(
    `  GET /api/evaluations/:id (${result.get.indicators} indicators), c=1 ×${result.get.n}: p50 ${result.get.p50} ms, p95 ${result.get.p95} ms`,
  );
  console.log(
    `  PUT /api/evaluations/:id save, ×${result.save.n}: p50 ${result.save.p50} ms, p95 ${result.save.p95} ms`,
  );

  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    postgres: result.postgres,
    loadAverageEnd: os.loadavg(),
  };
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  // the progress samples of every run are kept; the summary prints one run's
  writeFileSync(
    RESULTS_FILE,
    JSON.stringify({ startedAt, finishedAt: new Date(), options: OPTS, targets: TARGETS, machine, result }, null, 2) +
      '\n',
  );
  log(`results written to ${RESULTS_FILE}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main()
    .then(() => harness.cleanup())
    .catch(async (err) => {
      console.error(`[${TAG}] failed: ${/** @type {Error} */ (err).stack ?? err}`);
      await harness.cleanup();
      process.exitCode = 1;
    });
}
