import { expect, type Page, type TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, watchCsp } from './csp';
import {
  buttonName,
  chooseOption,
  confirmPopconfirm,
  logIn,
  pickTreeNode,
  submitLogin,
  watchApiReads,
} from './support';

const SCREENSHOTS = join(__dirname, '..', 'test-results', 'screenshots');

async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, name);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

const UNIT = '松江区科技档案馆';
const USERNAME = 'e2e-archive-filer';
const OWN = 'Archive#Shelves-2026';

test('the admin creates a unit under a 主管部门 and a filer there; the filer logs in with the initial password shown once and must change it', async ({
  page,
  browser,
}, testInfo) => {
  // Three admin screens, two logins and a password change in one story: about a minute, more on a loaded machine.
  test.setTimeout(240_000);
  const reads = watchApiReads(page);
  await logIn(page, 'admin', 'demo');

  // 组织机构: a 预算单位 under the 主管部门, with its 单位类型.
  await page.locator('.app-nav').getByRole('link', { name: '组织机构' }).click();
  await expect(page).toHaveURL(/\/admin\/organizations$/);
  await page.locator('.ant-tree').getByText('松江区科学技术委员会', { exact: true }).click();
  const details = page.getByLabel('组织详情：松江区科学技术委员会');
  await expect(details).toContainText('负责审核的财政科室');
  await expect(details).toContainText('科教文卫科');
  await details.getByRole('button', { name: '新增下级' }).click();
  const add = page.getByRole('dialog', { name: '在「松江区科学技术委员会」下新增组织' });
  await expect(add.getByLabel('类型', { exact: true })).toBeVisible();
  await add.getByLabel('名称', { exact: true }).fill(UNIT);
  await chooseOption(page, add.getByLabel('单位类型'), '公益一类事业单位');
  await screenshot(page, testInfo, 'admin-organization-add.png');
  await add.getByRole('button', { name: buttonName('新增') }).click();
  await expect(add).toBeHidden();
  const created = page.getByLabel(`组织详情：${UNIT}`);
  await expect(created).toContainText('上级松江区科学技术委员会');
  await expect(created.getByLabel('名称', { exact: true })).toHaveValue(UNIT);
  await expect(page.locator('.ant-tree')).toContainText(UNIT);
  await screenshot(page, testInfo, 'admin-organizations.png');
  // The creation's refresh (tree, users, 财政科室) ends before the next node is chosen.
  await reads.settled();

  // 删除 of a unit with members is refused, and 停用 offered instead (not taken here).
  await page
    .locator('.ant-tree')
    .getByText('上海市松江区科技创新服务中心（上海市松江区大数据中心）', { exact: true })
    .click();
  const busy = page.getByLabel('组织详情：上海市松江区科技创新服务中心（上海市松江区大数据中心）');
  await busy.getByRole('button', { name: buttonName('删除') }).click();
  // The refusal is the server's (409: the unit still has users and projects), checked apart from the dialog showing it.
  const deletion = page.waitForResponse(
    (response) => response.request().method() === 'DELETE' && /\/api\/organizations\//.test(response.url()),
    { timeout: 30_000 },
  );
  await confirmPopconfirm(page, '删除');
  expect((await deletion).status()).toBe(409);
  const refused = page.getByRole('dialog').filter({ hasText: '不能删除' });
  await expect(refused).toContainText('不能删除；可以停用');
  await expect(refused.getByRole('button', { name: '改为停用' })).toBeVisible();
  await screenshot(page, testInfo, 'admin-organization-delete-refused.png');
  await refused.getByRole('button', { name: buttonName('取消') }).click();
  await expect(refused).toBeHidden();

  // 用户: a filer of the new unit; the initial password is generated and shown once.
  await page.locator('.app-nav').getByRole('link', { name: '用户' }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await page.getByRole('button', { name: '新增用户' }).click();
  const form = page.getByRole('dialog', { name: '新增用户' });
  await form.getByLabel('用户名（登录名）').fill(USERNAME);
  await form.getByLabel('姓名').fill('赵档案');
  await pickTreeNode(page, form.getByLabel('所属组织'), UNIT);
  await form.getByLabel('填报人').check();
  await screenshot(page, testInfo, 'admin-user-create.png');
  await form.getByRole('button', { name: buttonName('新增') }).click();
  const once = page.getByRole('dialog', { name: '用户已创建' });
  await expect(once).toContainText('密码只显示这一次');
  await expect(once).toContainText(`赵档案（${USERNAME}）`);
  const initial = (await once.locator('code').innerText()).trim();
  expect(initial.length).toBeGreaterThanOrEqual(14);
  await screenshot(page, testInfo, 'admin-user-initial-password.png');
  await once.getByRole('button', { name: '我已记下' }).click();
  await expect(once).toBeHidden();
  await expect(page.getByText(initial)).toHaveCount(0);
  await page.getByLabel('查找用户').fill('赵');
  const row = page.getByRole('row').filter({ hasText: USERNAME });
  await expect(row).toContainText(UNIT);
  await expect(row).toContainText('待修改初始密码');
  await page.getByLabel('查找用户').fill('');
  await screenshot(page, testInfo, 'admin-users.png');

  // 财政科室: which 主管部门 each division reviews.
  await page.locator('.app-nav').getByRole('link', { name: '财政科室' }).click();
  await expect(page).toHaveURL(/\/admin\/finance-divisions$/);
  const division = page.getByRole('row').filter({ hasText: '科教文卫科' });
  await expect(division).toContainText('松江区科学技术委员会');
  await screenshot(page, testInfo, 'admin-finance-divisions.png');

  // The filer logs in with the initial password and must set their own first.
  const context = await browser.newContext();
  await watchCsp(context);
  const filer = await context.newPage();
  await submitLogin(filer, USERNAME, initial);
  await expect(filer.getByRole('heading', { name: '请修改初始密码' })).toBeVisible();
  await expect(filer.locator('.app-nav')).toHaveCount(0);
  await filer.getByLabel('当前密码').fill(initial);
  await filer.getByLabel('新密码', { exact: true }).fill(OWN);
  await filer.getByLabel('再次输入新密码').fill(OWN);
  await screenshot(filer, testInfo, 'admin-created-filer-forced-change.png');
  await filer.getByRole('button', { name: buttonName('修改密码') }).click();
  await expect(filer).toHaveURL(/\/inbox$/);
  await expect(filer.locator('.app-nav')).toBeVisible();
  await context.close();

  // The admin's list now shows the filer as 正常.
  await page.locator('.app-nav').getByRole('link', { name: '用户' }).click();
  await expect(page.getByRole('row').filter({ hasText: USERNAME })).toContainText('正常');
});
