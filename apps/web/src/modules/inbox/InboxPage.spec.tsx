import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  BatchTransitionResponse,
  CurrentUser,
  EvaluationInboxItem,
  EvaluationInboxResponse,
  InboxItem,
  InboxResponse,
} from '@jxt/contracts';
import { withFastComputedStyle } from '../../testing/fast-computed-style';
import { json, renderWithProviders, user } from '../../testing/render';
import { InboxPage } from './InboxPage';

const item = (formId: string, projectName: string, extra: Partial<InboxItem> = {}): InboxItem => ({
  formId,
  rowVersion: 3,
  projectCode: `C-${formId}`,
  projectName,
  organizationName: '上海市松江区科技创新服务中心',
  year: 2021,
  revision: 1,
  status: 'submitted',
  reason: 'to_review',
  since: '2021-03-01T08:00:00.000Z',
  dueDate: '2021-03-31',
  overdue: false,
  lastComment: null,
  ...extra,
});

const INBOX: InboxResponse = {
  items: [
    item('f1', '市民服务', { overdue: true, dueDate: '2021-02-28' }),
    item('f2', '项目服务管理'),
    item('f3', '网络信息系统运行与维护', { status: 'supervisor_approved', reason: 'to_report', lastComment: '同意' }),
  ],
  counts: { to_review: 2, to_report: 1, returned: 0, draft_unsubmitted: 0 },
  total: 3,
  overdue: 1,
};

const evaluationItem = (formId: string, projectName: string, reason: EvaluationInboxItem['reason']) =>
  ({
    evaluationId: reason === 'to_evaluate' ? null : `e-${formId}`,
    formId,
    projectCode: `C-${formId}`,
    projectName,
    organizationName: '上海市松江区科技创新服务中心',
    year: 2021,
    status: reason === 'to_evaluate' ? null : 'returned',
    reason,
    since: '2022-01-10T08:00:00.000Z',
    lastComment: null,
  }) satisfies EvaluationInboxItem;

let me: CurrentUser;
let posted: unknown[];
let evaluationInbox: EvaluationInboxResponse | null;
// The inbox table and the batch dialog ask jsdom for styles all the time: seconds a query under load otherwise.
withFastComputedStyle();

beforeEach(() => {
  me = user('u-sup', 'supervisor');
  posted = [];
  evaluationInbox = null;
  global.fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = new URL(String(input), 'http://localhost').pathname;
    if (path === '/api/auth/me') return json(200, me);
    if (path === '/api/inbox') return json(200, INBOX);
    if (path === '/api/evaluation-inbox' && evaluationInbox) return json(200, evaluationInbox);
    if (path === '/api/forms/batch-transitions') {
      const body = JSON.parse(String(init?.body)) as { forms: { id: string }[] };
      posted.push(body);
      return json(200, {
        results: body.forms.map((f, i) =>
          i === 0
            ? { formId: f.id, ok: true, status: 'supervisor_approved', rowVersion: 4 }
            : { formId: f.id, ok: false, statusCode: 409, message: '表单已被他人处理' },
        ),
        succeeded: 1,
        failed: body.forms.length - 1,
      } satisfies BatchTransitionResponse);
    }
    return json(404, { statusCode: 404, error: 'Not Found', message: 'no' });
  }) as typeof fetch;
});

