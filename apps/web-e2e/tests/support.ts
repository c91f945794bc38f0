import {
  expect,
  type APIRequestContext,
  type Browser,
  type Locator,
  type Page,
  type Request,
  type TestInfo,
} from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  apiUrl,
  type ApiOperationOf,
  type ApiPathsWith,
  type ApiRequest,
  type ApiSuccess,
  type HttpMethod,
  type ProjectHeader,
  type TransitionRequest,
} from '@jxt/contracts';
import { copyIndicatorSets } from '@jxt/domain';
import { watchCsp } from './csp';
import type { UserActions } from './user-actions';

/**
 * antd puts a space between the two characters of a two-character button ("登 录"): match with or without. After a
 * request, antd can leave its collapsed loading icon in the button until its leave motion ends, which adds "loading"
 * to the accessible name for a while: that prefix is allowed too.
 */
export const buttonName = (label: string) => new RegExp(`^(loading\\s*)?${[...label].join('\\s*')}$`);

/** Fills in and sends the login form (whatever the answer). */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: buttonName('登录') }).click();
}

/** Logs in through the login page; everyone lands on 待办. */
export async function logIn(page: Page, username: string, password = 'demo'): Promise<void> {
  await submitLogin(page, username, password);
  await expect(page).toHaveURL(/\/inbox$/);
}

/** Logs in and goes to 项目列表, as a filer does to reach a form. */
export async function logInToProjects(page: Page, username: string, password = 'demo'): Promise<void> {
  await logIn(page, username, password);
  await goToProjects(page);
}

/** A separate browser (own cookies) for one user, logged in; its CSP violations fail the test as the page's do. */
export async function logInNewContext(browser: Browser, username: string, password = 'demo'): Promise<Page> {
  const context = await browser.newContext();
  await watchCsp(context);
  const page = await context.newPage();
  await logIn(page, username, password);
  return page;
}

/**
 * Chooses an option of an antd Select by keyboard. A mouse click can land while the list is still in its opening motion:
 * antd then loses it and leaves the list open over the controls below (CI saw both).
 */
export async function chooseOption(page: Page, select: Locator, option: string): Promise<void> {
  await select.focus();
  await select.press('ArrowDown');
  const active = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active');
  await expect(active).toHaveCount(1);
  for (let i = 0; i < 20 && !((await active.textContent()) ?? '').startsWith(option); i++)
    await select.press('ArrowDown');
  await expect(active).toContainText(option);
  await select.press('Enter');
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(0);
}

/**
 * The list of an antd Select or TreeSelect, opened by `open`, once its opening motion has ended (rc-motion's slide-up
 * classes are gone). A click during the motion is lost and the list stays open over the controls below: the form then
 * went on without the choice (项目类别未填写 at 提交), or a checkbox under it could not be checked (新增用户's 填报人),
 * both seen in full runs.
 */
async function openedList(page: Page, open: () => Promise<void>): Promise<Locator> {
  await open();
  const list = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  await expect(list).toBeVisible();
  await expect(list).not.toHaveClass(/slide-up/);
  return list;
}

/** Opens an antd Select or TreeSelect with a click; its list once the opening motion has ended. */
export function openList(page: Page, select: Locator): Promise<Locator> {
  return openedList(page, () => select.click());
}

/**
 * Picks an antd Select's option with the mouse, as a counted user would: a click on the select, then one on the
 * option once the list has opened. The list closes once the option is taken.
 */
export async function pickOption(
  act: UserActions,
  page: Page,
  select: Locator,
  option: string,
  what: string,
): Promise<void> {
  const list = await openedList(page, () => act.click(select, what));
  await act.click(list.locator(`.ant-select-item-option[title="${option}"]`), option);
  await expect(list).toHaveCount(0);
}

/** Picks a node of an antd TreeSelect by its title once the list has opened; the list closes once it is taken. */
export async function pickTreeNode(page: Page, select: Locator, title: string): Promise<void> {
  const list = await openList(page, select);
  await list.locator('.ant-select-tree').getByTitle(title, { exact: true }).click();
  await expect(list).toHaveCount(0);
}

/**
 * 新建项目 from 项目列表 as a counted user does it: the name and the category (经常性项目); the unit, 主管部门, 实施单位,
 * dates and 新增 are proposed, the code generated. Ends in the new project's editor.
 */
