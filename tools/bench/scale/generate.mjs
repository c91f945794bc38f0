#!/usr/bin/env node
// @ts-check
/**
 * City-scale data generator (docs/benchmarks-workflow.md): fills one tenant at factor f of the
 * docs/domain.md §7 scale table (district = factor 1: 150 units, 3,000 projects and 60,000 indicators a
 * year, 3 years) with set-based SQL (INSERT … SELECT generate_series) over the owner connection.
 *
 *   财政局 → 10 财政科室 (each assigned every 10th 主管部门) and f×5 主管部门 → f×150 预算单位
 *   users: one filer per unit, one supervisor per 主管部门, one finance user per 财政科室, and a
 *          finance user, a reviewer and an admin at the 财政局; one password hash for all
 *   projects: f×5,400 (each year's f×3,000 forms: 60 % continue from the year before)
 *   goal forms: f×3,000 a year for 3 years (this year and the two before), 20 indicators each,
 *          past years mostly finance_approved, this year spread over every status
 *   form_event: the save and transition history that leads to each form's status (20 % of the
 *          forms that passed the 主管部门 went through one 退回 first), deadlines per year
 *
 * Usage: node tools/bench/scale/generate.mjs --url=<owner url> --factor=N [--tenant=bench] [--password=bench]
 *   (also importable: `generate({ url, factor, ... })`).
 * Needs the built domain library (libs/domain/dist) for the 年度指标值 parser, so each generated
 * indicator's parsed target is exactly what the app would store.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const require = createRequire(join(ROOT, 'apps/api/package.json'));

export const DIVISIONS = [
  '预算科',
  '行政政法科',
  '经济建设科',
  '农业农村科',
  '科教文卫科',
  '社会保障科',
  '资源环境科',
  '资产管理科',
  '绩效管理科',
  '国库科',
];

/** 20 indicators per form, over the 9 二级指标 of the songjiang taxonomy. */
export const INDICATOR_TEMPLATES = [
  ['output', 'quantity', '培训场次完成数', '>=12次'],
  ['output', 'quantity', '设备维护台数', '=120台'],
  ['output', 'quantity', '宣传资料发放份数', '>=5000份'],
  ['output', 'quantity', '服务网点覆盖数', '=26个'],
  ['output', 'quality', '工作完成通过率', '=100%'],
  ['output', 'quality', '验收合格率', '>=95%'],
  ['output', 'quality', '系统运行正常率', '≥99%'],
  ['output', 'timeliness', '工作完成及时率', '及时'],
  ['output', 'timeliness', '故障响应时间', '<=2小时'],
  ['output', 'cost', '项目成本控制', '<=213500元'],
  ['output', 'cost', '单次培训成本', '<=3000元'],
  ['benefit', 'economic', '带动社会投资', '>=1000万元'],
  ['benefit', 'social', '服务对象覆盖人数', '>=20000人'],
  ['benefit', 'social', '群众办事便利度', '显著提升'],
  ['benefit', 'social', '是否形成长效机制', '是'],
  ['benefit', 'ecological', '无纸化办公比例', '>=80%'],
  ['benefit', 'sustainable', '设备使用年限', '>=5年'],
  ['benefit', 'sustainable', '制度建设', '健全'],
  ['satisfaction', 'service_satisfaction', '服务对象满意度', '>=90%'],
  ['satisfaction', 'service_satisfaction', '单位职工满意度', '≥85%'],
];

// Status mix per mille (hash of the form's number): this year, and the two years before.
/** @type {[string, number][]} status and its share in ‰ */
const CURRENT_MIX = [
  ['draft', 200],
  ['submitted', 150],
  ['returned', 70],
  ['supervisor_approved', 120],
  ['reported', 150],
  ['finance_returned', 30],
  ['finance_approved', 260],
  ['rejected', 20],
];
/** @type {[string, number][]} status and its share in ‰ */
const PAST_MIX = [
  ['finance_approved', 960],
  ['rejected', 20],
  ['draft', 20],
];

