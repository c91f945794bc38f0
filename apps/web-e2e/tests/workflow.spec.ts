import { expect, type APIRequestContext, type Browser, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { GoalForm, Level1Group, Level1GroupInput, ProjectHeader, SaveFormRequest } from '@jxt/contracts';
import { test } from './csp';
import { buttonName, callApi, logInNewContext } from './support';

// The path, each person in their own browser: filer submits (填报人 and 联系电话 proposed from the
// profile) → supervisor returns with a comment → filer sees it, fixes, resubmits → supervisor approves and
// 汇总报送 (待办 no longer shows the settled 退回 comment) → finance approves → the form is locked and prints its
// 审核结果 and footer → reopen for adjustment (调整) → the diff shows the change. Setup only goes through the API: a
// fresh project with the content of the seeded form 网络信息系统运行与维护, so that no other test's forms are touched.
const SCREENSHOTS = join(__dirname, '..', 'test-results', 'screenshots');
const PRINT = join(__dirname, '..', 'test-results', 'print');
const STAMP = Date.now().toString(36).toUpperCase();
const PROJECT = { code: `E2E-WF-${STAMP}`, name: `审批流程测试项目 ${STAMP}` };
const COMMENT = '项目资金总额应为 9,000,000.00 元（含新增等保测评），请同时调整财政资金。';

const button = buttonName;

test.describe.configure({ mode: 'serial' });

async function apiLogin(request: APIRequestContext, username: string): Promise<Record<string, string>> {
  const session = await callApi(request, 'post', '/api/auth/login', { body: { username, password: 'demo' } });
  // The demo users hold no second factor: a session at once, never a 202 challenge.
  if (!('csrfToken' in session)) throw new Error(`${username} has a second factor`);
  return { 'x-csrf-token': session.csrfToken };
}

/** Like toSaveRequest of libs/domain: only what a save takes, indicators without their ids. */
function contentOf(form: GoalForm): Omit<SaveFormRequest, 'rowVersion' | 'project'> {
  const tree = (groups: Level1Group[]): Level1GroupInput[] =>
    groups.map((l1) => ({
      code: l1.code,
      children: l1.children.map((l2) => ({
        code: l2.code,
        indicators: l2.indicators.map(({ name, rawValue, weight, scoringNotes, explanation, remark }) => ({
          name,
          rawValue,
          weight,
          scoringNotes,
          explanation,
          remark,
        })),
      })),
    }));
  return {
    funds: form.funds,
    totalGoal: form.totalGoal,
    annualGoal: form.annualGoal,
    goalPeriodStart: form.goalPeriodStart,
    goalPeriodEnd: form.goalPeriodEnd,
    indicators: {
      year: tree(form.indicators.year),
      longTerm: form.indicators.longTerm ? tree(form.indicators.longTerm) : null,
    },
  };
}

/** A new project of the filer's unit whose 2021 form is a complete copy of the seeded form 3. */
async function createForm(request: APIRequestContext): Promise<string> {
  const csrf = await apiLogin(request, 'filer');
  const units = (await callApi(request, 'get', '/api/organizations')).filter((o) => o.kind === 'unit');
  expect(units.length).toBeGreaterThan(0);
  const list = await callApi(request, 'get', '/api/projects', {
    query: { year: 2021, page: 1, pageSize: 50, search: '网络信息系统运行与维护' },
  });
  const seedId = list.items.find((p) => p.name === '网络信息系统运行与维护')!.formId;
  const seed = await callApi(request, 'get', '/api/forms/{id}', { path: { id: seedId } });
  const header: ProjectHeader = {
    code: PROJECT.code,
    name: PROJECT.name,
    categoryCode: 'recurring',
    continuity: seed.project.continuity,
    functionClassCode: seed.project.functionClassCode,
    printedDepartment: seed.project.printedDepartment,
    printedImplementingUnit: seed.project.printedImplementingUnit,
    plannedStart: seed.project.plannedStart ?? '2021-01-01',
    plannedEnd: seed.project.plannedEnd ?? '2021-12-31',
  };
  const { formId } = await callApi(request, 'post', '/api/projects', {
    headers: csrf,
    body: { ...header, organizationId: units[0].id, year: 2021 },
  });
  const empty = await callApi(request, 'get', '/api/forms/{id}', { path: { id: formId } });
  await callApi(request, 'put', '/api/forms/{id}', {
    path: { id: formId },
    headers: csrf,
    body: { rowVersion: empty.rowVersion, project: header, ...contentOf(seed) },
  });
  return formId;
}

async function logIn(browser: Browser, username: string): Promise<Page> {
  const page = await logInNewContext(browser, username);
  await expect(page.getByRole('heading', { name: '待办' })).toBeVisible();
  return page;
}

const statusTag = (page: Page) => page.locator('.form-meta .ant-tag').first();

/** Clicks a step's button on the form page and confirms its dialog (after `fill` filled it in). */
async function step(page: Page, action: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  await page
    .locator('.workflow-actions')
    .getByRole('button', { name: button(action) })
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  if (fill) await fill(dialog);
  await dialog.getByRole('button', { name: `确认${action}` }).click();
  await expect(dialog).toBeHidden();
}

/** The page (or one part of it) at 1280×720 and at 1920×1080. */
async function shoot(page: Page, name: string, part?: Locator) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ]) {
    await page.setViewportSize({ width, height });
    const path = join(SCREENSHOTS, `${name}-${width}x${height}.png`);
    await (part ? part.screenshot({ path }) : page.screenshot({ path }));
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

/** Edit mode: set the two amounts, save, and wait for the read view. */
async function setAmounts(page: Page, total: string) {
  await page.getByRole('button', { name: button('编辑') }).click();
  await page.getByLabel('项目资金总额', { exact: true }).fill(total);
  await page.getByLabel('财政资金', { exact: true }).fill(total);
  await page.getByRole('button', { name: button('保存') }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await expect(page.getByRole('button', { name: button('编辑') })).toBeVisible();
}

/** The demo filer's 联系电话 (seeds/demo/users.json). */
const PHONE = '021-57820101';

/** Today in China, as the footer prints 填报日期. */
function chinaToday(): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(new Date());
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return `${part('year')}年${part('month')}月${part('day')}日`;
}

/** Prints the approved form as Chromium does for A4 (print media, the page's width): checks and keeps the PDF. */
async function printApprovedForm(page: Page) {
  await page.emulateMedia({ media: 'print' });
  // 180 mm of A4 between the 15 mm margins, at 96 dpi.
  await page.setViewportSize({ width: 680, height: 1000 });
  const sheet = page.locator('article.goal-sheet');
  const review = sheet.locator('table.sheet-review');
  await expect(review.getByRole('rowheader', { name: '审核结果' })).toBeVisible();
  await expect(review.locator('td').first()).toHaveText('优');
  await expect(review.locator('td').last()).toHaveText('绩效目标明确，同意。');
  const footer = sheet.locator('footer.sheet-foot');
  await expect(footer).toHaveText(
    new RegExp(`^填报人：张文\\s*联系电话：${PHONE}\\s*填报日期：${chinaToday()}\\s*单位（盖章）$`),
  );
  // A collapsed table's outer rules straddle its edges: both must lie inside the printed width, the same inset on
  // each side (the right one used to sit on the page's edge and print half as thick as the left).
  const { inset, sheetWidth } = await sheet.evaluate((article) => {
    const box = article.getBoundingClientRect();
    const tables = Array.from(article.querySelectorAll('table.sheet-table'), (t) => t.getBoundingClientRect());
    return { inset: tables.map((t) => [t.left - box.left, box.right - t.right]), sheetWidth: box.width };
  });
  expect(sheetWidth).toBeLessThanOrEqual(680);
  for (const [left, right] of inset) {
    expect(left, 'left outer rule inside the sheet').toBeGreaterThanOrEqual(0.5);
    expect(right, 'right outer rule inside the sheet').toBeGreaterThanOrEqual(0.5);
    expect(Math.abs(left - right), 'outer rules inset alike').toBeLessThan(0.5);
  }
  // The PDF as it prints on A4, kept for a look (test-results/print).
  mkdirSync(PRINT, { recursive: true });
  const pdf = await page.pdf({
    path: join(PRINT, 'approved-form-a4.pdf'),
    format: 'A4',
    preferCSSPageSize: true,
    printBackground: true,
  });
  const pages = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
  expect(pages.length, 'pages of the approved form').toBeGreaterThanOrEqual(1);
  for (const [, width, height] of pages)
    expect([Math.round(Number(width)), Math.round(Number(height))], 'A4 portrait').toEqual([595, 842]);
  await page.screenshot({ path: join(SCREENSHOTS, 'approved-form-print-preview.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.setViewportSize({ width: 1280, height: 720 });
}

test('a form goes through the whole 审批流程 and a 调整 shows its changes', async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const request = await playwright.request.newContext({ baseURL });
  const formId = await createForm(request);
  await request.dispose();

  // 1. The filer submits.
  const filer = await logIn(browser, 'filer');
  await filer.goto(`/forms/${formId}`);
  await expect(filer.getByRole('heading', { name: PROJECT.name })).toBeVisible();
  await expect(statusTag(filer)).toHaveText('草稿');
  // 填报人 and 联系电话 are proposed from the filer's profile (the demo 张文 has an invented number).
  await step(filer, '提交', async (dialog) => {
    await expect(dialog.getByLabel('填报人')).toHaveValue('张文（填报人）');
    await expect(dialog.getByLabel('联系电话')).toHaveValue(PHONE);
  });
  await expect(statusTag(filer)).toHaveText('已提交');
  // A filer cannot approve: only 撤回 is left.
  await expect(filer.locator('.workflow-actions button')).toHaveCount(1);

  // 2. The supervisor finds it in 待办 and returns it with a comment on 项目资金总额.
  const supervisor = await logIn(browser, 'supervisor');
  const row = supervisor.locator('.inbox-table tr').filter({ hasText: PROJECT.name });
  await expect(row).toContainText('已提交');
  await expect(supervisor.getByTestId('count-to_review')).not.toHaveText('0');
  await shoot(supervisor, 'inbox');
  // The bell says so too (消息提醒): the count of unread messages, the filer's 提交 among them, a link to the form.
  const bell = supervisor.locator('.notification-bell');
  await expect(bell).toHaveAccessibleName(/^消息提醒，\d+ 条未读$/);
  await bell.click();
  const message = supervisor
    .locator('.notification-panel .notification-item')
    .filter({ hasText: `“${PROJECT.name}”` })
    .first();
  await expect(message).toContainText('提交了');
  await expect(message).toContainText('请审核');
  await expect(message).toContainText('待审核');
  // The panel's opening animation has ended (a screenshot in the middle of it shows a blank).
  await expect(supervisor.locator('.ant-popover')).not.toHaveClass(/zoom/);
  await shoot(supervisor, 'notification-bell');
  await message.click();
  await expect(supervisor).toHaveURL(new RegExp(`/forms/${formId}$`));
  await step(supervisor, '退回', async (dialog) => {
    await dialog.getByRole('button', { name: '确认退回' }).click();
    await expect(dialog.getByText('请填写退回意见')).toBeVisible();
    await dialog.getByLabel('退回意见').fill(COMMENT);
    const field = dialog.getByRole('combobox', { name: '意见针对的栏目' });
    await field.fill('项目资金总额');
    await expect(supervisor.locator('.ant-select-item-option-active')).toHaveText('项目资金总额');
    // Choose by keyboard: a click can land while the list animates and leave it open over the confirm button.
    await field.press('Enter');
    await expect(supervisor.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toHaveCount(0);
  });
  await expect(statusTag(supervisor)).toHaveText('已退回');

  // 3. The filer sees the comment at the top and the marked field, fixes the amounts and resubmits.
  await filer.goto('/inbox');
  const returned = filer.locator('.inbox-table tr').filter({ hasText: PROJECT.name });
  await expect(returned).toContainText('已退回');
  await expect(returned).toContainText(COMMENT);
  await returned.getByRole('link', { name: PROJECT.name }).click();
  const notice = filer.locator('.review-notice');
  await expect(notice).toContainText(COMMENT);
  await expect(notice).toContainText('松江区科学技术委员会');
  await expect(notice).toContainText('意见针对：项目资金（元） / 项目资金总额');
  const flagged = filer.locator('td.sheet-flagged');
  await expect(flagged).toHaveCount(1);
  await expect(flagged).toHaveAttribute('data-field', 'funds.totalAmount');
  await expect(flagged.getByRole('note')).toHaveAttribute('aria-label', `审核意见：${COMMENT}`);
  await shoot(filer, 'returned-form');
  await setAmounts(filer, '9000000');
  await expect(filer.locator('[data-field="funds.totalAmount"]')).toHaveText(/9,000,000\.00/);
  // The dialog refuses a number that is none; the name printed in the footer is the filer's to choose.
  await step(filer, '提交', async (dialog) => {
    await dialog.getByLabel('联系电话').fill('5782');
    await dialog.getByRole('button', { name: '确认提交' }).click();
    await expect(dialog.getByText(/联系电话格式不正确/)).toBeVisible();
    await dialog.getByLabel('联系电话').fill(PHONE);
    await dialog.getByLabel('填报人').fill('张文');
  });
  await expect(statusTag(filer)).toHaveText('已提交');
  await expect(filer.locator('.review-notice')).toHaveCount(0);

  // 4. The supervisor approves it, then sends it to finance from 待办 (汇总报送, a batch of one).
  await supervisor.reload();
  await expect(statusTag(supervisor)).toHaveText('已提交');
  await step(supervisor, '审核通过');
  await expect(statusTag(supervisor)).toHaveText('主管部门已审核');
  await supervisor.locator('.app-nav').getByRole('link', { name: '待办' }).click();
  const toReport = supervisor.locator('.inbox-table tr').filter({ hasText: PROJECT.name });
  await expect(toReport).toContainText('主管部门已审核');
  // The 退回 comment was settled by the resubmission: 最新意见 no longer shows it.
  await expect(toReport).not.toContainText(COMMENT);
  await shoot(supervisor, 'inbox-to-report');
  await toReport.getByRole('checkbox').check();
  await supervisor.getByRole('button', { name: '汇总报送（1）' }).click();
  await supervisor
    .getByRole('dialog')
    .getByRole('button', { name: button('确认') })
    .click();
  const result = supervisor.locator('.batch-result');
  await expect(result).toContainText('汇总报送：成功 1 张，失败 0 张');
  await expect(result).toContainText(`${PROJECT.name}：成功（已报送财政）`);
  await expect(supervisor.locator('.inbox-table tr').filter({ hasText: PROJECT.name })).toHaveCount(0);

  // 5. Finance (科教文卫科) approves with 审核结果 优.
  const finance = await logIn(browser, 'finance');
  await finance
    .locator('.inbox-table tr')
    .filter({ hasText: PROJECT.name })
    .getByRole('link', { name: PROJECT.name })
    .click();
  await expect(statusTag(finance)).toHaveText('已报送财政');
  await step(finance, '审核通过', async (dialog) => {
    await dialog.getByRole('button', { name: '确认审核通过' }).click();
    await expect(dialog.getByText('请选择审核结果')).toBeVisible();
    await dialog.getByRole('radio', { name: '优' }).check();
    await dialog.getByLabel('审核意见').fill('绩效目标明确，同意。');
  });
  await expect(statusTag(finance)).toHaveText('财政已审核');

  // 6. The form is locked: no 编辑, and the filer's only step is 调整.
  await filer.reload();
  await expect(statusTag(filer)).toHaveText('财政已审核');
  await expect(filer.getByText('财政已审核，表单已锁定（审核结果：优）')).toBeVisible();
  await expect(filer.getByRole('button', { name: button('编辑') })).toHaveCount(0);
  await expect(filer.locator('.workflow-actions button')).toHaveText([button('调整')]);
  // The timeline: every step with who and the comment, the saved change with old → new.
  const timeline = filer.locator('.form-timeline');
  await expect(timeline.locator('.ant-timeline-item')).toHaveCount(8); // the setup's save, 提交, 退回, the fix, 提交, 审核通过, 汇总报送, 审核通过
  await expect(timeline).toContainText(COMMENT);
  await expect(timeline).toContainText('审核结果：优');
  await expect(timeline).toContainText('已报送财政 → 财政已审核');
  await expect(timeline).toContainText('项目资金总额');
  await expect(timeline).toContainText(`填报人：张文　联系电话：${PHONE}`);
  await shoot(filer, 'timeline', timeline);

  // The printed form: 审核结果 and 审核意见 as its last row, then 填报人, 联系电话, 填报日期 (the 提交's day in China)
  // and 单位（盖章）; both outer rules whole, so equally thick.
  await printApprovedForm(filer);

  // 7. 调整: a new revision (draft) opens; the approved one stays as it was.
  await step(filer, '调整', async (dialog) => {
    await dialog.getByLabel('调整原因').fill('年中追加预算 50 万元');
  });
  await expect(filer).not.toHaveURL(new RegExp(`/forms/${formId}$`));
  await expect(statusTag(filer)).toHaveText('草稿');
  await expect(filer.getByRole('combobox', { name: '修订版本' })).toBeVisible();
  await setAmounts(filer, '9500000');

  // 8. The comparison of the two revisions shows the changed amounts, the rest unchanged.
  await filer.getByRole('link', { name: '与修订 1 对比' }).click();
  await expect(filer).toHaveURL(/\/compare\//);
  await expect(filer.getByRole('columnheader', { name: '修订 1' })).toBeVisible();
  await expect(filer.getByRole('columnheader', { name: '修订 2' })).toBeVisible();
  await expect(filer.getByText('修订 1 与修订 2 之间有 2 处变化（已高亮）')).toBeVisible();
  const total = filer.locator('tr.compare-changed').filter({ hasText: '项目资金总额' });
  await expect(total).toContainText('9,000,000.00');
  await expect(total).toContainText('9,500,000.00');
  await expect(filer.locator('tr.compare-same').filter({ hasText: '年度资金申请总额' })).toHaveCount(1);
  // Coded fields read by the tenant's labels, a blank as —.
  await expect(filer.locator('tr').filter({ hasText: '功能分类科目' }).locator('td').nth(2)).toHaveText('机关服务');
  await expect(filer.locator('tr').filter({ hasText: '项目类别' }).locator('td').nth(2)).toHaveText('经常性项目');
  await expect(filer.locator('tr').filter({ hasText: '实施单位' }).locator('td').nth(2)).toHaveText('—');
  await shoot(filer, 'revision-diff');

  // The approved revision is still readable, unchanged.
  await filer.goto(`/forms/${formId}`);
  await expect(statusTag(filer)).toHaveText('财政已审核');
  await expect(filer.locator('[data-field="funds.totalAmount"]')).toHaveText(/9,000,000\.00/);

  for (const page of [filer, supervisor, finance]) await page.context().close();
});