export async function newProjectCounted(act: UserActions, page: Page, name: string): Promise<void> {
  await act.click(page.getByRole('button', { name: buttonName('新建项目') }), '新建项目');
  const dialog = page.getByRole('dialog', { name: /新建项目/ });
  await act.fill(dialog.getByLabel('项目名称'), name, '项目名称');
  await pickOption(act, page, dialog.getByLabel('项目类别'), '经常性项目', '项目类别');
  await act.click(dialog.getByRole('button', { name: buttonName('创建并填报') }), '创建并填报');
  await expect(page).toHaveURL(/\/forms\/[0-9a-f-]{36}$/);
}

/** Clicks a button of the open Popconfirm once its opening motion has ended (a click during it can be lost). */
export async function confirmPopconfirm(page: Page, button: string): Promise<void> {
  const popup = page.locator('.ant-popconfirm:visible');
  await expect(popup).not.toHaveClass(/zoom/);
  await popup.getByRole('button', { name: buttonName(button) }).click();
}

/** From the header to 项目列表. */
export async function goToProjects(page: Page): Promise<void> {
  await page.locator('.app-nav').getByRole('link', { name: '项目' }).click();
  await expect(page).toHaveURL(/\/projects/);
}

/**
 * Counts the page's API reads in flight from now on; `settled()` resolves once none has been for `quietMs`. Playwright's
 * `networkidle` is about the document's load only and says nothing of the reads a page of the SPA starts later.
 */
export function watchApiReads(page: Page): { settled: (quietMs?: number) => Promise<void> } {
  let inFlight = 0;
  let lastChange = Date.now();
  const count = (url: string, change: number) => {
    if (!new URL(url).pathname.startsWith('/api/')) return;
    inFlight += change;
    lastChange = Date.now();
  };
  page.on('request', (request) => count(request.url(), +1));
  const done = (request: Request) => count(request.url(), -1);
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    settled: (quietMs = 500) =>
      expect
        .poll(() => inFlight === 0 && Date.now() - lastChange >= quietMs, { intervals: [100], timeout: 30_000 })
        .toBe(true),
  };
}

type CallOptions<O> = ApiRequest<O> & { headers?: Record<string, string> };
type CallArgs<O> = object extends ApiRequest<O> ? [options?: CallOptions<O>] : [options: CallOptions<O>];

/**
 * An API call of test setup, typed by the generated paths as the SPA's client is: `callApi(request, 'get',
 * '/api/forms/{id}', { path: { id } })` answers a GoalForm. Any answer but 2xx fails the test with the server's words.
 */
export async function callApi<M extends HttpMethod, P extends ApiPathsWith<M>>(
  request: APIRequestContext,
  method: M,
  path: P,
  ...[options]: CallArgs<ApiOperationOf<P, M>>
): Promise<ApiSuccess<ApiOperationOf<P, M>>> {
  const {
    path: params,
    query,
    body,
    headers,
  } = (options ?? {}) as {
    path?: Record<string, string | number>;
    query?: Record<string, string | number | boolean | null | undefined>;
    body?: unknown;
    headers?: Record<string, string>;
  };
  const response = await request.fetch(apiUrl(path, params, query), {
    method: method.toUpperCase(),
    headers,
    data: body,
  });
  expect(response.ok(), `${method.toUpperCase()} ${path}: ${response.status()} ${await response.text()}`).toBe(true);
  // The document's type for this answer; the API's integration tests check real answers against the same document.
  return (response.status() === 204 ? undefined : await response.json()) as ApiSuccess<ApiOperationOf<P, M>>;
}

/** Headers for API calls in test setup: the bearer token of a fresh login. */
export async function apiAs(
  request: APIRequestContext,
  username: string,
  password = 'demo',
): Promise<Record<string, string>> {
  const session = await callApi(request, 'post', '/api/auth/login', { body: { username, password } });
  // The demo users hold no second factor: their login opens a session at once (no 202 challenge).
  if (!('accessToken' in session)) throw new Error(`${username} has a second factor: log in through the page`);
  return { authorization: `Bearer ${session.accessToken}` };
}

/** What an approved copy of the demo's 市民服务 form changes: its code and name, and who files it where. */
export interface SeedCopy {
  code: string;
  name: string;
  /** The year 计划完成日期 and 项目总目标's period end in (the seed's own runs to 2022). */
  endYear: 2021 | 2022;
  printedDepartment?: string;
  /** Who creates and submits it (default: the demo filer 张文, in the seed's unit). */
  filer?: { headers: Record<string, string>; name: string; phone: string; organizationId: string };
}

/**
 * Setup through the API: a 2021 project whose form holds the demo's 市民服务 content (its indicators as new ones),
 * taken through 审批 — submitted, approved and reported by the supervisor, approved by finance.
 */
