import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { withFastComputedStyle } from '../../../testing/fast-computed-style';
import { json, renderWithProviders } from '../../../testing/render';
import { seedEvaluation3 } from '../testing/seed-evaluation-3';
import { EvaluationEditor } from './EvaluationEditor';

let fetchMock: jest.Mock;
beforeEach(() => {
  window.scrollTo = jest.fn() as unknown as typeof window.scrollTo;
  fetchMock = jest.fn(async () => json(200, seedEvaluation3()));
  global.fetch = fetchMock as unknown as typeof fetch;
});

const renderEditor = (evaluation = seedEvaluation3()) =>
  renderWithProviders(
    <EvaluationEditor evaluation={evaluation} onDone={() => undefined} onReload={async () => undefined} />,
  );

const total = () => screen.getByTestId('evaluation-total').textContent;
const scoreOf = (name: string) => screen.getByLabelText(`得分：${name}`).textContent;
const reasonCell = (name: string) => screen.getByLabelText(`偏差原因：${name}`).closest('td')!;

describe('EvaluationEditor', () => {
  // The editor's text areas and the 409 dialog ask jsdom for styles all the time (over 30 s a test under load).
  withFastComputedStyle();
  it('scores LIVE: 得分 of the row, 执行率 and 总分 follow what is typed', async () => {
    renderEditor();
    expect(total()).toBe('0.00');
    expect(scoreOf('项目验收合格率')).toBe('0.00');

    // =100% against 90: B / A × 分值 = 90 / 100 × 7.14 (产出 50 split over seven indicators; the first two take the remainder)
    await userEvent.type(screen.getByLabelText('实际完成值：项目验收合格率'), '90');
    expect(scoreOf('项目验收合格率')).toBe('6.43');
    // In words on the row; the arithmetic one click away.
    expect(screen.getByText('实际值 90% 未达到目标 100%（完成 90%），按完成比例得分')).toBeInTheDocument();
    expect(screen.queryByText('等于（按正向）：B / A × 分值 = 90 / 100 × 7.14')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: '计算过程：项目验收合格率' }));
    expect(await screen.findByText('等于（按正向）：B / A × 分值 = 90 / 100 × 7.14')).toBeInTheDocument();
    expect(total()).toBe('6.43');

    await userEvent.type(screen.getByLabelText('全年执行数'), '8,000,000');
    expect(screen.getByLabelText('执行率')).toHaveTextContent('89.61%');
    expect(screen.getByText('执行率 89.61%（执行 8,000,000.00 元 / 预算 8,927,300.00 元）')).toBeInTheDocument();
    expect(scoreOf('执行率')).toBe('8.96');
    expect(total()).toBe('15.39');
    expect(screen.getByTestId('evaluation-grade')).toHaveTextContent('差');

    await userEvent.clear(screen.getByLabelText('实际完成值：项目验收合格率'));
    await userEvent.type(screen.getByLabelText('实际完成值：项目验收合格率'), '100');
    expect(scoreOf('项目验收合格率')).toBe('7.14');
    expect(total()).toBe('16.10');
  });

  it('marks a missing 偏差原因 in red with the message, and clears it once a reason is typed', async () => {
    renderEditor();
    expect(reasonCell('项目验收合格率')).not.toHaveClass('eval-reason-missing');
    await userEvent.type(screen.getByLabelText('实际完成值：项目验收合格率'), '90');
    const cell = reasonCell('项目验收合格率');
    expect(cell).toHaveClass('eval-reason-missing');
    expect(
      within(cell).getByText('三级指标「项目验收合格率」：未完成或超出目标较多，请填写偏差原因分析及改进措施'),
    ).toHaveClass('field-note-error');

    await userEvent.type(screen.getByLabelText('偏差原因：项目验收合格率'), '一个子项目延期验收');
    expect(reasonCell('项目验收合格率')).not.toHaveClass('eval-reason-missing');
  });

  it('scores a qualitative indicator by band and percent (selfShare as a decimal string)', async () => {
    renderEditor();
    const cell = screen.getByLabelText('实际完成值：项目完成及时率').closest('td')!;
    // Not chosen yet: a to-do, counted in the bar, not an error in red beside the input.
    expect(within(cell).queryByText(/请选择完成档次并给分/)).toBeNull();
    expect(cell.querySelector('.ant-select-status-error')).toBeNull();
    expect(screen.getByText(/^提交前还有 \d+ 项待填写$/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('combobox', { name: '完成档次：项目完成及时率' }));
    await userEvent.click(await screen.findByTitle('达成年度指标（80%–100%）'));
    const percent = screen.getByLabelText('得分比例：项目完成及时率');
    expect(percent).toHaveValue('100');
    // 时效 is the seventh output indicator: 7.14
    expect(scoreOf('项目完成及时率')).toBe('7.14');
    await userEvent.clear(percent);
    await userEvent.type(percent, '85');
    expect(scoreOf('项目完成及时率')).toBe('6.07');
    expect(within(cell).queryByText(/请选择完成档次并给分/)).toBeNull();
    // outside the band: not taken while typing, and held to the band's floor on leaving the input
    await userEvent.clear(percent);
    await userEvent.type(percent, '70');
    expect(scoreOf('项目完成及时率')).toBe('0.00');
    await userEvent.tab();
    expect(percent).toHaveValue('80');
    expect(scoreOf('项目完成及时率')).toBe('5.71');
  });

  it('opens a share saved as 部分达成 at 80 % as 部分达成, not as 达成 (the edge both bands share), and saves the band picked', async () => {
    renderEditor(
      seedEvaluation3(
        {},
        {
          项目完成及时率: {
            actualValue: '基本及时',
            selfShare: '0.8000',
            selfBand: 'partly',
            deviationReason: '两项子任务延期',
          },
        },
      ),
    );
    const band = screen.getByRole('combobox', { name: '完成档次：项目完成及时率' }).closest('.ant-select')!;
    expect(within(band as HTMLElement).getByTitle('部分达成并具有一定效果（60%–80%）')).toBeInTheDocument();
    expect(screen.getByLabelText('得分比例：项目完成及时率')).toHaveValue('80');
    expect(screen.getByLabelText('得分：项目完成及时率').closest('td')).toHaveTextContent('部分达成并具有一定效果');
    await userEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const body = JSON.parse(String((fetchMock.mock.calls[0] as [string, RequestInit])[1].body));
    expect(body.indicators[6]).toEqual({
      id: seedEvaluation3().indicators[6].id,
      actualValue: '基本及时',
      selfShare: '0.8',
      selfBand: 'partly',
      deviationReason: '两项子任务延期',
    });
  });

  it('keeps 未达成 at 60 % as picked, from the first choice to the request', async () => {
    renderEditor();
    await userEvent.click(screen.getByRole('combobox', { name: '完成档次：项目完成及时率' }));
    await userEvent.click(await screen.findByTitle('未达成且效果较差（0%–60%）'));
    const percent = screen.getByLabelText('得分比例：项目完成及时率');
    expect(percent).toHaveValue('60');
    expect(screen.getByLabelText('得分：项目完成及时率').closest('td')).toHaveTextContent('未达成且效果较差');
    await userEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const body = JSON.parse(String((fetchMock.mock.calls[0] as [string, RequestInit])[1].body));
    expect(body.indicators[6]).toMatchObject({ selfShare: '0.6', selfBand: 'missed' });
  });

  it('saves with one PUT carrying the rowVersion, and marks the server’s field messages (400)', async () => {
    fetchMock.mockResolvedValueOnce(
      json(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: '有字段不正确',
        fields: [{ field: 'indicators.5.actualValue', message: '实际完成值太长', value: 'x' }],
      }),
    );
    renderEditor();
    await userEvent.type(screen.getByLabelText('实际完成值：项目验收合格率'), '90');
    await userEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/evaluations/e-3');
    expect(init.method).toBe('PUT');
    const body = JSON.parse(String(init.body));
    expect(body.rowVersion).toBe(1);
    expect(body.funds).toEqual({ annualBudget: '8927300.00', executedAmount: null });
    expect(body.indicators[5]).toEqual({
      id: seedEvaluation3().indicators[5].id,
      actualValue: '90',
      selfShare: null,
      deviationReason: null,
    });
    expect(await screen.findByText('实际完成值太长')).toBeInTheDocument();
    expect(screen.getByText(/未保存：有 1 处需要修改/)).toBeInTheDocument();
  });

  it('answers a 409 with a dialog naming who changed it, and 重新加载', async () => {
    fetchMock.mockResolvedValueOnce(
      json(409, { statusCode: 409, error: 'Conflict', message: '这张自评表已被 李四 修改' }),
    );
    renderEditor();
    await userEvent.type(screen.getByLabelText('实际完成值：项目验收合格率'), '90');
    await userEvent.click(screen.getByRole('button', { name: /保\s*存/ }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('这张自评表已被 李四 修改')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: '重新加载' })).toBeInTheDocument();
  });
});