// Steps of a form's history. role: who acts; `variant` paths went through one 退回 by the 主管部门 first.
/**
 * @typedef {object} Step
 * @property {'save' | 'transition'} kind
 * @property {string} role
 * @property {string} [action]
 * @property {string} [from]
 * @property {string} [to]
 * @property {string} [comment]
 * @property {string} [field]
 * @property {string} [review]
 */
/** @type {Step} */
const S = { kind: 'save', role: 'filer' };
/**
 * @param {string} action @param {string} from @param {string} to @param {string} role
 * @param {Pick<Step, 'comment' | 'field' | 'review'>} [extra]
 * @returns {Step}
 */
const T = (action, from, to, role, extra = {}) => ({ kind: 'transition', action, from, to, role, ...extra });
const submit = T('submit', 'draft', 'submitted', 'filer');
const resubmit = T('submit', 'returned', 'submitted', 'filer');
const returnS = T('return', 'submitted', 'returned', 'supervisor', {
  comment: '绩效指标不够细化，请补充数量指标和满意度指标后重新提交。',
  field: 'indicators',
});
const approveS = T('approve', 'submitted', 'supervisor_approved', 'supervisor');
const report = T('report', 'supervisor_approved', 'reported', 'supervisor');
const approveF = T('approve', 'reported', 'finance_approved', 'finance', { review: 'good' });
const returnF = T('return', 'reported', 'finance_returned', 'finance', {
  comment: '年度目标与资金规模不匹配，请主管部门与单位核实。',
  review: 'fair',
});
const rejectF = T('reject', 'reported', 'rejected', 'finance', {
  comment: '项目立项依据不足，不予通过。',
  review: 'poor',
});
const cycle = [S, submit, returnS, S, resubmit];
const PATHS = {
  draft: [[S], [S]],
  submitted: [[S, submit], cycle],
  returned: [
    [S, submit, returnS],
    [S, submit, returnS],
  ],
  supervisor_approved: [
    [S, submit, approveS],
    [...cycle, approveS],
  ],
  reported: [
    [S, submit, approveS, report],
    [...cycle, approveS, report],
  ],
  finance_returned: [
    [S, submit, approveS, report, returnF],
    [...cycle, approveS, report, returnF],
  ],
  finance_approved: [
    [S, submit, approveS, report, approveF],
    [...cycle, approveS, report, approveF],
  ],
  rejected: [
    [S, submit, approveS, report, rejectF],
    [...cycle, approveS, report, rejectF],
  ],
};

/** An SQL literal. @param {string | number | boolean | null | undefined} v */
const lit = (v) =>
  v === null || v === undefined
    ? 'NULL'
    : typeof v === 'number' || typeof v === 'boolean'
      ? String(v)
      : `'${String(v).replace(/'/g, "''")}'`;

/** @param {[string, number][]} mix  status and its share in ‰ @param {string} expr */
function mixCase(mix, expr) {
  let upper = 0;
  const arms = mix.map(([status, share]) => {
    upper += share;
    return `WHEN ${expr} < ${upper} THEN '${status}'`;
  });
  if (upper !== 1000) throw new Error('status mix must add up to 1000');
  return `CASE ${arms.join(' ')} END`;
}

function pathValues() {
  /** @type {string[]} */
  const rows = [];
  for (const [status, variants] of Object.entries(PATHS)) {
    for (const [variant, steps] of variants.entries()) {
      steps.forEach((s, i) =>
        rows.push(
          `(${lit(status)}, ${variant === 1}, ${i + 1}, ${steps.length}, ${lit(s.kind)}, ${lit(s.action)}, ${lit(s.from)}, ${lit(s.to)}, ${lit(s.role)}, ${lit(s.comment)}, ${lit(s.field)}, ${lit(s.review)})`,
        ),
      );
    }
  }
  return rows.join(',\n');
}

