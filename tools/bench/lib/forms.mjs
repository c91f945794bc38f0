// The benchmarks' test form: the demo filer's biggest editable form grown to 35 indicators of every value kind,
// and the helpers that turn a form as read into the save request that writes it back.
// @ts-check
import { requestJson } from './http.mjs';

/**
 * The API's JSON, in the shapes the benchmarks read (GET /api/forms/:id).
 * @typedef {{ code: string, indicators: Record<string, unknown>[] }} Level2Set
 * @typedef {{ code: string, children: Level2Set[] }} Level1Set
 * @typedef {Record<string, any> & { indicators: { year: Level1Set[] | null, longTerm: Level1Set[] | null } }} FormJson
 */

/** @param {Level1Set[] | null | undefined} sets @returns {number} */
const countIndicators = (sets) =>
  (sets ?? []).reduce((n, l1) => n + l1.children.reduce((m, l2) => m + l2.indicators.length, 0), 0);
/** @param {FormJson} form */
export const totalIndicators = (form) =>
  countIndicators(form.indicators.year) + countIndicators(form.indicators.longTerm);

export const HEADER_FIELDS = [
  'code',
  'name',
  'categoryCode',
  'continuity',
  'functionClassCode',
  'printedDepartment',
  'printedImplementingUnit',
  'plannedStart',
  'plannedEnd',
];
const INDICATOR_FIELDS = ['id', 'name', 'rawValue', 'weight', 'scoringNotes', 'explanation', 'remark'];
/** @param {Record<string, unknown>} obj @param {string[]} keys */
export const pick = (obj, keys) => Object.fromEntries(keys.map((k) => [k, obj[k]]));
/** @param {Level1Set[] | null} sets @returns {Level1Set[] | null} */
export const toInputSets = (sets) =>
  sets?.map((l1) => ({
    code: l1.code,
    children: l1.children.map((l2) => ({
      code: l2.code,
      indicators: l2.indicators.map((i) => pick(i, INDICATOR_FIELDS)),
    })),
  })) ?? null;

// 年度指标值 of the kinds the seed forms use: quantitative with operators and units, yes/no, text
const EXTRA_VALUES = [
  '>=95%',
  '≥90%',
  '100次',
  '<=3天',
  '=12个',
  '是',
  '否',
  '≤2小时',
  '>=1000万元',
  '及时',
  '显著提升',
  '≥85%',
];

/** The save request that writes a form back as it was read (PUT /api/forms/:id). @param {FormJson} form */
export const saveRequest = (form) => ({
  rowVersion: form.rowVersion,
  project: pick(form.project, HEADER_FIELDS),
  funds: form.funds,
  totalGoal: form.totalGoal,
  annualGoal: form.annualGoal,
  goalPeriodStart: form.goalPeriodStart,
  goalPeriodEnd: form.goalPeriodEnd,
  indicators: { year: toInputSets(form.indicators.year), longTerm: toInputSets(form.indicators.longTerm) },
});

/**
 * Logs in as the demo filer and turns the demo's biggest editable form into one of `indicators` indicators
 * (35 in the benchmarks). Returns the filer's token, the form and the save request that made it.
 * @param {import('node:http').Agent} agent
 * @param {string} base
 * @param {number} indicators
 * @param {(msg: string) => void} log
 */
export async function prepareForm(agent, base, indicators, log) {
  const login = await requestJson(agent, base, 'POST', '/api/auth/login', {
    body: { username: 'filer', password: 'demo' },
  });
  const token = login.accessToken;
  if (!token) throw new Error('login answered without accessToken');
  const list = await requestJson(agent, base, 'GET', '/api/projects?year=2021', { token });
  if (!list.items?.length) throw new Error('GET /api/projects?year=2021 returned no projects');
  /** @type {FormJson[]} */
  const forms = [];
  for (const item of list.items)
    forms.push(await requestJson(agent, base, 'GET', `/api/forms/${item.formId}`, { token }));
  const editable = forms.filter((f) => ['draft', 'returned'].includes(f.status));
  if (!editable.length)
    throw new Error(`no editable form among ${forms.map((f) => `${f.id} (${f.status})`).join(', ')}`);
  const form = editable.sort((a, b) => totalIndicators(b) - totalIndicators(a))[0];
  const had = totalIndicators(form);

  const year = toInputSets(form.indicators.year) ?? [];
  const slots = year.flatMap((l1) => l1.children);
  if (!slots.length) throw new Error(`form ${form.id} has no 二级指标 groups to add indicators to`);
  for (let n = had, k = 0; n < indicators; n++, k++) {
    const slot = slots[k % slots.length];
    slot.indicators.push({
      name: `基准测试三级指标 ${k + 1}：${slot.code} 完成情况`,
      rawValue: EXTRA_VALUES[k % EXTRA_VALUES.length],
      weight: null,
      scoringNotes: k % 2 === 0 ? '完成目标值得满分，每低于目标 1 个百分点扣 0.5 分，扣完为止。' : null,
      explanation: k % 3 === 0 ? '反映项目年度任务的完成程度，数据来源于项目单位年度工作台账。' : null,
      remark: null,
    });
  }
  const body = { ...saveRequest(form), indicators: { year, longTerm: toInputSets(form.indicators.longTerm) } };
  const saved = await requestJson(agent, base, 'PUT', `/api/forms/${form.id}`, { token, body });
  if (totalIndicators(saved) !== indicators)
    throw new Error(`PUT /api/forms/${form.id} kept ${totalIndicators(saved)} indicators, expected ${indicators}`);
  const check = await requestJson(agent, base, 'GET', `/api/forms/${form.id}`, { token });
  if (totalIndicators(check) !== indicators)
    throw new Error(`GET after PUT has ${totalIndicators(check)} indicators, expected ${indicators}`);
  log(
    `form ${form.id} (${form.project.name}): ${had} → ${indicators} indicators, response ${Buffer.byteLength(JSON.stringify(check))} bytes`,
  );
  return { token, formId: form.id, projectName: form.project.name, seedIndicators: had, form: check, body };
}
