import { expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from './csp';
import { apiAs, approvedSeedCopy, buttonName, callApi, logIn } from './support';
import { UserActions } from './user-actions';

// Issue 12 point 2 as a filer meets it: a project's 2021 form is approved (through the API, as the people would);
// on it the filer clicks 生成下一年度填报表 and lands in the 2022 draft's editor, carried from the approved revision
// (延续, the indicators, the amounts empty). A project of its own (a copy of the seeded 市民服务 that runs to the end of
// 2022) keeps the other tests' forms untouched; the 2022 form is deleted afterwards.

const CODE = 'E2E-NEXT-001';
const NAME = '市民服务（结转测试）';
const COUNTED = { code: 'E2E-NEXT-002', name: '市民服务（延续计数）' };
const SCREENSHOTS = join(__dirname, '..', 'test-results', 'screenshots');

let nextYearForm: string | null = null;
let countedForm: string | null = null;
test.afterAll(async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: process.env.JXT_E2E_BASE_URL });
  const headers = await apiAs(request, 'filer');
  // The counted form was submitted: withdrawn first, then, a draft again, deleted like the other.
  if (countedForm) {
    const form = await callApi(request, 'get', '/api/forms/{id}', { path: { id: countedForm }, headers });
    if (form.status === 'submitted')
      await callApi(request, 'post', '/api/forms/{id}/transitions', {
        path: { id: form.id },
        headers,
        body: { action: 'withdraw', rowVersion: form.rowVersion },
      });
  }
  for (const id of [nextYearForm, countedForm].filter((id) => id !== null))
    expect((await request.delete(`/api/forms/${id}`, { headers })).status()).toBe(204);
  await request.dispose();
});

test('a filer clicks 生成下一年度填报表 on an approved 2021 form and edits the 2022 draft: 延续, the indicators carried with last year’s targets beside them, the amounts empty', async ({
  page,
  request,
}) => {
  const { formId } = await approvedSeedCopy(request, { code: CODE, name: NAME, endYear: 2022 });
  const approved = await callApi(request, 'get', '/api/forms/{id}', {
    path: { id: formId },
    headers: await apiAs(request, 'filer'),
  });
  const carried = approved.indicators.year.flatMap((l1) => l1.children.flatMap((l2) => l2.indicators));
  const names = carried.map((i) => i.name);

  await logIn(page, 'filer');
  await page.goto(`/forms/${formId}`);
  await expect(page.getByText(/表单已锁定/)).toBeVisible();
  await page.getByRole('button', { name: buttonName('生成下一年度填报表') }).click();

  await expect(page).not.toHaveURL(new RegExp(`/forms/${formId}$`));
  nextYearForm = new URL(page.url()).pathname.split('/').pop()!;
  const editor = page.getByRole('article', { name: '编辑绩效目标填报表' });
  await expect(editor).toBeVisible();
  await expect(page.getByText(/延续自 2021 年度第 1 版/)).toBeVisible();
  await expect(editor.getByLabel('项目名称', { exact: true })).toHaveValue(NAME);
  await expect(page.getByRole('combobox', { name: '新增/延续' }).locator('xpath=ancestor::td[1]')).toContainText(
    '延续',
  );
  for (const [row, name] of names.entries())
    await expect(editor.getByRole('textbox', { name: `三级指标 第${row + 1}行`, exact: true })).toHaveValue(name);
  // Last year's target beneath each carried value (no 自评表 yet, so no actual value).
  await expect(editor.locator('.ind-previous')).toHaveCount(carried.length);
  await expect(editor.locator('.ind-previous').first()).toHaveText(`上年：${carried[0].rawValue}`);
  for (const label of ['项目资金总额', '财政资金', '年度资金申请总额', '当年财政拨款'])
    await expect(editor.getByLabel(label, { exact: true })).toHaveValue('');

  const form = await callApi(request, 'get', '/api/forms/{id}', {
    path: { id: nextYearForm },
    headers: await apiAs(request, 'filer'),
  });
  expect(form).toMatchObject({ year: 2022, status: 'draft', project: { continuity: 'continuing' } });
  expect(Object.values(form.funds)).toEqual(Array(7).fill(null));
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, 'next-year-2022-draft.png') });
});

test('a continuing project’s next-year form, from 项目列表 to 提交, counted in actions (goal ≤ 12)', async ({
  page,
  request,
}) => {
  await approvedSeedCopy(request, { ...COUNTED, endYear: 2022 });
  // Counted from 2021's 项目列表 (a link or the year picker gets there; the newest year is shown by default).
  await logIn(page, 'filer');
  await page.goto('/projects?year=2021');
  const act = new UserActions();

  await act.click(page.getByRole('link', { name: COUNTED.name, exact: true }), COUNTED.name);
  await act.click(page.getByRole('button', { name: buttonName('生成下一年度填报表') }), '生成下一年度填报表');
  await expect(page).toHaveURL(/\/forms\/[0-9a-f-]{36}$/);
  const editor = page.getByRole('article', { name: '编辑绩效目标填报表' });
  // The new draft, its taxonomy and last year's values load together: on a busy machine that takes a while.
  await expect(editor).toBeVisible({ timeout: 30_000 });
  countedForm = new URL(page.url()).pathname.split('/').pop()!;

  // This year's money: two amounts, the totals follow and the other parts are 0.00.
  await act.fill(editor.getByLabel('财政资金', { exact: true }), '250,000.00', '财政资金');
  await act.fill(editor.getByLabel('当年财政拨款', { exact: true }), '250,000.00', '当年财政拨款');
  await expect(editor.getByLabel('项目资金总额', { exact: true })).toHaveValue('250,000.00');

  // Both goals say 到2021年末: one click each moves them on.
  const offers = editor.getByRole('button', { name: /将文中 2021 年改为 2022 年/ });
  await expect(offers).toHaveText(['将文中 2021 年改为 2022 年（3 处）', '将文中 2021 年改为 2022 年（3 处）']);
  await offers.first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SCREENSHOTS, 'next-year-goal-years-offer.png') });
  await act.click(offers.first(), '改年份（项目总目标）');
  await act.click(offers.first(), '改年份（年度总目标）');
  await expect(offers).toHaveCount(0);

  await act.click(page.getByRole('button', { name: buttonName('保存') }), '保存');
  await expect(page.getByText('已保存')).toBeVisible();
  await act.click(page.locator('.workflow-actions').getByRole('button', { name: buttonName('提交') }), '提交');
  await act.click(page.getByRole('dialog').getByRole('button', { name: '确认提交' }), '确认提交');
  await expect(page.locator('.form-meta .ant-tag').first()).toHaveText('已提交');

  console.log(act.report('延续项目 next-year form, to 提交'));
  expect(act.count).toBeLessThanOrEqual(12);

  const form = await callApi(request, 'get', '/api/forms/{id}', {
    path: { id: countedForm },
    headers: await apiAs(request, 'filer'),
  });
  expect(form).toMatchObject({ year: 2022, status: 'submitted', project: { continuity: 'continuing' } });
  expect(form.funds).toMatchObject({ totalAmount: '250000.00', annualFiscalAmount: '250000.00' });
  expect(form.annualGoal).toContain('到2022年末');
  expect(form.annualGoal).not.toContain('2021年');
});
