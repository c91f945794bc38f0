import { expect, type Page, type TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from './csp';
import { buttonName, chooseOption, logInToProjects } from './support';

const SCREENSHOTS = join(__dirname, '..', 'test-results', 'screenshots');

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, name);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

const dialog = (page: Page) => page.getByRole('dialog', { name: /新建项目/ });
const NAME = '政务数据共享平台运维';

test('a filer creates a project from 项目列表: the header proposed from the tree, the code generated, the draft opened for editing; a second of the same name is refused at the name; the draft-only project is deleted after a confirmation', async ({
  page,
}, testInfo) => {
  await logInToProjects(page, 'filer', 'demo');
  await page.getByRole('button', { name: buttonName('新建项目') }).click();
  await expect(dialog(page)).toBeVisible();
  await expect(dialog(page)).toContainText('2021 年度');

  // Proposed from the organisation tree: the filer's 预算单位 and its 主管部门; the code left to the system.
  await expect(dialog(page).getByLabel('实施单位')).toHaveValue(
    '上海市松江区科技创新服务中心（上海市松江区大数据中心）',
  );
  await expect(dialog(page).getByLabel('主管部门')).toHaveValue('松江区科学技术委员会');
  await expect(dialog(page).getByLabel('计划开始日期')).toHaveValue('2021-01-01');

  await dialog(page).getByLabel('项目名称').fill(NAME);
  await chooseOption(page, dialog(page).getByLabel('项目类别'), '经常性项目');
  await screenshot(page, testInfo, 'new-project-dialog.png');
  await dialog(page)
    .getByRole('button', { name: buttonName('创建并填报') })
    .click();

  // The new draft opens in edit mode with the header as entered.
  await expect(page).toHaveURL(/\/forms\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('textbox', { name: '项目名称' })).toHaveValue(NAME);
  await expect(page.getByRole('textbox', { name: '主管部门' })).toHaveValue('松江区科学技术委员会');
  await screenshot(page, testInfo, 'new-project-editor.png');

  // The same name again in the same unit and year: refused at the name, what was typed kept.
  await page.locator('.app-nav').getByRole('link', { name: '项目' }).click();
  const row = page.locator('.ant-table-tbody tr').filter({ hasText: NAME });
  await expect(row).toContainText(/2021-\d{4}/);
  await page.getByRole('button', { name: buttonName('新建项目') }).click();
  await dialog(page).getByLabel('项目名称').fill(NAME);
  await dialog(page)
    .getByRole('button', { name: buttonName('创建并填报') })
    .click();
  await expect(dialog(page)).toContainText('本单位 2021 年度已有同名项目');
  await expect(dialog(page).getByLabel('项目名称')).toHaveValue(NAME);
  await dialog(page)
    .getByRole('button', { name: buttonName('取消') })
    .click();

  // Only drafts offer 删除, and only after a confirmation.
  await row.getByRole('button', { name: buttonName('删除') }).click();
  await expect(page.getByRole('tooltip')).toContainText(`删除项目“${NAME}”？`);
  await page
    .getByRole('tooltip')
    .getByRole('button', { name: buttonName('删除') })
    .click();
  await expect(page.locator('.ant-table-tbody tr').filter({ hasText: NAME })).toHaveCount(0);
});
