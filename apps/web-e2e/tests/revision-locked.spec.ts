import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from './csp';
import { apiAs, approvedSeedCopy, buttonName, callApi, logIn } from './support';

// The first finding, as a user meets it: a project's 2021 form is approved (locked); its 2022 form is
// carried forward and its 项目名称, planned dates and 实施单位 are changed and saved in the editor. The approved 2021
// revision must still print its own header. A project of its own (a copy of the seeded 市民服务) keeps the other
// tests' forms untouched, and the 2022 form it adds is deleted afterwards (the other specs read 2021's list).

const CODE = 'E2E-LOCK-001';
const NAME = '市民服务（锁定测试）';
const SCREENSHOTS = join(__dirname, '..', 'test-results', 'screenshots');

/** The header cells of the printed sheet, label → text. */
async function printedHeader(page: Page): Promise<Record<string, string>> {
  const sheet = page.getByRole('article', { name: '财政项目支出绩效目标填报表' });
  await expect(sheet).toBeVisible();
  const cell = async (label: string) =>
    (
      (await sheet
        .getByRole('rowheader', { name: label, exact: true })
        .locator('xpath=following-sibling::td[1]')
        .textContent()) ?? ''
    ).trim();
  return {
    项目名称: await cell('项目名称'),
    实施单位: await cell('实施单位'),
    计划开始日期: await cell('计划开始日期'),
    计划完成日期: await cell('计划完成日期'),
  };
}

let nextYearForm: string | null = null;
test.afterAll(async ({ playwright }) => {
  if (!nextYearForm) return;
  const request = await playwright.request.newContext({ baseURL: process.env.JXT_E2E_BASE_URL });
  expect(
    (await request.delete(`/api/forms/${nextYearForm}`, { headers: await apiAs(request, 'filer') })).status(),
  ).toBe(204);
  await request.dispose();
});

test("an approved revision keeps its header when the next year's form changes the project name, dates and 实施单位", async ({
  page,
  request,
}) => {
  const { projectId, formId } = await approvedSeedCopy(request, { code: CODE, name: NAME, endYear: 2021 });
  await logIn(page, 'filer');
  await page.goto(`/forms/${formId}`);
  const before = await printedHeader(page);
  expect(before.项目名称).toBe(NAME);
  await expect(page.getByText(/表单已锁定/)).toBeVisible();

  // The 2022 form, carried forward from the approved revision, edited and saved in the SPA.
  const { id: nextId } = await callApi(request, 'post', '/api/projects/{id}/forms', {
    path: { id: projectId },
    headers: await apiAs(request, 'filer'),
    body: { year: 2022 },
  });
  nextYearForm = nextId;
  await page.goto(`/forms/${nextId}`);
  await expect(page.getByText(/延续自 2021 年度/)).toBeVisible();
  await page.getByRole('button', { name: buttonName('编辑') }).click();
  const editor = page.getByRole('article', { name: '编辑绩效目标填报表' });
  await editor.getByLabel('项目名称', { exact: true }).fill('市民服务（2022 年度）');
  await editor.getByLabel('实施单位', { exact: true }).fill('松江区大数据中心');
  for (const [label, date] of [
    ['计划开始日期', '2022-01-01'],
    ['计划完成日期', '2022-12-31'],
  ]) {
    const input = editor.getByLabel(label, { exact: true });
    await input.click();
    await input.fill(date);
    await input.press('Enter');
  }
  await page.getByRole('button', { name: buttonName('保存') }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  expect(await printedHeader(page)).toEqual({
    项目名称: '市民服务（2022 年度）',
    实施单位: '松江区大数据中心',
    计划开始日期: '2022-01-01',
    计划完成日期: '2022-12-31',
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, 'locked-revision-2022.png') });

  // The approved 2021 revision prints what it printed when it was approved.
  await page.goto(`/forms/${formId}`);
  expect(await printedHeader(page)).toEqual(before);
  await page.screenshot({ path: join(SCREENSHOTS, 'locked-revision-2021.png'), fullPage: true });
});
