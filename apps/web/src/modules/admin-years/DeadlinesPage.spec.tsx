import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Deadline, YearSummary } from '@jxt/contracts';
import { withFastComputedStyle } from '../../testing/fast-computed-style';
import { buttonName, json, renderWithProviders, user } from '../../testing/render';
import { DeadlinesPage } from './DeadlinesPage';
import { yearSummary } from '../../testing/years';

withFastComputedStyle();

const summary = (year: number, status: YearSummary['status']): YearSummary =>
  yearSummary(year, { status, projects: 3 });

let stored: Deadline[];
let refuse: boolean;
let puts: unknown[];
let reminders: { daysBefore: number[]; isDefault: boolean };
let reminderPuts: unknown[];
beforeEach(() => {
  reminders = { daysBefore: [7, 3, 1, 0], isDefault: true };
  reminderPuts = [];
  stored = [
    { year: 2022, kind: 'submit', dueDate: '2022-03-15' },
    { year: 2022, kind: 'supervisor_review', dueDate: '2022-03-31' },
  ];
  refuse = false;
  puts = [];
  global.fetch = jest.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/auth/me') return json(200, user('u-1', 'admin'));
    if (url === '/api/years') return json(200, { years: [summary(2022, 'open'), summary(2021, 'closed')] });
    if (url === '/api/deadlines?year=2022') return json(200, stored);
    if (url === '/api/reminder-settings' && init?.method === 'PUT') {
      const body = JSON.parse(String(init.body)) as { daysBefore: number[] };
      reminderPuts.push(body);
      if (refuse)
        return json(400, {
          statusCode: 400,
          error: 'Bad Request',
          message: '请求参数不正确',
          fields: [{ field: 'daysBefore', message: '最多设置 6 个提醒日', value: body.daysBefore }],
        });
      reminders = { daysBefore: body.daysBefore, isDefault: false };
      return json(200, reminders);
    }
    if (url === '/api/reminder-settings') return json(200, reminders);
    if (url === '/api/deadlines/2022' && init?.method === 'PUT') {
      const body = JSON.parse(String(init.body)) as Record<string, string | null>;
      puts.push(body);
      if (refuse)
        return json(400, {
          statusCode: 400,
          error: 'Bad Request',
          message: '截止日期须按环节先后',
          fields: [
            { field: 'finance_review', message: '不能早于主管部门审核截止日期（2022-03-31）', value: '2022-03-01' },
          ],
        });
      stored = Object.entries(body)
        .filter(([, due]) => due)
        .map(([kind, dueDate]) => ({ year: 2022, kind, dueDate }) as Deadline);
      return json(200, stored);
    }
    return json(404, { statusCode: 404, error: 'Not Found', message: url });
  }) as unknown as typeof fetch;
});

describe('DeadlinesPage (截止日期)', () => {
  it('opens on the newest open year, shows each stage’s date and saves a new one', async () => {
    renderWithProviders(<DeadlinesPage />, '/admin/deadlines');
    const submit = await screen.findByLabelText('单位提交截止日期', {}, { timeout: 5000 });
    await waitFor(() => expect(submit).toHaveValue('2022-03-15'));
    expect(screen.getByLabelText('主管部门审核截止日期')).toHaveValue('2022-03-31');
    expect(screen.getByLabelText('财政审核截止日期')).toHaveValue('');
    expect(screen.getByText('已开启')).toBeInTheDocument();

    // Typed and confirmed with Enter, which also saves (the form's submit).
    await userEvent.click(screen.getByLabelText('财政审核截止日期'));
    await userEvent.type(screen.getByLabelText('财政审核截止日期'), '2022-04-15{Enter}');
    await waitFor(() =>
      expect(puts).toEqual([{ submit: '2022-03-15', supervisor_review: '2022-03-31', finance_review: '2022-04-15' }]),
    );
    expect(await screen.findByText('已保存 2022 年度的截止日期')).toBeInTheDocument();
  });

  it('shows the server’s refusal at the stage it names', async () => {
    refuse = true;
    renderWithProviders(<DeadlinesPage />, '/admin/deadlines', '/admin/deadlines?year=2022');
    const submit = await screen.findByLabelText('单位提交截止日期', {}, { timeout: 5000 });
    await waitFor(() => expect(submit).toHaveValue('2022-03-15'));
    await userEvent.click(screen.getByRole('button', { name: buttonName('保存') }));
    expect(await screen.findByText('不能早于主管部门审核截止日期（2022-03-31）')).toBeInTheDocument();
  });
});

describe('提醒设置 on 截止日期', () => {
  const daysField = () => screen.findByLabelText('提前天数', {}, { timeout: 5000 });
  const save = () => screen.getByRole('button', { name: '保存提醒设置' });

  it('shows the days in force and saves new ones, the earliest reminder first', async () => {
    renderWithProviders(<DeadlinesPage />, '/admin/deadlines', '/admin/deadlines?year=2022');
    const days = await daysField();
    await waitFor(() => expect(days).toHaveValue('7, 3, 1, 0'));
    expect(screen.getByText('当前为默认值')).toBeInTheDocument();

    await userEvent.clear(days);
    await userEvent.type(days, '1，7、7');
    await userEvent.click(save());
    await waitFor(() => expect(reminderPuts).toEqual([{ daysBefore: [7, 1] }]));
    expect(await screen.findByText('已保存：截止日期前 7、1 天提醒')).toBeInTheDocument();
    await waitFor(() => expect(days).toHaveValue('7, 1'));
    expect(screen.queryByText('当前为默认值')).not.toBeInTheDocument();
    // The deadlines were not sent with it.
    expect(puts).toEqual([]);
  });

  it('names what is wrong at the field and sends nothing', async () => {
    renderWithProviders(<DeadlinesPage />, '/admin/deadlines', '/admin/deadlines?year=2022');
    const days = await daysField();
    await waitFor(() => expect(days).toHaveValue('7, 3, 1, 0'));
    for (const [typed, said] of [
      ['7, 一', '「一」不是整数天数'],
      ['90', '提前天数不能大于 60'],
      ['1 2 3 4 5 6 7', '最多设置 6 个提醒日'],
    ]) {
      await userEvent.clear(days);
      await userEvent.type(days, typed);
      await userEvent.click(save());
      expect(await screen.findByText(said)).toBeInTheDocument();
      expect(days).toHaveAttribute('aria-invalid', 'true');
    }
    expect(reminderPuts).toEqual([]);
  });

  it('an empty field turns reminders off; the server’s refusal shows at the field', async () => {
    renderWithProviders(<DeadlinesPage />, '/admin/deadlines', '/admin/deadlines?year=2022');
    const days = await daysField();
    await waitFor(() => expect(days).toHaveValue('7, 3, 1, 0'));
    await userEvent.clear(days);
    await userEvent.click(save());
    await waitFor(() => expect(reminderPuts).toEqual([{ daysBefore: [] }]));
    expect(await screen.findByText('已保存：不发送截止提醒')).toBeInTheDocument();

    refuse = true;
    await userEvent.type(days, '3');
    await userEvent.click(save());
    expect(await screen.findByText('最多设置 6 个提醒日')).toBeInTheDocument();
    expect(days).toHaveAttribute('aria-invalid', 'true');
  });
});
