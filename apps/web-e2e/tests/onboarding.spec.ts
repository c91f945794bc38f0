import { expect, type Page, type TestInfo } from '@playwright/test';
import ExcelJS from 'exceljs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from './csp';
import { buttonName, logIn } from './support';

const SCREENSHOTS = join(__dirname, '..', 'test-results', 'screenshots');

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, name);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

const DEPARTMENT = '松江区文化旅游局';

test('the admin onboards a 主管部门 with a unit and two users from the template, fixing a bad phone after the preview', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await logIn(page, 'admin', 'demo');
  await page.locator('.app-nav').getByRole('link', { name: '组织机构' }).click();
  await page.getByRole('button', { name: buttonName('批量导入') }).click();
  const dialog = page.getByRole('dialog', { name: '批量导入组织和用户' });
  await expect(dialog.getByRole('link', { name: buttonName('下载模板') })).toBeVisible();

  // The template as the link gives it (the session cookie goes along), filled in as an admin would in Excel.
  const template = await page.request.get('/api/onboarding/template.xlsx');
  expect(template.status()).toBe(200);
  const fill = async (phone: string) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await template.body()) as unknown as ArrayBuffer);
    const organizations = workbook.getWorksheet('组织')!;
    organizations.getRow(2).values = ['松江区文化馆', '预算单位', DEPARTMENT, '公益一类事业单位'];
    organizations.getRow(3).values = [DEPARTMENT, '主管部门', '松江区财政局', '', '科教文卫科'];
    const users = workbook.getWorksheet('用户')!;
    users.getRow(2).values = ['e2e-culture-head', '文旅局审核人', DEPARTMENT, '主管部门审核人'];
    users.getRow(3).values = ['e2e-culture-filer', '文化馆填报人', '松江区文化馆', '填报人', phone];
    return {
      name: '文旅局.xlsx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
    };
  };

  await dialog.locator('input[type=file]').setInputFiles(await fill('12345'));
  await expect(dialog.getByText('用户!E3')).toBeVisible();
  await expect(dialog.getByRole('button', { name: buttonName('确认导入') })).toBeDisabled();
  await screenshot(page, testInfo, 'onboarding-preview-problem.png');

  await dialog.getByRole('button', { name: buttonName('重新选择文件') }).click();
  await dialog.locator('input[type=file]').setInputFiles(await fill('13812345678'));
  await expect(dialog.getByText('组织：新建 2，已存在 0；用户：新建 2，已存在 0')).toBeVisible();
  await screenshot(page, testInfo, 'onboarding-preview.png');
  await dialog.getByRole('button', { name: buttonName('确认导入') }).click();

  const passwords = dialog.getByLabel('新用户的初始密码');
  await expect(passwords).toContainText('e2e-culture-filer');
  await expect(dialog.getByText(/初始密码只显示这一次/)).toBeVisible();
  await screenshot(page, testInfo, 'onboarding-result.png');
  await dialog.getByRole('button', { name: buttonName('完成') }).click();
  await expect(page.locator('.ant-tree')).toContainText(DEPARTMENT);
});