function templateValues() {
  const { readTarget } = require(join(ROOT, 'libs/domain/dist/index.js'));
  return INDICATOR_TEMPLATES.map(([l1, l2, name, raw], i) => {
    const { target, warning } = readTarget(raw);
    const q = target.kind === 'quantitative';
    return `(${i}, ${lit(l1)}, ${lit(l2)}, ${lit(name)}, ${lit(raw)}, ${lit(target.kind)}, ${lit(q ? target.operator : null)}, ${q ? `${lit(target.value)}::numeric` : 'NULL::numeric'}, ${lit(q ? target.unit : null)}, ${target.kind === 'boolean' ? target.value : 'NULL::boolean'}, ${lit(warning)}, ${i % 4 === 0 ? `'${(5).toFixed(2)}'::numeric` : 'NULL::numeric'})`;
  }).join(',\n');
}

function readSeed() {
  const tenant = JSON.parse(readFileSync(join(ROOT, 'seeds/songjiang/tenant.json'), 'utf8'));
  const taxonomy = JSON.parse(readFileSync(join(ROOT, 'seeds/songjiang/taxonomy-2021.json'), 'utf8'));
  return { codeLists: tenant.codeLists, taxonomy };
}

/**
 * Generates the tenant. `client` is a connected pg Client as the owner (a superuser skips the
 * foreign-key triggers during the load with session_replication_role = replica; rows are consistent by
 * construction). Returns row counts, timings and the names of the users the bench logs in as.
 * @param {import('pg').ClientBase} client
 * @param {object} options
 * @param {number} options.factor
 * @param {string} options.passwordHash
 * @param {string} [options.tenantCode]
 * @param {string} [options.tenantName]
 * @param {(message: string) => void} [options.log]
 * @param {boolean} [options.vacuum]
 * @param {boolean} [options.dropIndexes]
 */
