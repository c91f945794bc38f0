import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FormStatus, GoalForm, Role } from '@jxt/contracts';
import { SEED_FORM_3 } from '../../../testing/seed-form-3';
import { fieldOptions } from '../field-paths';
import { withFastComputedStyle } from '../../../testing/fast-computed-style';
import { buttonName, json, renderWithProviders, user } from '../../../testing/render';
import { WorkflowActions } from './WorkflowActions';

const form = (status: FormStatus, extra: Partial<GoalForm> = {}): GoalForm => ({
  ...SEED_FORM_3,
  status,
  submittedBy: 'u-filer',
  ...extra,
});

// The step dialogs ask jsdom for styles all the time: seconds a query under load otherwise.
withFastComputedStyle();

let fetchMock: jest.Mock;
beforeEach(() => {
  fetchMock = jest.fn(async () => json(200, SEED_FORM_3));
  global.fetch = fetchMock as unknown as typeof fetch;
});

const buttonsOf = (container: HTMLElement) =>
  [...container.querySelectorAll('.workflow-actions button')].map((b) => (b.textContent ?? '').replace(/\s/g, ''));

function renderActions(status: FormStatus, role: Role, extra: Partial<GoalForm> = {}) {
  return renderWithProviders(<WorkflowActions form={form(status, extra)} me={user(`u-${role}`, role)} />);
}

