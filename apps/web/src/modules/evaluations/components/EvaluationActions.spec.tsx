import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { EvaluationStatus, Role } from '@jxt/contracts';
import { buttonName, json, renderWithProviders, user } from '../../../testing/render';
import { withFastComputedStyle } from '../../../testing/fast-computed-style';
import { seedEvaluation3 } from '../testing/seed-evaluation-3';
import { EvaluationActions } from './EvaluationActions';

let fetchMock: jest.Mock;
beforeEach(() => {
  fetchMock = jest.fn(async () => json(200, seedEvaluation3()));
  global.fetch = fetchMock as unknown as typeof fetch;
});

const buttonsOf = (container: HTMLElement) =>
  [...container.querySelectorAll('.evaluation-actions button')].map((b) => (b.textContent ?? '').replace(/\s/g, ''));

const SUBMITTED = {
  项目完成及时率: { actualValue: '及时', selfShare: '0.9' },
  信息化程度: { actualValue: '有所提升', selfShare: '0.7', deviationReason: '部分系统迁移推迟到次年' },
};

function renderActions(status: EvaluationStatus, role: Role, submittedBy: string | null = 'u-filer') {
  return renderWithProviders(
    <EvaluationActions evaluation={seedEvaluation3({ status, submittedBy }, SUBMITTED)} me={user(`u-${role}`, role)} />,
  );
}

describe('EvaluationActions', () => {
  // The 复核 dialog's inputs ask jsdom for styles on every keystroke: minutes on a busy machine otherwise.
  withFastComputedStyle();
  it.each<[Role, EvaluationStatus, string[]]>([
    ['filer', 'draft', ['提交']],
    ['filer', 'returned', ['提交']],
    ['filer', 'submitted', ['撤回']],
    ['filer', 'reviewed', []],
    ['filer', 'final', []],
    ['reviewer', 'draft', []],
    ['reviewer', 'submitted', ['退回', '复核']],
    ['reviewer', 'reviewed', ['退回', '定稿']],
    ['reviewer', 'final', []],
    ['supervisor', 'submitted', []],
    ['finance', 'submitted', []],
    ['admin', 'submitted', []],
  ])('%s on %s: %j', (role, status, expected) => {
    const { container } = renderActions(status, role);
    expect(buttonsOf(container)).toEqual(expected);
  });

  it('hides 复核 and 定稿 from the reviewer who submitted it (the API refuses them)', () => {
    const { container } = renderActions('submitted', 'reviewer', 'u-reviewer');
    expect(buttonsOf(container)).toEqual(['退回']);
  });

  it('退回 asks for a comment and sends it with the rowVersion', async () => {
    renderActions('submitted', 'reviewer');
    await userEvent.click(screen.getByRole('button', { name: buttonName('退回') }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: '确认退回' }));
    expect(await within(dialog).findByText('请填写退回意见')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
    await userEvent.type(within(dialog).getByLabelText('退回意见'), '信息化程度的偏差原因不充分');
    await userEvent.click(within(dialog).getByRole('button', { name: '确认退回' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/evaluations/e-3/transitions');
    expect(JSON.parse(String(init.body))).toEqual({
      action: 'return',
      rowVersion: 1,
      comment: '信息化程度的偏差原因不充分',
    });
  });

  it('复核 adjusts a qualitative share inside its band, needs a reason, updates the total live and sends the adjustments', async () => {
    renderActions('submitted', 'reviewer');
    await userEvent.click(screen.getByRole('button', { name: buttonName('复核') }));
    const dialog = await screen.findByRole('dialog');
    const before = within(dialog).getByTestId('review-total').textContent;

    await userEvent.click(within(dialog).getByRole('combobox', { name: '复核完成档次：项目完成及时率' }));
    await userEvent.click(await screen.findByTitle('部分达成并具有一定效果（60%–80%）'));
    const percent = within(dialog).getByLabelText('复核得分比例：项目完成及时率');
    expect(percent).toHaveValue('80');
    await userEvent.clear(percent);
    await userEvent.type(percent, '75');
    // 7.14 × 0.9 = 6.43 → 7.14 × 0.75 = 5.36: the total drops by 1.07
    expect(within(dialog).getByTestId('review-total').textContent).not.toBe(before);

    await userEvent.click(within(dialog).getByRole('button', { name: '确认复核' }));
    expect(await within(dialog).findAllByText('项目完成及时率：请填写复核调整理由')).toHaveLength(1);
    expect(fetchMock).not.toHaveBeenCalled();

    await userEvent.type(within(dialog).getByLabelText('复核调整理由：项目完成及时率'), '两项子任务延期');
    await userEvent.click(within(dialog).getByRole('button', { name: '确认复核' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const [, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(JSON.parse(String(init.body))).toEqual({
      action: 'review',
      rowVersion: 1,
      comment: null,
      adjustments: [
        { indicatorId: seedEvaluation3().indicators[6].id, share: '0.75', band: 'partly', reason: '两项子任务延期' },
      ],
    });
  });

  it('复核 shows the unit’s 部分达成 at 80 % as picked, and sends the reviewer’s band at an edge', async () => {
    const atEdge = {
      ...SUBMITTED,
      项目完成及时率: {
        actualValue: '基本及时',
        selfShare: '0.8000',
        selfBand: 'partly' as const,
        deviationReason: '延期',
      },
    };
    renderWithProviders(
      <EvaluationActions
        evaluation={seedEvaluation3({ status: 'submitted', submittedBy: 'u-filer' }, atEdge)}
        me={user('u-reviewer', 'reviewer')}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: buttonName('复核') }));
    const dialog = await screen.findByRole('dialog');
    const row = within(dialog).getByText('项目完成及时率').closest('tr')!;
    expect(within(row).getByText('部分达成并具有一定效果 80%')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('combobox', { name: '复核完成档次：信息化程度' }));
    await userEvent.click(await screen.findByTitle('部分达成并具有一定效果（60%–80%）'));
    await userEvent.type(within(dialog).getByLabelText('复核调整理由：信息化程度'), '佐证已补充');
    await userEvent.click(within(dialog).getByRole('button', { name: '确认复核' }));
    await waitFor(() => expect(fetchMock).toHaveBeenCalled());
    const body = JSON.parse(String((fetchMock.mock.calls[0] as [string, RequestInit])[1].body));
    expect(body.adjustments).toEqual([
      { indicatorId: expect.any(String), share: '0.8', band: 'partly', reason: '佐证已补充' },
    ]);
  });
});
