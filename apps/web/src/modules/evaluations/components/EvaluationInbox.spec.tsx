import { act, screen, waitFor, within } from '@testing-library/react';
import type { EvaluationInboxResponse } from '@jxt/contracts';
import { json, renderWithProviders } from '../../../testing/render';
import { EvaluationInbox } from './EvaluationInbox';

const INBOX: EvaluationInboxResponse = {
  items: [
    {
      evaluationId: null,
      formId: 'f-approved',
      projectCode: '2021-KCZX-001',
      projectName: '市民服务',
      organizationName: '上海市松江区科技创新服务中心',
      year: 2021,
      status: null,
      reason: 'to_evaluate',
      since: '2022-01-05T08:00:00.000Z',
      lastComment: null,
    },
    {
      evaluationId: 'e-returned',
      formId: 'f-network',
      projectCode: '2021-KCZX-003',
      projectName: '网络信息系统运行与维护',
      organizationName: '上海市松江区科技创新服务中心',
      year: 2021,
      status: 'returned',
      reason: 'returned',
      since: '2022-02-01T08:00:00.000Z',
      lastComment: '请补充投诉率的偏差原因',
    },
  ],
  counts: { to_evaluate: 1, returned: 1, to_review: 0, to_finalise: 0 },
  total: 2,
};

const serve = (body: EvaluationInboxResponse) => {
  global.fetch = jest.fn(async () => json(200, body)) as typeof fetch;
};

describe('EvaluationInbox (绩效自评 in 待办)', () => {
  it('lists what waits with its reason: a form still to evaluate links to the form, a returned 自评表 to itself with the comment', async () => {
    serve(INBOX);
    renderWithProviders(<EvaluationInbox />);
    const toEvaluate = (await screen.findByRole('link', { name: '市民服务' })).closest('tr')!;
    expect(screen.getByRole('link', { name: '市民服务' })).toHaveAttribute('href', '/forms/f-approved');
    expect(within(toEvaluate).getByText('未开始')).toBeInTheDocument();
    const returned = screen.getByRole('link', { name: '网络信息系统运行与维护' });
    expect(returned).toHaveAttribute('href', '/evaluations/e-returned');
    expect(within(returned.closest('tr')!).getByText('请补充投诉率的偏差原因')).toBeInTheDocument();
    expect(screen.getByTestId('evaluation-count-to_evaluate')).toHaveTextContent('待自评 1');
    expect(screen.getByTestId('evaluation-count-returned')).toHaveTextContent('自评被退回 1');
    expect(screen.queryByTestId('evaluation-count-to_review')).toBeNull();
  });

  it('shows nothing when nothing waits', async () => {
    serve({ items: [], counts: { to_evaluate: 0, returned: 0, to_review: 0, to_finalise: 0 }, total: 0 });
    const { container } = renderWithProviders(<EvaluationInbox />);
    await waitFor(() =>
      expect(global.fetch).toHaveBeenCalledWith(expect.stringContaining('/api/evaluation-inbox'), expect.anything()),
    );
    await act(() => new Promise((r) => setTimeout(r, 20)));
    expect(container.querySelector('.evaluation-inbox')).toBeNull();
  });
});
