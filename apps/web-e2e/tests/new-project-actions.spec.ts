import { expect, type Page } from '@playwright/test';
import { test } from './csp';
import { apiAs, buttonName, callApi, logInToProjects, newProjectCounted } from './support';
import { UserActions } from './user-actions';

// A district's new project as a filer keeps it in Excel: 15 indicators over 产出/效益/满意度, copied as four columns.
const NAME = '社区智慧养老服务平台建设';
const INDICATOR_TABLE = [
  ['产出指标', '数量指标', '接入社区数', '>=12个'],
  ['', '', '服务老人人数', '>=3000人'],
  ['', '', '培训社区工作人员次数', '=4次'],
  ['', '质量指标', '平台可用率', '>=99%'],
  ['', '', '项目验收合格率', '=100%'],
  ['', '', '数据准确率', '>=98%'],
  ['', '时效指标', '项目完成及时率', '及时'],
  ['', '', '故障响应时间', '<=2小时'],
  ['', '成本指标', '成本控制率', '<=100%'],
  ['效益指标', '社会效益指标', '老人紧急求助响应率', '=100%'],
  ['', '', '信息化程度', '提升'],
  ['', '可持续影响指标', '长效管理制度健全情况', '健全'],
  ['', '', '数据共享程度', '提高'],
  ['满意度指标', '服务对象满意度指标', '老人及家属满意度', '>=90%'],
  ['', '', '社区工作人员满意度', '>=85%'],
]
  .map((cells) => cells.join('\t'))
  .join('\r\n');
const GOAL = '建成覆盖全区12个社区的智慧养老服务平台，为3000名以上老人提供紧急求助、健康监测等服务。';

const button = (page: Page, text: string) => page.getByRole('button', { name: buttonName(text) });
const sheet = (page: Page) => page.getByRole('article', { name: '财政项目支出绩效目标填报表' });

test('a new project with 15 indicators, from 项目列表 to 提交, counted in actions (goal ≤ 50)', async ({
  page,
  request,
}) => {
  await logInToProjects(page, 'filer', 'demo');
  const act = new UserActions();

  await newProjectCounted(act, page, NAME);

  // 项目资金: two amounts; the totals follow, 上年结转资金 and 其他资金 are 0.00.
  await act.fill(page.getByLabel('财政资金', { exact: true }), '1,200,000.00', '财政资金');
  await act.fill(page.getByLabel('当年财政拨款', { exact: true }), '1,200,000.00', '当年财政拨款');
  await expect(page.getByLabel('项目资金总额', { exact: true })).toHaveValue('1,200,000.00');
  await expect(page.getByLabel('年度资金申请总额', { exact: true })).toHaveValue('1,200,000.00');

  await act.fill(page.getByLabel('项目总目标', { exact: true }), GOAL, '项目总目标');
  await act.fill(page.getByLabel('年度总目标', { exact: true }), GOAL, '年度总目标');

  // The indicator table pasted from Excel: one paste fills the tree.
  await act.click(button(page, '从 Excel/WPS 粘贴指标表'), '粘贴指标表');
  await act.fill(page.getByRole('textbox', { name: '指标表', exact: true }), INDICATOR_TABLE, '指标表');
  await act.click(
    page.getByRole('dialog', { name: '粘贴指标表' }).getByRole('button', { name: buttonName('填入') }),
    '填入',
  );
  await expect(page.getByText('已粘贴 15 个三级指标')).toBeVisible();
  await expect(page.getByLabel('三级指标 第15行', { exact: true })).toHaveValue('社区工作人员满意度');

  await act.click(button(page, '保存'), '保存');
  await expect(page.getByText('已保存')).toBeVisible();

  // 提交: 填报人 and 联系电话 are proposed from the account.
  await act.click(page.locator('.workflow-actions').getByRole('button', { name: buttonName('提交') }), '提交');
  await act.click(page.getByRole('dialog').getByRole('button', { name: '确认提交' }), '确认提交');
  await expect(page.locator('.form-meta .ant-tag').first()).toHaveText('已提交');
  await expect(sheet(page)).toContainText('老人及家属满意度');

  console.log(act.report('新建项目 with 15 indicators, to 提交'));
  expect(act.count).toBeLessThanOrEqual(50);

  // What was submitted is the whole form: 15 indicators and the seven amounts.
  const formId = new URL(page.url()).pathname.split('/').pop()!;
  const headers = await apiAs(request, 'filer');
  const form = await callApi(request, 'get', '/api/forms/{id}', { path: { id: formId }, headers });
  expect(form.indicators.year.flatMap((l1) => l1.children.flatMap((l2) => l2.indicators))).toHaveLength(15);
  expect(form.funds).toMatchObject({ totalAmount: '1200000.00', carryOverAmount: '0.00', annualOtherAmount: '0.00' });
});
