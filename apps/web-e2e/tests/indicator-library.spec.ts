import { expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from './csp';
import { buttonName, logIn } from './support';

// Issue 14 point 1, the 指标库 as the demo filer meets it: the nav entry, the seeded tiers, a search by pinyin
// initials (gzmyd → 公众满意度), and 停用/启用 of one of the unit's own 个性指标 (put back at the end).

const SCREENSHOTS = join(__dirname, '..', 'test-results', 'screenshots');

test('the filer searches the 指标库 by pinyin initials and retires then restores one of the unit’s own entries', async ({
  page,
}) => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await logIn(page, 'filer');
  await page.locator('.app-nav').getByRole('link', { name: '指标库' }).click();
  await expect(page).toHaveURL(/\/indicator-library$/);
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.filter({ hasText: '公众满意度' })).toContainText('共性指标');
  await expect(rows.filter({ hasText: '是否完成专家库的模块开发' })).toContainText('个性指标');
  await page.screenshot({ path: join(SCREENSHOTS, 'indicator-library.png'), fullPage: true });

  await page.getByLabel('检索指标').fill('gzmyd');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('公众满意度');
  await expect(rows.first()).toContainText('>=90%');
  await page.screenshot({ path: join(SCREENSHOTS, 'indicator-library-gzmyd.png'), fullPage: true });

  await page.getByLabel('检索指标').fill('专家库');
  const own = rows.filter({ hasText: '是否完成专家库的模块开发' });
  await expect(rows).toHaveCount(1);
  await own.getByRole('button', { name: buttonName('停用') }).click();
  await expect(own).toHaveClass(/library-row-retired/);
  await expect(own).toContainText('已停用');
  await own.getByRole('button', { name: buttonName('启用') }).click();
  await expect(own).not.toHaveClass(/library-row-retired/);
});
