import { expect, type Page, type Response } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from './csp';
import { buttonName, logIn } from './support';

// Issue 11, point 5: every page of the SPA under its Content-Security-Policy — no inline script, antd's run-time
// styles admitted by the per-request nonce — and Swagger UI under its own. The `test` of ./csp fails a test on any
// violation (as it does every browser test); this spec visits the routes of apps/web/src/app/router.tsx that need no
// data made first, opens a dialog and edit mode, and checks the nonce flow itself. It changes no data. The other
// routes (a 自评表, 修订对比) are visited, under the same watch, by self-evaluation.spec.ts and workflow.spec.ts.
const SCREENSHOTS = join(__dirname, '..', 'test-results', 'screenshots');
/** The theme's colorPrimary (apps/web/src/app/App.tsx), as computed: antd's styles are applied. */
const PRIMARY = 'rgb(31, 78, 140)';

type Policy = Record<string, string[]>;

function policyOf(response: Response | null): Policy {
  const header = response?.headers()['content-security-policy'];
  expect(header, 'the page has a Content-Security-Policy').toBeTruthy();
  return Object.fromEntries(
    header!
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );
}

/** The page was served with a style nonce, the one the page hands to antd and that every <style> tag carries. */
async function expectNonceFlow(page: Page, response: Response | null): Promise<void> {
  const policy = policyOf(response);
  expect(policy['script-src']).not.toContain("'unsafe-inline'");
  expect(policy['style-src']).not.toContain("'unsafe-inline'");
  const nonces = policy['style-src'].filter((source) => source.startsWith("'nonce-"));
  expect(nonces).toHaveLength(1);
  const nonce = nonces[0].slice("'nonce-".length, -1);
  const inPage = await page.evaluate(() => ({
    meta: document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce,
    styles: Array.from(document.querySelectorAll('style'), (style) => style.nonce),
  }));
  expect(inPage.meta).toBe(nonce);
  // antd's cssinjs has written its styles, each tag with the nonce.
  expect(inPage.styles.length).toBeGreaterThan(0);
  expect(new Set(inPage.styles)).toEqual(new Set([nonce]));
}

/** A primary button drawn in the theme's colour: antd's run-time styles were not refused. */
async function expectAntdStyled(page: Page): Promise<void> {
  await expect(page.locator('.ant-btn-primary').first()).toHaveCSS('background-color', PRIMARY);
}

async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

/** Goes to `path` by a full page load (a fresh index.html, a fresh nonce). */
async function load(page: Page, path: string): Promise<Response | null> {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  return response;
}

test('the login page loads under the policy with antd styled by the nonce, a fresh one per load', async ({ page }) => {
  const first = await load(page, '/login');
  await expect(page.getByLabel('用户名')).toBeVisible();
  await expectAntdStyled(page);
  await expectNonceFlow(page, first);
  const again = await load(page, '/login');
  await expectAntdStyled(page);
  await expectNonceFlow(page, again);
  expect(policyOf(again)['style-src']).not.toEqual(policyOf(first)['style-src']);
  await shoot(page, 'csp-login');
});

test('a filer’s pages: 待办, 项目列表, the form (its 提交 dialog, edit mode), 自评表 list', async ({ page }) => {
  await logIn(page, 'filer');

  let response = await load(page, '/inbox');
  await expect(page.getByRole('heading', { name: '待办' })).toBeVisible();
  await expectNonceFlow(page, response);

  response = await load(page, '/projects?year=2021');
  await expect(page.getByRole('heading', { name: '项目列表' })).toBeVisible();
  await expect(page.locator('.ant-table-tbody tr.ant-table-row')).not.toHaveCount(0);
  await expectNonceFlow(page, response);

  // The form page, reached as a user does, then loaded afresh at its own address.
  await page.getByRole('link', { name: '市民服务', exact: true }).click();
  await expect(page).toHaveURL(/\/forms\/[0-9a-f-]{36}$/);
  response = await load(page, new URL(page.url()).pathname);
  await expect(page.locator('.form-meta')).toBeVisible();
  await expectAntdStyled(page);
  await expectNonceFlow(page, response);
  await shoot(page, 'csp-form');

  // A dialog (antd Modal: its portal and scroll lock write styles of their own), then cancelled: nothing is sent.
  await page.getByRole('button', { name: buttonName('提交') }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await shoot(page, 'csp-form-dialog');
  await dialog.getByRole('button', { name: buttonName('取消') }).click();
  await expect(dialog).toBeHidden();

  // Edit mode: autoSize text areas (antd measures them with a hidden textarea's style), then left unchanged.
  await page.getByRole('button', { name: buttonName('编辑') }).click();
  const editor = page.getByRole('article', { name: '编辑绩效目标填报表' });
  await expect(editor).toBeVisible();
  await expect(editor.locator('textarea').first()).toBeVisible();
  await shoot(page, 'csp-form-edit');
  await page.getByRole('button', { name: buttonName('取消') }).click();
  await expect(editor).toHaveCount(0);

  response = await load(page, '/evaluations?year=2021');
  await expect(page.getByRole('heading', { name: /自评/ })).toBeVisible();
  await expectNonceFlow(page, response);
});

test('a supervisor’s 待办, an admin’s 评分规则 and 日志', async ({ page }) => {
  await logIn(page, 'supervisor');
  let response = await load(page, '/inbox');
  await expect(page.getByRole('heading', { name: '待办' })).toBeVisible();
  await expectNonceFlow(page, response);
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);

  await logIn(page, 'admin');
  response = await load(page, '/admin/scoring-policy?year=2021');
  // The page with its data (the year's weights), not only its heading.
  await expect(page.getByLabel('产出指标权重', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expectAntdStyled(page);
  await expectNonceFlow(page, response);
  await shoot(page, 'csp-scoring-policy');

  // 日志: the admin's own login is on record, and the CSV link downloads with the session cookie.
  response = await load(page, '/admin/audit-log');
  await expect(page.getByRole('heading', { name: '日志' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '登录成功' }).first()).toBeVisible();
  await expectAntdStyled(page);
  await expectNonceFlow(page, response);
  await shoot(page, 'csp-audit-log');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: /导出 CSV/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = readFileSync(await download.path());
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.toString('utf8')).toContain('登录成功');
});

test('the 审计管理员 reads 日志 and has no admin page', async ({ page }) => {
  await logIn(page, 'auditor');
  const nav = page.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByRole('link', { name: '日志' })).toBeVisible();
  await expect(nav.getByRole('link', { name: '评分规则' })).toHaveCount(0);
  const response = await load(page, '/admin/audit-log');
  await expect(page.getByRole('cell', { name: '王磊（审计管理员）（auditor）' }).first()).toBeVisible();
  await expectNonceFlow(page, response);
});

test('Swagger UI at /api/docs renders under its own policy', async ({ page }) => {
  const response = await load(page, '/api/docs');
  const policy = policyOf(response);
  expect(policy['script-src']).toEqual(["'self'"]);
  expect(policy['frame-ancestors']).toEqual(["'none'"]);
  await expect(page.locator('.swagger-ui .info .title')).toContainText('绩效通');
  await expect(page.locator('.swagger-ui .opblock').first()).toBeVisible();
  await shoot(page, 'csp-swagger', false);
});
