#!/usr/bin/env node
// @ts-check
// Checks the seed files against the figures of the source document.
// Plain Node (>= 18), no dependencies: `node seeds/check-seeds.mjs`. Exits 1 on any failure.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/**
 * The seed JSON as delivered: this script is what checks its shape, so it reads it loosely.
 * @param {string} p
 * @returns {any}
 */
const load = (p) => JSON.parse(readFileSync(join(here, p), 'utf8'));

const tenant = load('songjiang/tenant.json');
const taxonomy = load('songjiang/taxonomy-2021.json');
const forms = load('songjiang/forms-2021.json');
const users = load('demo/users.json');
const library = load('songjiang/indicator-library.json').entries;

const EXPECTED_FORMS = 3;
const EXPECTED_INDICATORS = [11, 9, 15]; // per form, printed order
const EXPECTED_ANNUAL_TOTAL = '10590800.00'; // 支出预算总表, 项目支出 column, 合计 row

/** @type {string[]} */
const failures = [];
/** @param {string} msg */
const fail = (msg) => failures.push(msg);

// Money: two-decimal strings, summed exactly as integer fen (never floats).
const MONEY = /^\d+\.\d{2}$/;
/** @param {string} s */
const toFen = (s) => BigInt(s.replace('.', ''));
/** @param {bigint} n */
const fromFen = (n) => `${n / 100n}.${String(n % 100n).padStart(2, '0')}`;

// --- reference data ---
/** @param {string} list @returns {Set<string>} */
const codes = (list) => new Set((tenant.codeLists[list] ?? []).map((/** @type {{ code: string }} */ i) => i.code));
/** @typedef {{ name: string, kind: string, children?: OrgNode[] }} OrgNode */
/** @type {Map<string, OrgNode>} */
const orgs = new Map();
(function walk(/** @type {OrgNode} */ node) {
  orgs.set(node.name, node);
  (node.children ?? []).forEach(walk);
})(tenant.organizations);
/** @type {Map<string, { level: number, parentCode?: string }>} */
const tax = new Map(taxonomy.map((/** @type {{ code: string }} */ t) => [t.code, t]));

// --- forms ---
/** @type {number[]} */
const counts = [];
let annualTotal = 0n;
const projectCodes = new Set();
forms.forEach((/** @type {any} */ form, /** @type {number} */ i) => {
  const at = `form ${i + 1} (${form.project?.name})`;
  if (orgs.get(form.unit)?.kind !== 'unit') fail(`${at}: unit "${form.unit}" is not a unit in tenant.json`);
  if (projectCodes.has(form.project.code)) fail(`${at}: duplicate project code ${form.project.code}`);
  projectCodes.add(form.project.code);
  if (!codes('project_category').has(form.project.categoryCode)) fail(`${at}: unknown categoryCode`);
  if (!codes('function_class').has(form.project.functionClassCode)) fail(`${at}: unknown functionClassCode`);

  /** @type {Record<string, string | null>} */
  const f = form.funds;
  for (const [k, v] of Object.entries(f))
    if (v !== null && !MONEY.test(v)) fail(`${at}: funds.${k} "${v}" is not a two-decimal string`);
  /** @param {string} k */
  const fen = (k) => {
    const value = f[k];
    if (value === undefined) fail(`${at}: funds.${k} is missing`);
    return value == null ? 0n : toFen(value);
  };
  if (fen('totalAmount') !== fen('fiscalAmount') + fen('otherAmount'))
    fail(`${at}: 项目资金总额 ≠ 财政资金 + 其他资金`);
  if (fen('annualAmount') !== fen('annualFiscalAmount') + fen('carryOverAmount') + fen('annualOtherAmount'))
    fail(`${at}: 年度资金申请总额 ≠ 当年财政拨款 + 上年结转资金 + 其他资金`);
  if (fen('annualAmount') > fen('totalAmount')) fail(`${at}: 年度资金申请总额 > 项目资金总额`);
  annualTotal += fen('annualAmount');

  let n = 0;
  for (const l1 of form.indicators.year) {
    if (tax.get(l1.code)?.level !== 1) fail(`${at}: "${l1.code}" is not a level-1 taxonomy code`);
    for (const l2 of l1.children) {
      const t = tax.get(l2.code);
      if (t?.level !== 2 || t.parentCode !== l1.code)
        fail(`${at}: "${l2.code}" is not a level-2 code under "${l1.code}"`);
      for (const ind of l2.indicators) {
        n++;
        if (!ind.name || typeof ind.rawValue !== 'string' || ind.rawValue.trim() === '')
          fail(`${at}: empty indicator ${JSON.stringify(ind)}`);
      }
    }
  }
  counts.push(n);
});

