import { expect } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { test } from './csp';
import { logInToProjects } from './support';

test('导出 Excel on a form downloads the official 填报表 as .xlsx, named after the project', async ({ page }) => {
  await logInToProjects(page, 'filer');
  await page.getByRole('link', { name: '网络信息系统运行与维护', exact: true }).click();
  await expect(page.getByRole('article', { name: '财政项目支出绩效目标填报表' })).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: '导出 Excel' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('网络信息系统运行与维护-2021年度绩效目标填报表.xlsx');

  const workbook = new ExcelJS.Workbook();
  const bytes = await readFile(await download.path());
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const sheet = workbook.worksheets[0];
  expect(sheet.getCell('A1').text).toBe('财政项目支出绩效目标填报表');
  expect(sheet.getCell('B3').text).toBe('网络信息系统运行与维护');
  // The page stays where it was: a download, not a navigation.
  await expect(page.getByRole('article', { name: '财政项目支出绩效目标填报表' })).toBeVisible();
});