describe('WorkflowActions', () => {
  it.each<[Role, FormStatus, string[]]>([
    ['filer', 'draft', ['提交']],
    ['filer', 'returned', ['提交']],
    ['filer', 'submitted', ['撤回']],
    ['filer', 'reported', []],
    ['filer', 'finance_approved', ['调整']],
    ['supervisor', 'submitted', ['审核通过', '退回']],
    ['supervisor', 'supervisor_approved', ['汇总报送', '退回']],
    ['supervisor', 'finance_returned', ['审核通过', '退回']],
    ['supervisor', 'draft', []],
    ['finance', 'reported', ['审核通过', '退回', '不予通过']],
    ['finance', 'submitted', []],
    ['reviewer', 'reported', []],
  ])('%s on %s: %j', (role, status, expected) => {
    const { container } = renderActions(status, role);
    expect(buttonsOf(container)).toEqual(expected);
  });

  it('hides 审核通过 from the user who submitted the form', () => {
    const { container } = renderActions('submitted', 'supervisor', { submittedBy: 'u-supervisor' });
    expect(buttonsOf(container)).toEqual(['退回']);
  });

  it('退回 cannot be confirmed without a comment', async () => {
    renderActions('submitted', 'supervisor');
    await userEvent.click(screen.getByRole('button', { name: buttonName('退回') }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: '确认退回' }));
    expect(await within(dialog).findByText('请填写退回意见')).toBeInTheDocument();
    // whitespace is no comment either
    await userEvent.type(within(dialog).getByLabelText('退回意见'), '   ');
    await userEvent.click(within(dialog).getByRole('button', { name: '确认退回' }));
    await waitFor(() => expect(within(dialog).getByText('请填写退回意见')).toBeInTheDocument());
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('sends the comment, the chosen field and the rowVersion with 退回', async () => {
    renderActions('submitted', 'supervisor');
    await userEvent.click(screen.getByRole('button', { name: buttonName('退回') }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('退回意见'), '资金总额与明细不符');
    await userEvent.type(within(dialog).getByRole('combobox', { name: '意见针对的栏目' }), '项目资金总额');
    await userEvent.click(await screen.findByTitle('项目资金总额'));
    await userEvent.click(within(dialog).getByRole('button', { name: '确认退回' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe(`/api/forms/${SEED_FORM_3.id}/transitions`);
    expect(JSON.parse(String(init.body))).toEqual({
      action: 'return',
      rowVersion: 1,
      comment: '资金总额与明细不符',
      field: 'funds.totalAmount',
    });
  });

  it('asks finance for 审核结果: 优/良 to approve, 中 fixed to return', async () => {
    renderActions('reported', 'finance');
    await userEvent.click(screen.getByRole('button', { name: buttonName('审核通过') }));
    let dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByRole('radio', { name: '优' })).toBeEnabled();
    expect(within(dialog).getByRole('radio', { name: '良' })).toBeEnabled();
    expect(within(dialog).queryByRole('radio', { name: '中' })).toBeNull();
    await userEvent.click(within(dialog).getByRole('button', { name: '确认审核通过' }));
    expect(await within(dialog).findByText('请选择审核结果')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
    await userEvent.click(within(dialog).getByRole('button', { name: /取\s*消/ }));

    await userEvent.click(screen.getByRole('button', { name: buttonName('退回') }));
    dialog = await screen.findByRole('dialog', { name: /退回/ });
    expect(within(dialog).getByRole('radio', { name: '中' })).toBeChecked();
    expect(within(dialog).getByRole('radio', { name: '中' })).toBeDisabled();
  });

  it('提交 proposes 填报人 and 联系电话 from the profile and sends them with the step', async () => {
    renderActions('draft', 'filer');
    await userEvent.click(screen.getByRole('button', { name: buttonName('提交') }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText('填报人')).toHaveValue('filer user');
    expect(within(dialog).getByLabelText('联系电话')).toHaveValue('021-57820101');
    await userEvent.clear(within(dialog).getByLabelText('填报人'));
    await userEvent.type(within(dialog).getByLabelText('填报人'), '张文');
    await userEvent.click(within(dialog).getByRole('button', { name: '确认提交' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const [, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(JSON.parse(String(init.body))).toEqual({
      action: 'submit',
      rowVersion: 1,
      comment: null,
      filerName: '张文',
      filerPhone: '021-57820101',
    });
  });

  it('提交 asks for 联系电话 when the profile has none, and refuses one that is no phone number', async () => {
    renderWithProviders(<WorkflowActions form={form('returned')} me={{ ...user('u-filer', 'filer'), phone: null }} />);
    await userEvent.click(screen.getByRole('button', { name: buttonName('提交') }));
    const dialog = await screen.findByRole('dialog');
    const phone = within(dialog).getByLabelText('联系电话');
    expect(phone).toHaveValue('');
    await userEvent.click(within(dialog).getByRole('button', { name: '确认提交' }));
    expect(await within(dialog).findByText('请填写联系电话')).toBeInTheDocument();
    await userEvent.click(phone);
    await userEvent.paste('5782');
    await userEvent.click(within(dialog).getByRole('button', { name: '确认提交' }));
    expect(await within(dialog).findByText(/联系电话格式不正确/)).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("提交 shows the server's word on 填报人 or 联系电话 under that input", async () => {
    fetchMock.mockResolvedValueOnce(
      json(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: 'x',
        fields: [{ field: 'filerName', message: '填报人最多 100 个字' }],
      }),
    );
    renderActions('draft', 'filer');
    await userEvent.click(screen.getByRole('button', { name: buttonName('提交') }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: '确认提交' }));
    expect(await within(dialog).findByText('填报人最多 100 个字')).toBeInTheDocument();
    expect(JSON.parse(String((fetchMock.mock.calls[0] as [string, RequestInit])[1].body))).toMatchObject({
      filerName: 'filer user',
      filerPhone: '021-57820101',
    });
  });

  it('shows a 409 in the dialog with 重新加载', async () => {
    fetchMock.mockResolvedValueOnce(json(409, { statusCode: 409, error: 'Conflict', message: '这张表已被 李四 修改' }));
    renderActions('submitted', 'supervisor');
    await userEvent.click(screen.getByRole('button', { name: buttonName('审核通过') }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: '确认审核通过' }));
    expect(await within(dialog).findByText('这张表已被 李四 修改')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: '重新加载' })).toBeInTheDocument();
  });

  it('shows a 400 field message under its input', async () => {
    fetchMock.mockResolvedValueOnce(
      json(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: '请填写意见',
        fields: [{ field: 'comment', message: '意见太短' }],
      }),
    );
    renderActions('finance_approved', 'filer');
    await userEvent.click(screen.getByRole('button', { name: buttonName('调整') }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('调整原因'), 'x');
    await userEvent.click(within(dialog).getByRole('button', { name: '确认调整' }));
    expect(await within(dialog).findByText('意见太短')).toBeInTheDocument();
  });
});

describe('fieldOptions', () => {
  it('offers header fields, the seven amounts, the goals and each 年度指标值 by its name, valued by the API path', () => {
    const groups = fieldOptions(SEED_FORM_3);
    expect(groups.map((g) => g.label)).toEqual(['项目信息', '项目资金（元）', '项目绩效目标', '绩效指标']);
    expect(groups[0].options[0]).toEqual({ value: 'project.name', label: '项目名称' });
    expect(groups[1].options.map((o) => o.value)).toEqual([
      'funds.totalAmount',
      'funds.fiscalAmount',
      'funds.otherAmount',
      'funds.annualAmount',
      'funds.annualFiscalAmount',
      'funds.carryOverAmount',
      'funds.annualOtherAmount',
    ]);
    expect(groups[2].options.map((o) => o.value)).toEqual(['totalGoal', 'annualGoal']);
    const indicators = groups[3].options;
    expect(indicators).toHaveLength(15);
    const first = SEED_FORM_3.indicators.year[0].children[0];
    expect(indicators[0]).toEqual({
      value: 'indicators.year.0.children.0.indicators.0.rawValue',
      label: `${first.label} / ${first.indicators[0].name} / 年度指标值`,
    });
    expect(indicators[14].value).toMatch(/^indicators\.year\.2\.children\.\d+\.indicators\.\d+\.rawValue$/);
  });
});