export async function approvedSeedCopy(
  request: APIRequestContext,
  copy: SeedCopy,
): Promise<{ projectId: string; formId: string }> {
  const demo = await apiAs(request, 'filer');
  const list = await callApi(request, 'get', '/api/projects', {
    query: { year: 2021, search: '市民服务' },
    headers: demo,
  });
  const seed = await callApi(request, 'get', '/api/forms/{id}', { path: { id: list.items[0].formId }, headers: demo });
  const filer = copy.filer ?? {
    headers: demo,
    name: '张文',
    phone: '021-57820101',
    organizationId: seed.project.organizationId,
  };
  const header: ProjectHeader = {
    code: copy.code,
    name: copy.name,
    categoryCode: seed.project.categoryCode,
    continuity: 'new',
    functionClassCode: seed.project.functionClassCode,
    printedDepartment: copy.printedDepartment ?? seed.project.printedDepartment,
    printedImplementingUnit: null,
    plannedStart: '2021-01-01',
    plannedEnd: `${copy.endYear}-12-31`,
  };
  const { id: projectId, formId } = await callApi(request, 'post', '/api/projects', {
    headers: filer.headers,
    body: { ...header, organizationId: filer.organizationId, year: 2021 },
  });
  await callApi(request, 'put', '/api/forms/{id}', {
    path: { id: formId },
    headers: filer.headers,
    body: {
      rowVersion: 1,
      project: header,
      funds: seed.funds,
      totalGoal: seed.totalGoal,
      annualGoal: seed.annualGoal,
      goalPeriodStart: 2021,
      goalPeriodEnd: copy.endYear,
      indicators: copyIndicatorSets(seed.indicators),
    },
  });
  const supervisor = await apiAs(request, 'supervisor');
  const steps: [Record<string, string>, Omit<TransitionRequest, 'rowVersion'>][] = [
    [filer.headers, { action: 'submit', filerName: filer.name, filerPhone: filer.phone }],
    [supervisor, { action: 'approve' }],
    [supervisor, { action: 'report' }],
    [await apiAs(request, 'finance'), { action: 'approve', reviewResult: 'excellent', comment: '同意' }],
  ];
  for (const [headers, body] of steps) {
    const form = await callApi(request, 'get', '/api/forms/{id}', { path: { id: formId }, headers });
    await callApi(request, 'post', '/api/forms/{id}/transitions', {
      path: { id: formId },
      headers,
      body: { ...body, rowVersion: form.rowVersion },
    });
  }
  return { projectId, formId };
}

/** No horizontal scrollbar: the page is no wider than the window. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, `page ${scrollWidth}px wide in a ${clientWidth}px window`).toBeLessThanOrEqual(clientWidth);
}

/** Where the specs' screenshots go (looked at by people, attached to the report). */
export const SCREENSHOTS = join(__dirname, '..', 'test-results', 'screenshots');

/** A full-page screenshot `file` (.png) in SCREENSHOTS, attached to the test's report as `name`. */
export async function saveScreenshot(page: Page, testInfo: TestInfo, file: string, name = file): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${file}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/**
 * A unit out of the demo users' sight, under a 主管部门 of its own no demo user reviews, and its filer with their own
 * password set (made by the admin through the API): a spec that writes there leaves the demo's lists as they are.
 */
export async function filerOfNewUnit(
  request: APIRequestContext,
  names: { department: string; unit: string },
  filer: { username: string; name: string; password: string; phone: string },
): Promise<void> {
  const admin = await apiAs(request, 'admin');
  const organizations = await callApi(request, 'get', '/api/organizations', { headers: admin });
  const bureau = organizations.find((o) => o.kind === 'finance_bureau')!;
  const department = await callApi(request, 'post', '/api/organizations', {
    headers: admin,
    body: { parentId: bureau.id, kind: 'department', name: names.department },
  });
  const unit = await callApi(request, 'post', '/api/organizations', {
    headers: admin,
    body: { parentId: department.id, kind: 'unit', name: names.unit },
  });
  const created = await callApi(request, 'post', '/api/users', {
    headers: admin,
    body: {
      username: filer.username,
      displayName: filer.name,
      phone: filer.phone,
      organizationId: unit.id,
      roles: ['filer'],
    },
  });
  const first = await apiAs(request, filer.username, created.initialPassword!);
  await callApi(request, 'post', '/api/auth/password', {
    headers: first,
    body: { currentPassword: created.initialPassword!, newPassword: filer.password },
  });
}
