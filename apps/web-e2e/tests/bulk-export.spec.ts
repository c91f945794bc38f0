import { expect } from '@playwright/test';
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { test } from './csp';
import { logInToProjects } from './support';

test('批量导出 on 项目列表: the 主管部门 starts the year’s export, sees it finish and downloads the workbook', async ({
  page,
}, testInfo) => {
  await logInToProjects(page, 'supervisor');
  await page.getByRole('button', { name: '批量导出' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('批量导出 2021 年度')).toBeVisible();
  await expect(dialog.getByRole('radio', { name: '绩效目标填报表' })).toBeChecked();
  await dialog.getByRole('button', { name: '开始导出' }).click();

  const job = dialog.getByRole('listitem', { name: '2021 年度绩效目标填报表 · 工作簿' }).first();
  const link = job.getByRole('link', { name: '下载' });
  await expect(link).toBeVisible({ timeout: 30_000 });
  await expect(job.getByText('已完成')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('bulk-export-dialog.png') });

  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/^松江区科学技术委员会-2021年度绩效目标填报表（共\d+张）\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  const bytes = await readFile(await download.path());
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  expect(workbook.worksheets[0].name).toBe('汇总');
  expect(workbook.worksheets.length).toBeGreaterThan(1);
  expect(workbook.worksheets[1].getCell('A1').text).toBe('财政项目支出绩效目标填报表');

  // Closed, the job is found again on the 导出任务 page, with its link.
  await dialog.getByRole('button', { name: '关闭', exact: true }).click();
  await expect(dialog).toBeHidden();
  await page.locator('.app-nav').getByRole('link', { name: '导出任务' }).click();
  await expect(page).toHaveURL(/\/exports$/);
  const again = page.getByRole('list', { name: '最近的导出' }).getByRole('listitem', {
    name: '2021 年度绩效目标填报表 · 工作簿',
  });
  await expect(again.first().getByRole('link', { name: '下载' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('export-jobs-page.png') });
});
