import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from './csp';
import {
  apiAs,
  callApi,
  chooseOption,
  expectNoHorizontalScroll,
  logInToProjects,
  openList,
  pickTreeNode,
  submitLogin,
  watchApiReads,
} from './support';

// The fresh database of this run holds the demo tenant: filer's unit has three 2021 forms, all drafts.
const FILER = {
  username: 'filer',
  password: 'demo',
  name: '张文（填报人）',
  role: '填报人',
  organization: '上海市松江区科技创新服务中心（上海市松江区大数据中心）',
};
const PROJECTS_2021 = [
  { code: '2021-KCZX-001', name: '市民服务', amount: '213,500.00' },
  { code: '2021-KCZX-002', name: '项目服务管理', amount: '1,450,000.00' },
  { code: '2021-KCZX-003', name: '网络信息系统运行与维护', amount: '8,927,300.00' },
];
const SCREENSHOTS = join(__dirname, '..', 'test-results', 'screenshots');

const rows = (page: Page) => page.locator('.ant-table-tbody tr.ant-table-row');

test('a filer logs in, sees who is working and the unit’s 2021 projects, searches, and logs out', async ({ page }) => {
  await logInToProjects(page, FILER.username, FILER.password);
  await expect(page).toHaveURL(/\/projects\?year=2021$/);

  const header = page.locator('.app-header');
  await expect(header).toContainText(FILER.name);
  await expect(header).toContainText(FILER.role);
  await expect(header).toContainText(FILER.organization);

  await expect(page.getByRole('heading', { name: '项目列表' })).toBeVisible();
  await expect(rows(page)).toHaveCount(3);
  for (const project of PROJECTS_2021) {
    const row = rows(page).filter({ has: page.getByRole('link', { name: project.name, exact: true }) });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText(project.code);
    await expect(row.locator('td.money-cell')).toHaveText(project.amount);
    await expect(row).toContainText('草稿');
    await expect(row).toContainText(FILER.organization);
  }
  await expect(page.getByText('共 3 个项目')).toBeVisible();
  // The amount column lines up on the right.
  await expect(rows(page).first().locator('td.money-cell')).toHaveCSS('text-align', 'right');

  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, 'list-1280x720.png') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: join(SCREENSHOTS, 'list-1920x1080.png') });
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.getByRole('searchbox', { name: '搜索项目名称或编码' }).fill('网络');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first()).toContainText('网络信息系统运行与维护');
  await expect(page).toHaveURL(/[?&]q=%E7%BD%91%E7%BB%9C/);
  await expect(page.getByText('共 1 个项目')).toBeVisible();

  // The filtered list survives a reload: its state is in the URL.
  await page.reload();
  await expect(rows(page)).toHaveCount(1);
  await expect(page.getByRole('searchbox', { name: '搜索项目名称或编码' })).toHaveValue('网络');

  await page.getByRole('searchbox', { name: '搜索项目名称或编码' }).fill('没有这个项目');
  await expect(page.getByText('没有符合条件的项目')).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'list-empty-1280x720.png') });

  // A project's name opens its form.
  await page.getByRole('button', { name: '重置筛选' }).click();
  await expect(rows(page)).toHaveCount(3);
  await rows(page).getByRole('link', { name: '市民服务', exact: true }).click();
  await expect(page).toHaveURL(/\/forms\/[0-9a-f-]{36}$/);
  await page.goBack();
  await expect(rows(page)).toHaveCount(3);

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByLabel('用户名')).toBeVisible();
  // The session is gone on the server too: the list sends the user back to log in.
  await page.goto('/projects?year=2021');
  await expect(page).toHaveURL(/\/login$/);
});

test('at 1024×768 every column of 项目列表 is readable: 状态 and the amounts inside the window, no scrolling sideways', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await logInToProjects(page, FILER.username, FILER.password);
  await expect(rows(page)).toHaveCount(3);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, 'list-1024x768.png') });

  await expectNoHorizontalScroll(page);
  // The table itself does not scroll sideways either (a scrollbar under the rows hides 状态 just as well).
  const table = page.locator('.ant-table-content, .ant-table-body').first();
  const { scrollWidth, clientWidth } = await table.evaluate((element) => ({
    scrollWidth: element.scrollWidth,
    clientWidth: element.clientWidth,
  }));
  expect(scrollWidth, `table ${scrollWidth}px wide in ${clientWidth}px`).toBeLessThanOrEqual(clientWidth);

  const headers = page.locator('.ant-table-thead th');
  for (const title of ['项目编码', '项目名称', '单位', '项目类别', '年度资金申请总额（元）', '状态']) {
    const header = headers.filter({ hasText: title });
    await expect(header).toBeInViewport({ ratio: 1 });
  }
  const statusColumn = (await headers.allTextContents()).indexOf('状态');
  expect(statusColumn).toBeGreaterThan(0);
  for (const row of await rows(page).all()) {
    const cell = row.locator('td').nth(statusColumn);
    await expect(cell).toContainText('草稿');
    await expect(cell).toBeInViewport({ ratio: 1 });
    const box = (await cell.boundingBox())!;
    expect(box.x + box.width, 'right edge of the 状态 cell').toBeLessThanOrEqual(1024);
    // The amount is on one line, whole.
    await expect(row.locator('td.money-cell')).toBeInViewport({ ratio: 1 });
  }
});

