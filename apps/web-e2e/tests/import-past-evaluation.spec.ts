import { expect } from '@playwright/test';
import ExcelJS from 'exceljs';
import { test } from './csp';
import { apiAs, buttonName, callApi, filerOfNewUnit, goToProjects, logIn, saveScreenshot } from './support';

// Issue 13 point 4 (docs/domain.md §4.1): a filer imports a 2019 自评表 with its printed scores. The preview lists it
// as 自评表 with the arithmetic check; the confirm writes the year's revision marked 导入 and its final 自评表, which
// shows the printed and computed scores side by side. In a unit of its own, so the demo's lists stay as they are.

const DEPARTMENT = '松江区往年自评导入主管部门';
const UNIT = '松江区往年自评导入中心';
const FILER = { phone: '021-57821011', username: 'e2e-past-filer', name: '孙往年', password: 'Past#Evaluation-2026' };
const NAME = '往年社区宣传服务';

/** A 2019 自评表 in the official layout; its 验收合格率 得分 (20) is not what the rule gives (full 25). */
async function pastEvaluation(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook
    .addWorksheet('2019自评')
    .addRows([
      ['财政项目支出绩效自评表'],
      ['（2019年度）'],
      ['项目名称', NAME],
      ['主管部门', DEPARTMENT, null, null, '实施单位', UNIT],
      ['项目资金\n（万元）', '年初预算数', null, '全年预算数', '全年执行数', null, '分值', '执行率', '得分'],
      [null, 21.35, null, 20, 18, null, 10, '90%', 9],
      ['年度总体目标', '预期目标', null, null, null, '实际完成情况'],
      [null, '做好宣传', null, null, null, '已完成宣传'],
      [
        '绩效指标',
        '一级指标',
        '二级指标',
        '三级指标',
        '年度指标值',
        '实际完成值',
        '分值',
        '得分',
        '偏差原因分析及改进措施',
      ],
      [null, '产出指标(50分)', '数量指标', '培训次数', '≥4次', '3次', 25, 18.75, '停办一次'],
      [null, null, '质量指标', '验收合格率', '≥95%', '96%', 25, 20, null],
      [null, '效益指标(30分)', '社会效益指标', '群众知晓度', '明显提高', '有所提高', 30, 21, '宣传不足'],
      [null, '满意度指标(10分)', '服务对象满意度指标', '满意度', '≥90%', '92%', 10, 10, null],
      ['总分', null, null, null, null, null, 100, 78.75, '自评等级：中'],
    ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test('a filer imports a past 自评表: previewed with its arithmetic check, stored as the year’s imported record with printed and computed scores side by side', async ({
  page,
  request,
}, testInfo) => {
  test.setTimeout(240_000);
  await filerOfNewUnit(request, { department: DEPARTMENT, unit: UNIT }, FILER);

  await logIn(page, FILER.username, FILER.password);
  await goToProjects(page);
  await page.getByRole('button', { name: '导入 Excel' }).click();
  await expect(page).toHaveURL(/\/imports$/);
  await page.locator('input[type=file]').setInputFiles({
    name: '2019年度绩效自评表.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await pastEvaluation(),
  });
  await expect(page.getByText(/共 1 个工作表/)).toBeVisible({ timeout: 30_000 });

  const row = page.locator('tr[data-row-key="2019自评"]');
  await expect(row).toContainText('自评表');
  await expect(row).toContainText(NAME);
  await expect(row).toContainText('导入为 2019 年度已审核的历史记录及已定稿的自评表');
  const check = page.getByRole('region', { name: '工作表「2019自评」的得分核算' });
  await expect(check).toContainText('总分 所印 78.75、核算 83.75');
  await expect(check).toContainText('第 11 行 验收合格率：所印 20，核算 25.00（+5）');
  await saveScreenshot(page, testInfo, 'import-past-1-preview', '1-preview');

  const filer = await apiAs(request, FILER.username, FILER.password);
  expect((await callApi(request, 'get', '/api/projects', { query: { year: 2019 }, headers: filer })).total).toBe(0);

  await page.getByRole('button', { name: buttonName('确认导入') }).click();
  const results = page.getByRole('list', { name: '导入结果' });
  await expect(results.getByText('已新建')).toBeVisible({ timeout: 30_000 });
  await results.getByRole('link', { name: NAME }).click();
  await expect(page).toHaveURL(/\/forms\/[0-9a-f-]{36}$/);
  await expect(page.locator('.form-meta')).toContainText('财政已审核');
  await expect(page.locator('.form-meta')).toContainText('导入');
  await expect(page.getByText('本表为导入的历史记录，未经系统审核流程')).toBeVisible();
  await saveScreenshot(page, testInfo, 'import-past-2-imported-form', '2-imported-form');

  const list = await callApi(request, 'get', '/api/projects', { query: { year: 2019 }, headers: filer });
  const form = await callApi(request, 'get', '/api/forms/{id}', {
    path: { id: list.items[0].formId! },
    headers: filer,
  });
  expect(form).toMatchObject({ status: 'finance_approved', locked: true, origin: 'imported' });
  // The record keeps what the checks find (the API lists them), but a locked revision shows no to-do panel.
  expect(form.issues.length).toBeGreaterThan(0);
  await expect(page.getByRole('region', { name: '提醒' })).toHaveCount(0);
  await page.goto(`/evaluations/${form.evaluationId}`);
  const scores = page.getByRole('region', { name: '所印得分与系统核算' });
  await expect(scores).toContainText('本表为导入的历史自评表，未经系统审核流程');
  await expect(scores).toContainText('有 2 处与表上所印得分不一致');
  const differs = scores.locator('tr.printed-score-differs');
  await expect(differs).toHaveCount(2);
  await expect(differs.first()).toContainText('验收合格率');
  await expect(differs.first()).toContainText('+5');
  await saveScreenshot(page, testInfo, 'import-past-3-evaluation', '3-evaluation');
});