export async function generate(
  client,
  {
    factor,
    passwordHash,
    tenantCode = 'bench',
    tenantName = `性能测试（规模 ×${factor}）`,
    log = () => undefined,
    vacuum = true,
    dropIndexes = true,
  },
) {
  if (!Number.isInteger(factor) || factor < 1) throw new Error('factor must be a positive integer');
  const t0 = performance.now();
  /** @type {Record<string, number>} */
  const timings = {};
  let tStep = performance.now();
  /** @param {string} name */
  const step = (name) => {
    const now = performance.now();
    timings[name] = Math.round(now - tStep);
    log(`  ${name.padEnd(16)} ${String(timings[name]).padStart(7)} ms`);
    tStep = now;
  };
  /** @param {string} sql @param {unknown[]} [params] */
  const q = (sql, params) => client.query(sql, params);

  const nDept = factor * 5;
  const nUnit = factor * 150;
  const perYear = factor * 3000;
  const shift = Math.round(perYear * 0.4); // each year 40 % new projects, 60 % continue
  const { codeLists, taxonomy } = readSeed();
  /** @param {{ code: string }[]} list */
  const codesOf = (list) => list.map((c) => c.code);
  const unitTypes = codesOf(codeLists.unit_type);
  const categories = codesOf(codeLists.project_category);
  const functionClasses = codesOf(codeLists.function_class).filter((c) => c.length === 7);

  await q('BEGIN');
  try {
    const [{ superuser }] = (await q(`SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user`)).rows;
    if (superuser) await q(`SET LOCAL session_replication_role = replica`);
    await q(`SET LOCAL synchronous_commit = off`);
    await q(`SET LOCAL work_mem = '256MB'`);
    await q(`SET LOCAL maintenance_work_mem = '512MB'`);
    const { rows: yrows } = await q(`SELECT extract(year FROM current_date)::int AS y`);
    const Y = yrows[0].y;
    const years = [Y - 2, Y - 1, Y];

    const tenantId = (await q(`INSERT INTO tenant (code, name) VALUES ($1, $2) RETURNING id`, [tenantCode, tenantName]))
      .rows[0].id;
    const T = lit(tenantId) + '::uuid';

    // code lists and the taxonomy (the songjiang seed's, for each of the 3 years); the 功能分类科目 are a version per
    // budget year, as the app keeps them (code_list_item.year), the other lists tenant-wide (year null)
    await q(
      `INSERT INTO code_list_item (tenant_id, list, code, label, sort_order, year)
       SELECT ${T}, l.key, i.value->>'code', i.value->>'label', i.ordinality, y.year
       FROM jsonb_each($1::jsonb) l, jsonb_array_elements(l.value) WITH ORDINALITY i,
         LATERAL (SELECT unnest($2::int[]) AS year WHERE l.key = 'function_class'
                  UNION ALL SELECT NULL WHERE l.key <> 'function_class') y`,
      [JSON.stringify(codeLists), years],
    );
    await q(
      `INSERT INTO indicator_taxonomy (tenant_id, year, code, label, level, parent_code, sort_order)
       SELECT ${T}, y, n.code, n.label, n.level, n."parentCode", n."sortOrder" FROM unnest($1::int[]) y,
         jsonb_to_recordset($2::jsonb) AS n(code text, label text, level int, "parentCode" text, "sortOrder" int)`,
      [years, JSON.stringify(taxonomy)],
    );
    step('tenant');

    // organisation tree; temp tables keep each generated id so paths and later joins can use it
    await q(`CREATE TEMP TABLE g_org ON COMMIT DROP AS
      WITH b AS (SELECT gen_random_uuid() AS id)
      SELECT id, NULL::uuid AS parent_id, 'finance_bureau'::text AS kind, '市财政局'::text AS name, NULL::text AS unit_type_code,
             '/' || id || '/' AS path, 1 AS sort_order, 0 AS n FROM b`);
    await q(
      `INSERT INTO g_org SELECT d.id, b.id, 'finance_division', ($1::text[])[d.n], NULL, b.path || d.id || '/', d.n, d.n
      FROM g_org b, LATERAL (SELECT gen_random_uuid() AS id, n FROM generate_series(1, 10) n) d WHERE b.kind = 'finance_bureau'`,
      [DIVISIONS],
    );
    await q(`INSERT INTO g_org SELECT d.id, b.id, 'department', '主管部门' || lpad(d.n::text, 4, '0'), NULL, b.path || d.id || '/', 10 + d.n, d.n
      FROM g_org b, LATERAL (SELECT gen_random_uuid() AS id, n FROM generate_series(1, ${nDept}) n) d WHERE b.kind = 'finance_bureau'`);
    await q(
      `INSERT INTO g_org SELECT u.id, d.id, 'unit', '预算单位' || lpad(u.n::text, 5, '0'), ($1::text[])[1 + u.n % ${unitTypes.length}], d.path || u.id || '/', u.n, u.n
      FROM (SELECT gen_random_uuid() AS id, n FROM generate_series(1, ${nUnit}) n) u
      JOIN g_org d ON d.kind = 'department' AND d.n = 1 + (u.n - 1) % ${nDept}`,
      [unitTypes],
    );
    await q(`CREATE INDEX ON g_org (kind, n)`);
    await q(`ANALYZE g_org`);
    await q(`INSERT INTO organization (id, tenant_id, parent_id, kind, name, unit_type_code, path, sort_order)
      SELECT id, ${T}, parent_id, kind, name, unit_type_code, path, sort_order FROM g_org ORDER BY path`);
    // 财政科室分工: department n goes to division 1 + (n - 1) % 10
    await q(`INSERT INTO finance_division_assignment (tenant_id, division_id, department_id)
      SELECT ${T}, v.id, d.id FROM g_org d JOIN g_org v ON v.kind = 'finance_division' AND v.n = 1 + (d.n - 1) % 10 WHERE d.kind = 'department'`);
    step('organizations');

    // users: name prefix keeps them apart from other tenants (user names are unique across tenants)
    const p = tenantCode;
    await q(`CREATE TEMP TABLE g_user ON COMMIT DROP AS
      SELECT gen_random_uuid() AS id, o.id AS organization_id, o.name AS organization_name, o.kind AS org_kind, o.n,
             CASE o.kind WHEN 'unit' THEN '${p}.filer.' || o.n WHEN 'department' THEN '${p}.supervisor.' || o.n ELSE '${p}.finance.' || o.n END AS username,
             CASE o.kind WHEN 'unit' THEN '填报人' || o.n WHEN 'department' THEN '审核人' || o.n ELSE '财政审核人' || o.n END AS display_name,
             CASE o.kind WHEN 'unit' THEN ARRAY['filer'] WHEN 'department' THEN ARRAY['supervisor'] ELSE ARRAY['finance'] END AS roles
      FROM g_org o WHERE o.kind IN ('unit', 'department', 'finance_division')
      UNION ALL
      SELECT gen_random_uuid(), o.id, o.name, o.kind, 0, '${p}.' || r.role || '.bureau', r.label, ARRAY[r.role]
      FROM g_org o, (VALUES ('finance', '局财政审核人'), ('reviewer', '评价复核人'), ('admin', '管理员')) r(role, label) WHERE o.kind = 'finance_bureau'`);
    await q(`CREATE INDEX ON g_user (org_kind, n)`);
    await q(`ANALYZE g_user`);
    await q(
      `INSERT INTO app_user (id, tenant_id, organization_id, username, display_name, password_hash, roles)
      SELECT id, ${T}, organization_id, username, display_name, $1, roles FROM g_user`,
      [passwordHash],
    );
    step('users');

    // projects: number n belongs to unit 1 + (n - 1) % units; year k (0, 1, 2) has projects k*shift+1 … k*shift+perYear
    const nProjects = 2 * shift + perYear;
    await q(`CREATE TEMP TABLE g_project ON COMMIT DROP AS
      SELECT gen_random_uuid() AS id, s.pn AS n, u.id AS unit_id, u.name AS unit_name, u.parent_id AS dept_id
      FROM generate_series(1, ${nProjects}) s(pn) JOIN g_org u ON u.kind = 'unit' AND u.n = 1 + (s.pn - 1) % ${nUnit}`);
    // the project keeps its identity; the header (项目名称 …) is each form revision's, written with the forms below
    await q(
      `ALTER TABLE g_project ADD name text, ADD category_code text, ADD continuity text, ADD function_class_code text, ADD planned_start date, ADD planned_end date`,
    );
    await q(
      `UPDATE g_project SET name = '项目' || n || '：' || (ARRAY['设备更新维护','市民服务','信息系统运行维护','专项培训','基础设施修缮','公共服务购买'])[1 + n % 6],
        category_code = ($1::text[])[1 + n % ${categories.length}], continuity = CASE WHEN n % 3 = 0 THEN 'new' ELSE 'continuing' END,
        function_class_code = ($2::text[])[1 + n % ${Math.max(1, functionClasses.length)}],
        planned_start = make_date(${years[0]} + ((n - 1) / ${shift})::int, 1, 1), planned_end = make_date(${years[0]} + ((n - 1) / ${shift})::int + 2, 12, 31)`,
      [categories, functionClasses.length ? functionClasses : [null]],
    );
    await q(
      `INSERT INTO project (id, tenant_id, organization_id, code) SELECT id, ${T}, unit_id, 'XM' || lpad(n::text, 7, '0') FROM g_project ORDER BY n`,
    );
    step('projects');

    // forms: seq numbers them; h is a stable pseudo-random number per form; variant: went through a 退回 first
    const yearCase = `CASE WHEN k = 2 THEN ${mixCase(CURRENT_MIX, 'abs(hashint4(seq)) % 1000')} ELSE ${mixCase(PAST_MIX, 'abs(hashint4(seq)) % 1000')} END`;
    await q(`CREATE TEMP TABLE g_form ON COMMIT DROP AS
      SELECT gen_random_uuid() AS id, s.seq, s.k, ${years[0]} + s.k AS year, ${yearCase} AS status, abs(hashint4(s.seq + 7919)) AS h,
             abs(hashint4(s.seq + 104729)) % 5 = 0 AS variant, pr.id AS project_id, pr.n AS project_n,
             fu.id AS filer_id, su.id AS supervisor_id, fi.id AS finance_id,
             CASE WHEN s.k = 2 THEN now() - interval '120 days' ELSE make_timestamptz(${years[0]} + s.k - 1, 9, 1, 9, 0, 0) END
               + (abs(hashint4(s.seq + 31)) % (60 * 24)) * interval '1 minute' * 60 AS created_at
      FROM (SELECT k * ${perYear} + i AS seq, k, i FROM generate_series(0, 2) k, generate_series(1, ${perYear}) i) s
      JOIN g_project pr ON pr.n = s.k * ${shift} + s.i
      JOIN g_user fu ON fu.org_kind = 'unit' AND fu.n = 1 + (pr.n - 1) % ${nUnit}
      JOIN g_org d ON d.id = pr.dept_id
      JOIN g_user su ON su.org_kind = 'department' AND su.n = d.n
      JOIN g_user fi ON fi.org_kind = 'finance_division' AND fi.n = 1 + (d.n - 1) % 10`);
    await q(`CREATE TEMP TABLE g_path (status text, variant boolean, step int, steps int, kind text, action text, from_status text, to_status text,
      role text, comment text, field text, review_result text) ON COMMIT DROP`);
    await q(`INSERT INTO g_path VALUES ${pathValues()}`);
    // one row per history step, with its time: steps 1 to 5 days apart
    await q(`CREATE TEMP TABLE g_event ON COMMIT DROP AS
      SELECT f.id AS form_id, f.seq, p.*, f.created_at + p.step * (1 + f.h % 5) * interval '1 day' - (f.h % 600) * interval '1 minute' AS at,
             CASE p.role WHEN 'filer' THEN f.filer_id WHEN 'supervisor' THEN f.supervisor_id ELSE f.finance_id END AS actor_id
      FROM g_form f JOIN g_path p ON p.status = f.status AND p.variant = f.variant`);
    await q(`CREATE INDEX ON g_event (form_id, step)`);
    await q(`ANALYZE g_form; ANALYZE g_event`);
    await q(`CREATE TEMP TABLE g_form_state ON COMMIT DROP AS
      SELECT f.id,
        max(e.step) + 1 AS row_version,
        coalesce(max(e.at), f.created_at) AS updated_at,
        coalesce(max(e.at) FILTER (WHERE e.kind = 'transition'), f.created_at) AS status_changed_at,
        max(e.at) FILTER (WHERE e.action = 'submit') AS submitted_at,
        (array_agg(e.actor_id ORDER BY e.step DESC))[1] AS updated_by,
        (array_agg(e.review_result ORDER BY e.step DESC) FILTER (WHERE e.review_result IS NOT NULL))[1] AS review_result,
        (array_agg(e.comment ORDER BY e.step DESC) FILTER (WHERE e.review_result IS NOT NULL))[1] AS review_comment
      FROM g_form f LEFT JOIN g_event e ON e.form_id = f.id GROUP BY f.id, f.created_at`);
    await q(`CREATE UNIQUE INDEX ON g_form_state (id)`);
    await q(`ANALYZE g_form_state`);
    step('plan forms');

    await q(`INSERT INTO goal_form (id, tenant_id, project_id, year, revision, status, project_name, category_code, continuity, function_class_code,
        printed_department, printed_implementing_unit, planned_start, planned_end, locked_organization_name, locked_category_label, locked_function_class_label,
        total_amount, fiscal_amount, other_amount, annual_amount,
        annual_fiscal_amount, carry_over_amount, annual_other_amount, total_goal, annual_goal, goal_period_start, goal_period_end,
        row_version, created_at, updated_at, updated_by, status_changed_at, submitted_by, submitted_at, review_result, review_comment,
        organization_path)
      SELECT f.id, ${T}, f.project_id, f.year, 1, f.status, pr.name, pr.category_code, pr.continuity, pr.function_class_code, pr.unit_name, pr.unit_name,
        pr.planned_start, pr.planned_end,
        -- what the lock trigger copies when a form is locked (triggers are off during the load)
        CASE WHEN f.status IN ('finance_approved', 'rejected') THEN pr.unit_name END,
        CASE WHEN f.status IN ('finance_approved', 'rejected') THEN (SELECT label FROM code_list_item WHERE tenant_id = ${T} AND list = 'project_category' AND code = pr.category_code) END,
        CASE WHEN f.status IN ('finance_approved', 'rejected') THEN (SELECT label FROM code_list_item WHERE tenant_id = ${T} AND list = 'function_class' AND code = pr.function_class_code AND year = f.year) END,
        a.amount, a.amount, 0, a.amount, a.amount, 0, 0,
        '到' || f.year || '年末，完成项目' || f.project_n || '的全部建设与运维任务，保障相关公共服务平稳有序运行。',
        '到' || f.year || '年末，完成年度工作计划，服务对象满意度不低于90%。', f.year, f.year,
        s.row_version, f.created_at, s.updated_at, s.updated_by, s.status_changed_at,
        CASE WHEN s.submitted_at IS NOT NULL THEN f.filer_id END, s.submitted_at, s.review_result, s.review_comment,
        -- set here: the load runs with triggers off (session_replication_role = replica), so the path trigger does not fire
        (SELECT o.path FROM project p JOIN organization o ON o.id = p.organization_id WHERE p.id = f.project_id)
      FROM g_form f JOIN g_form_state s ON s.id = f.id JOIN g_project pr ON pr.id = f.project_id,
        LATERAL (SELECT ((10 + f.h % 2000) * 1000)::numeric(18,2) AS amount) a
      ORDER BY f.seq`);
    step('goal_form');

    // bulk load: the big tables' indexes are dropped and rebuilt with the same names and definitions (3-4x faster)
    const rebuild =
      superuser && dropIndexes
        ? [...(await withoutIndexes(q, 'indicator')), ...(await withoutIndexes(q, 'form_event'))]
        : [];
    await q(
      `CREATE TEMP TABLE g_tpl (ord int, level1 text, level2 text, name text, raw text, kind text, op text, num numeric, unit text, bool boolean, warning text, weight numeric) ON COMMIT DROP`,
    );
    await q(`INSERT INTO g_tpl VALUES ${templateValues()}`);
    await q(`INSERT INTO indicator (id, tenant_id, form_id, indicator_set, level1_code, level2_code, sort_order, name, raw_value, target_kind,
        target_operator, target_number, target_unit, target_boolean, parse_warning, weight, scoring_notes, explanation, remark, level1_label, level2_label)
      SELECT gen_random_uuid(), ${T}, f.id, 'year', t.level1, t.level2, t.ord, t.name, t.raw, t.kind, t.op, t.num, t.unit, t.bool, t.warning, t.weight,
        CASE WHEN t.ord % 5 = 0 THEN '完成得满分，未完成按比例扣分' END, NULL, NULL,
        CASE WHEN f.status IN ('finance_approved', 'rejected') THEN coalesce(l1.label, t.level1) END,
        CASE WHEN f.status IN ('finance_approved', 'rejected') THEN coalesce(l2.label, t.level2) END
      FROM g_form f CROSS JOIN g_tpl t
      LEFT JOIN indicator_taxonomy l1 ON l1.tenant_id = ${T} AND l1.year = f.year AND l1.code = t.level1
      LEFT JOIN indicator_taxonomy l2 ON l2.tenant_id = ${T} AND l2.year = f.year AND l2.code = t.level2
      ORDER BY f.seq, t.ord`);
    step('indicator');

    await q(`INSERT INTO form_event (tenant_id, form_id, kind, action, from_status, to_status, actor_id, actor_name, actor_roles,
        actor_organization_id, actor_organization_name, comment, field, review_result, changes, row_version, created_at)
      SELECT ${T}, e.form_id, e.kind, e.action, e.from_status, e.to_status, e.actor_id, u.display_name, u.roles, u.organization_id, u.organization_name,
        e.comment, e.field, e.review_result,
        CASE WHEN e.kind = 'save' THEN '[{"field":"annualGoal","label":"年度总目标","before":null,"after":"完成年度工作计划"}]'::jsonb END,
        e.step + 1, e.at
      FROM g_event e JOIN g_user u ON u.id = e.actor_id
      ORDER BY e.at, e.seq, e.step`);
    step('form_event');

    for (const sql of rebuild) await q(sql);
    if (rebuild.length) step('rebuild indexes');

    // deadlines: this year's submit deadline has passed (drafts are overdue), the reviews are due soon
    await q(
      `INSERT INTO workflow_deadline (tenant_id, year, kind, due_date)
      SELECT ${T}, y, k.kind, CASE WHEN y = ${Y} THEN current_date + k.this_year ELSE make_date(y - 1, 11, 1) + k.past END
      FROM unnest($1::int[]) y, (VALUES ('submit', -7, 0), ('supervisor_review', 7, 14), ('finance_review', 21, 30)) k(kind, this_year, past)`,
      [years],
    );
    await q('COMMIT');
    step('commit');

    if (vacuum) {
      // what autovacuum would have done by the time such a tenant exists: statistics and the visibility map
      await q(
        `VACUUM (ANALYZE) organization, finance_division_assignment, app_user, project, goal_form, indicator, form_event, workflow_deadline, indicator_taxonomy`,
      );
      step('vacuum analyze');
    }

    /** @type {Record<string, number>} */
    const counts = {};
    for (const table of ['organization', 'app_user', 'project', 'goal_form', 'indicator', 'form_event']) {
      counts[table] = Number(
        (await q(`SELECT count(*) AS n FROM ${table} WHERE tenant_id = $1`, [tenantId])).rows[0].n,
      );
    }
    const statusRows = (
      await q(
        `SELECT year, status, count(*)::int AS n FROM goal_form WHERE tenant_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`,
        [tenantId],
      )
    ).rows;
    const totalMs = Math.round(performance.now() - t0);
    return {
      tenantId,
      factor,
      years,
      totalMs,
      timings,
      counts,
      statuses: statusRows,
      superuser,
      users: {
        financeDivision: `${p}.finance.5`, // 科教文卫科 (division 5)
        financeBureau: `${p}.finance.bureau`,
        supervisor: (/** @type {number} */ n) => `${p}.supervisor.${n}`,
        supervisors: nDept,
        filer: (/** @type {number} */ n) => `${p}.filer.${n}`,
      },
    };
  } catch (err) {
    await q('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/**
 * Drops a table's indexes (and the primary-key or unique constraints behind them); returns the SQL that recreates them.
 * @param {(sql: string, params?: unknown[]) => Promise<import('pg').QueryResult>} q
 * @param {string} table
 */
async function withoutIndexes(q, table) {
  const { rows } = await q(
    `SELECT i.indexrelid::regclass::text AS index, pg_get_indexdef(i.indexrelid) AS indexdef, c.conname, pg_get_constraintdef(c.oid) AS condef
     FROM pg_index i LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.contype IN ('p', 'u')
     WHERE i.indrelid = $1::regclass`,
    [table],
  );
  /** @type {string[]} */
  const recreate = [];
  for (const r of rows) {
    if (r.conname) {
      await q(`ALTER TABLE ${table} DROP CONSTRAINT "${r.conname}"`);
      recreate.push(`ALTER TABLE ${table} ADD CONSTRAINT "${r.conname}" ${r.condef}`);
    } else {
      await q(`DROP INDEX ${r.index}`);
      recreate.push(r.indexdef);
    }
  }
  return recreate;
}

// ------------------------------------------------------------------------------------------------
// command line

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  /**
   * @template {string | undefined} F
   * @param {string} name
   * @param {F} fallback
   * @returns {string | F}
   */
  const opt = (name, fallback) => {
    const hit = process.argv.slice(2).find((a) => a.startsWith(`--${name}=`));
    return hit ? hit.slice(name.length + 3) : fallback;
  };
  const url = opt('url', process.env.DATABASE_URL);
  const factor = Number(opt('factor', '1'));
  if (!url) {
    console.error(
      'usage: node tools/bench/scale/generate.mjs --url=<owner url> --factor=N [--tenant=bench] [--password=bench]',
    );
    process.exit(2);
  }
  const pg = require('pg');
  const argon2 = require('argon2');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const passwordHash = await argon2.hash(opt('password', 'bench'), { type: argon2.argon2id });
    console.log(`generating factor ${factor} …`);
    const result = await generate(client, {
      factor,
      passwordHash,
      tenantCode: opt('tenant', 'bench'),
      log: console.log,
    });
    console.log(`done in ${result.totalMs} ms`);
    console.table(result.counts);
  } finally {
    await client.end();
  }
}
