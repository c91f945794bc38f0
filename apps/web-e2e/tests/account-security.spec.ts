import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateSync } from 'otplib';
import { test } from './csp';
import { apiAs, buttonName, callApi, submitLogin } from './support';

const SCREENSHOTS = join(__dirname, '..', 'test-results', 'screenshots');
const USERNAME = 'e2e-boss';
const INITIAL = 'Given-By-Admin-2026';
const OWN = 'Harbour#Lights-77';

/** The authenticator's code, `steps` periods from now (1: the next one, which the server accepts as drift). */
const codeFor = (secret: string, steps = 0) =>
  generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true });

test('a new admin changes the password an admin set, enrols TOTP, and then logs in with a code', async ({
  page,
  request,
}) => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // The demo admin (exempt from the second factor) creates a real admin at the 财政局.
  const headers = await apiAs(request, 'admin');
  const organizations = await callApi(request, 'get', '/api/organizations', { headers });
  const bureau = organizations.find((o) => o.kind === 'finance_bureau')!;
  await callApi(request, 'post', '/api/users', {
    headers,
    body: {
      username: USERNAME,
      displayName: '新任管理员',
      password: INITIAL,
      organizationId: bureau.id,
      roles: ['admin'],
    },
  });

  // First login: the password an admin set must be changed first, with the rules shown as the user types.
  await submitLogin(page, USERNAME, INITIAL);
  await expect(page.getByRole('heading', { name: '请修改初始密码' })).toBeVisible();
  await expect(page.locator('.app-nav')).toHaveCount(0);
  await page.getByLabel('当前密码').fill(INITIAL);
  const rules = page.getByRole('list', { name: '密码要求' });
  await page.getByLabel('新密码', { exact: true }).fill('e2e-boss-1');
  await expect(rules).toContainText('不含用户名');
  await expect(page.getByText('密码不能是用户名，也不能包含用户名')).toBeVisible();
  await page.getByLabel('新密码', { exact: true }).fill(OWN);
  await page.getByLabel('再次输入新密码').fill(OWN);
  await shot(page, 'forced-password-change.png');
  await page.getByRole('button', { name: buttonName('修改密码') }).click();

  // Then, as an admin, a second factor before anything else.
  await expect(page.getByRole('heading', { name: '请启用双因素认证' })).toBeVisible();
  await page.getByRole('button', { name: '开始启用双因素认证' }).click();
  await expect(page.getByRole('img', { name: '双因素认证二维码' })).toBeVisible();
  const secret = (await page.locator('.totp-secret').innerText()).trim();
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await shot(page, 'totp-enrolment-qr.png');
  await page.getByLabel('验证器上的 6 位验证码').fill('000000');
  await page.getByRole('button', { name: buttonName('确认启用') }).click();
  await expect(page.getByText('验证码不正确')).toBeVisible();
  await page.getByLabel('验证器上的 6 位验证码').fill(codeFor(secret));
  await page.getByRole('button', { name: buttonName('确认启用') }).click();
  const codes = page.getByRole('list', { name: '恢复码' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  await shot(page, 'totp-recovery-codes.png');
  await page.getByRole('button', { name: '我已保存恢复码，继续' }).click();
  await expect(page.getByRole('heading', { name: '请启用双因素认证' })).toHaveCount(0);
  await expect(page).toHaveURL(/\/inbox$/);

  // Out, and in again: the password, then the code.
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await submitLogin(page, USERNAME, OWN);
  await expect(page.getByLabel('验证码')).toBeVisible();
  await shot(page, 'login-second-step.png');
  await page.getByLabel('验证码').fill(codeFor(secret, 1));
  await page.getByRole('button', { name: '验证并登录' }).click();
  await expect(page).toHaveURL(/\/inbox$/);

  // 个人设置 shows the second factor on (an admin cannot switch it off) and this device; 安全设置 is editable here.
  await page.locator('.app-header').getByRole('link', { name: '新任管理员' }).click();
  await expect(page.getByRole('heading', { name: '个人设置' })).toBeVisible();
  await expect(page.getByText('管理员账号必须使用双因素认证，不能停用')).toBeVisible();
  await expect(page.getByText('本机')).toBeVisible();
  await shot(page, 'account-settings.png');
  await page.locator('.app-nav').getByRole('link', { name: '安全设置' }).click();
  await expect(page.getByLabel('会话空闲超时')).toHaveValue('30');
  await shot(page, 'security-settings.png');
});