describe('InboxPage', () => {
  it("shows the counts of the supervisor's own reasons and the overdue total, not the filer's cards", async () => {
    renderWithProviders(<InboxPage />, '/inbox');
    await screen.findByRole('link', { name: '市民服务' });
    expect(screen.getByTestId('count-to_review')).toHaveTextContent('2');
    expect(screen.getByTestId('count-to_report')).toHaveTextContent('1');
    expect(screen.queryByTestId('count-returned')).toBeNull();
    expect(screen.queryByTestId('count-draft_unsubmitted')).toBeNull();
    for (const label of ['待审核', '待汇总报送']) expect(screen.getAllByText(label).length).toBeGreaterThan(0);
    expect(screen.getByText('已逾期 1 项')).toBeInTheDocument();
  });

  it('shows a filer the returned forms and every unsubmitted draft, and no reviewing cards', async () => {
    me = user('u-filer', 'filer');
    renderWithProviders(<InboxPage />, '/inbox');
    expect(await screen.findByTestId('count-draft_unsubmitted')).toBeInTheDocument();
    expect(screen.getByText('未提交的草稿')).toBeInTheDocument();
    expect(screen.getByTestId('count-returned')).toBeInTheDocument();
    expect(screen.queryByTestId('count-to_review')).toBeNull();
    expect(screen.queryByTestId('count-to_report')).toBeNull();
  });

  it('lists the items with a link to the form, status, deadline, and a red tag on the overdue one', async () => {
    renderWithProviders(<InboxPage />, '/inbox');
    const link = await screen.findByRole('link', { name: '市民服务' });
    expect(link).toHaveAttribute('href', '/forms/f1');
    const overdueRow = link.closest('tr')!;
    expect(within(overdueRow).getByText('已逾期')).toBeInTheDocument();
    expect(within(overdueRow).getByText('已提交')).toBeInTheDocument();
    const onTime = screen.getByRole('link', { name: '项目服务管理' }).closest('tr')!;
    expect(within(onTime).queryByText('已逾期')).toBeNull();
    const report = screen.getByRole('link', { name: '网络信息系统运行与维护' }).closest('tr')!;
    expect(within(report).getByText('同意')).toBeInTheDocument();
    expect(within(report).getByText('主管部门已审核')).toBeInTheDocument();
  });

  it('filters by a reason card', async () => {
    renderWithProviders(<InboxPage />, '/inbox');
    await screen.findByRole('link', { name: '市民服务' });
    await userEvent.click(screen.getByRole('listitem', { name: /待汇总报送/ }));
    expect(screen.queryByRole('link', { name: '市民服务' })).toBeNull();
    expect(screen.getByRole('link', { name: '网络信息系统运行与维护' })).toBeInTheDocument();
  });

  it('opens the 自评表 behind each 绩效自评 count', async () => {
    me = user('u-filer', 'filer');
    evaluationInbox = {
      items: [evaluationItem('g1', '科技小巨人培育', 'to_evaluate'), evaluationItem('g2', '专利资助', 'returned')],
      counts: { to_evaluate: 1, returned: 1, to_review: 0, to_finalise: 0 },
      total: 2,
    };
    renderWithProviders(<InboxPage />, '/inbox');
    await screen.findByRole('link', { name: '专利资助' });
    expect(screen.getByRole('link', { name: '科技小巨人培育' })).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('evaluation-count-returned'));
    expect(screen.queryByRole('link', { name: '科技小巨人培育' })).toBeNull();
    expect(screen.getByRole('link', { name: '专利资助' })).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('evaluation-count-returned'));
    expect(screen.getByRole('link', { name: '科技小巨人培育' })).toBeInTheDocument();
  });

  it('approves the selected forms in one batch and shows each result', async () => {
    renderWithProviders(<InboxPage />, '/inbox');
    await screen.findByRole('link', { name: '市民服务' });
    await userEvent.click(screen.getByRole('checkbox', { name: '选择 市民服务' }));
    await userEvent.click(screen.getByRole('checkbox', { name: '选择 项目服务管理' }));
    await userEvent.click(screen.getByRole('checkbox', { name: '选择 网络信息系统运行与维护' }));
    // 审核通过 applies to the two submitted forms, 汇总报送 to the approved one, 退回 to all three
    expect(screen.getByRole('button', { name: '批量审核通过（2）' })).toBeEnabled();
    expect(screen.getByRole('button', { name: '汇总报送（1）' })).toBeEnabled();
    expect(screen.getByRole('button', { name: '批量退回（3）' })).toBeEnabled();
    await userEvent.click(screen.getByRole('button', { name: '批量审核通过（2）' }));
    await userEvent.click(await screen.findByRole('button', { name: /确\s*认/ }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({
      action: 'approve',
      comment: null,
      forms: [
        { id: 'f1', rowVersion: 3 },
        { id: 'f2', rowVersion: 3 },
      ],
    });
    const result = await screen.findByRole('list', { name: '批量操作结果' });
    expect(within(result).getByText('市民服务：成功（主管部门已审核）')).toBeInTheDocument();
    expect(within(result).getByText('项目服务管理：失败 — 表单已被他人处理')).toBeInTheDocument();
    expect(screen.getByText('批量审核通过：成功 1 张，失败 1 张')).toBeInTheDocument();
  });

  it('asks one comment for 批量退回 and refuses to send without it', async () => {
    renderWithProviders(<InboxPage />, '/inbox');
    await screen.findByRole('link', { name: '市民服务' });
    await userEvent.click(screen.getByRole('checkbox', { name: '选择 市民服务' }));
    await userEvent.click(screen.getByRole('button', { name: '批量退回（1）' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: '确认退回' }));
    expect(await within(dialog).findByText('请填写退回意见')).toBeInTheDocument();
    expect(posted).toHaveLength(0);
    await userEvent.type(within(dialog).getByLabelText('退回意见（所有选中的表共用）'), '请补充指标');
    await userEvent.click(within(dialog).getByRole('button', { name: '确认退回' }));
    await waitFor(() =>
      expect(posted).toEqual([{ action: 'return', comment: '请补充指标', forms: [{ id: 'f1', rowVersion: 3 }] }]),
    );
  });

  it('offers no batch steps to a filer', async () => {
    me = user('u-filer', 'filer');
    renderWithProviders(<InboxPage />, '/inbox');
    await screen.findByRole('link', { name: '市民服务' });
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.queryByRole('button', { name: /批量/ })).toBeNull();
  });
});