for (const u of users) {
  if (!orgs.has(u.organization)) fail(`user ${u.username}: organization "${u.organization}" not in tenant.json`);
  // The same shapes libs/domain's isPlausiblePhone takes: a mobile number or a landline with its area code.
  if (u.phone != null && !/^(?:1[3-9]\d{9}|0\d{2,3}-[2-9]\d{6,7})$/.test(u.phone)) fail(`user ${u.username}: phone "${u.phone}" is not a phone number`);
}

// --- report ---
const total = counts.reduce((a, b) => a + b, 0);
const annual = fromFen(annualTotal);
console.log(`forms: ${forms.length} (expected ${EXPECTED_FORMS})`);
forms.forEach((/** @type {any} */ f, /** @type {number} */ i) =>
  console.log(
    `  ${f.project.code} ${f.project.name}: ${counts[i]} indicators, 年度资金申请总额 ${f.funds.annualAmount}`,
  ),
);
console.log(
  `indicators: ${counts.join(' + ')} = ${total} (expected ${EXPECTED_INDICATORS.join(' + ')} = ${EXPECTED_INDICATORS.reduce((a, b) => a + b, 0)})`,
);
console.log(`sum of annualAmount: ${annual} (expected ${EXPECTED_ANNUAL_TOTAL}, 支出预算总表 项目支出)`);
console.log(
  `tenant: ${orgs.size} organizations, ${tenant.codeLists.function_class.length} function classes; taxonomy: ${taxonomy.length} nodes; users: ${users.length}`,
);

// 指标库 (ADR 0031): every entry names where it comes from, sits on a 二级 of the taxonomy under its 一级, has a
// known owner (unit-tier ones), one name per owner; every form's indicator is in it; three 共性 per 二级 or more.
const formNames = new Set(
  forms.flatMap((/** @type {any} */ f) =>
    f.indicators.year.flatMap((/** @type {any} */ l1) =>
      l1.children.flatMap((/** @type {any} */ l2) => l2.indicators.map((/** @type {any} */ i) => i.name)),
    ),
  ),
);
const libraryKeys = new Set();
for (const e of library) {
  const where = `指标库 ${e.name}`;
  if (typeof e.source !== 'string' || !e.source.trim()) fail(`${where}: no source`);
  const l2 = tax.get(e.level2Code);
  if (!l2 || l2.level !== 2 || l2.parentCode !== e.level1Code) fail(`${where}: ${e.level1Code}/${e.level2Code} not in the taxonomy`);
  if (!['common', 'department', 'unit'].includes(e.tier)) fail(`${where}: tier ${e.tier}`);
  if (e.tier !== 'common' && !orgs.has(e.owner)) fail(`${where}: unknown owner ${e.owner}`);
  const key = `${e.tier === 'common' ? '' : e.owner}\u0000${e.name}`;
  if (libraryKeys.has(key)) fail(`${where}: twice for one owner`);
  libraryKeys.add(key);
}
for (const name of formNames)
  if (!library.some((/** @type {any} */ e) => e.name === name)) fail(`指标库: form indicator ${name} missing`);
for (const node of taxonomy.filter((/** @type {any} */ t) => t.level === 2)) {
  const common = library.filter((/** @type {any} */ e) => e.tier === 'common' && e.level2Code === node.code).length;
  if (common < 3) fail(`指标库: ${node.label} has ${common} 共性指标 (at least 3)`);
}
console.log(`指标库: ${library.length} entries (${formNames.size} distinct form indicators included)`);

if (forms.length !== EXPECTED_FORMS) fail(`expected ${EXPECTED_FORMS} forms, got ${forms.length}`);
if (counts.join() !== EXPECTED_INDICATORS.join())
  fail(`indicators per form ${counts.join(',')} ≠ ${EXPECTED_INDICATORS.join(',')}`);
if (annual !== EXPECTED_ANNUAL_TOTAL) fail(`sum of annualAmount ${annual} ≠ ${EXPECTED_ANNUAL_TOTAL}`);

if (failures.length) {
  console.error(`\nFAILED (${failures.length}):`);
  failures.forEach((m) => console.error(`  - ${m}`));
  process.exit(1);
}
console.log('\nOK');