test('a wrong password shows the server’s message and stays on the login page', async ({ page }) => {
  await submitLogin(page, FILER.username, 'not-the-password');
  await expect(page.getByRole('alert')).toHaveText('用户名或密码错误');
  await expect(page).toHaveURL(/\/login$/);
  await page.screenshot({ path: join(SCREENSHOTS, 'login-error-1280x720.png') });
});

test('a session revoked elsewhere sends the user back to log in, with a message, at the next action', async ({
  page,
  playwright,
  baseURL,
}) => {
  // A machine as slow as CI's (the CPU six times slower): there the page was still reading when the session ended.
  const devtools = await page.context().newCDPSession(page);
  await devtools.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  const reads = watchApiReads(page);
  await logInToProjects(page, FILER.username, FILER.password);
  await expect(page.getByRole('heading', { name: '项目列表' })).toBeVisible();
  await expect(rows(page)).toHaveCount(3);
  // The page's own reads (the year, the tree, the categories) end first: one of them answered 401 would send the user
  // to log in before the action this test is about (CI, slower, revoked the session while they were on their way).
  await reads.settled();

  // The same user, on another device, ends every other session (the browser's among them).
  const other = await playwright.request.newContext({ baseURL });
  const auth = await apiAs(other, FILER.username, FILER.password);
  const sessions = await callApi(other, 'get', '/api/auth/sessions', { headers: auth });
  const elsewhere = sessions.filter((session) => !session.current);
  expect(elsewhere.length).toBeGreaterThan(0);
  for (const session of elsewhere)
    await callApi(other, 'delete', '/api/auth/sessions/{id}', { path: { id: session.id }, headers: auth });
  await other.dispose();

  // Nothing happens until the user acts: then the list's request gets 401 and the app goes to login.
  await page.getByRole('searchbox', { name: '搜索项目名称或编码' }).fill('市民');
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByText('登录已失效，请重新登录（会话已结束）')).toBeVisible();

  // Logging in again returns to where the user was.
  await page.getByLabel('用户名').fill(FILER.username);
  await page.getByLabel('密码').fill(FILER.password);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  await expect(page).toHaveURL(/\/projects/);
  await expect(rows(page).first()).toBeVisible();
});

test('the finance reviewer (科教文卫科) filters by organisation from the tree and by status', async ({ page }) => {
  await logInToProjects(page, 'finance', 'demo');
  await expect(rows(page)).toHaveCount(3);

  // What the division reviews: its assigned 主管部门 down to the unit's internal departments.
  const units = await openList(page, page.locator('.ant-select').filter({ hasText: '全部单位' }));
  const tree = units.locator('.ant-select-tree');
  for (const name of ['科教文卫科', '松江区科学技术委员会', FILER.organization, '信息化发展部'])
    await expect(tree.getByTitle(name, { exact: true })).toBeVisible();
  await page.screenshot({ path: join(SCREENSHOTS, 'list-org-tree-1280x720.png') });

  // An internal department without projects of its own: nothing.
  await tree.getByTitle('信息化发展部', { exact: true }).click();
  await expect(page.getByText('没有符合条件的项目')).toBeVisible();
  await expect(page).toHaveURL(/[?&]org=[0-9a-f-]{36}/);

  // The unit: its three projects (its subtree).
  await pickTreeNode(page, page.locator('.ant-select').filter({ hasText: '信息化发展部' }), FILER.organization);
  await expect(rows(page)).toHaveCount(3);

  // Every form is a draft: 已提交 finds none, 草稿 all three.
  const status = page.getByRole('combobox', { name: '表单状态' });
  await chooseOption(page, status, '已提交');
  await expect(page.getByText('没有符合条件的项目')).toBeVisible();
  await chooseOption(page, status, '草稿');
  await expect(rows(page)).toHaveCount(3);
  await expect(page).toHaveURL(/[?&]status=draft/);
});
