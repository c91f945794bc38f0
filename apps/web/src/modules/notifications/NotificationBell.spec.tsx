import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Notification } from '@jxt/contracts';
import { json, renderWithProviders } from '../../testing/render';
import { NotificationBell } from './NotificationBell';

const message = (id: string, change: Partial<Notification> = {}): Notification => ({
  id,
  kind: 'form_to_review',
  message: `上海市松江区科技创新服务中心提交了“项目${id}”2021年绩效目标表，请审核`,
  actorName: '张三',
  formId: `form-${id}`,
  evaluationId: null,
  link: `/forms/form-${id}`,
  createdAt: '2026-11-30T06:00:00.000Z',
  readAt: null,
  ...change,
});

let fetchMock: jest.Mock;
let unread: number;
beforeEach(() => {
  unread = 2;
  fetchMock = jest.fn(async (url: string, init?: RequestInit) => {
    if (url.startsWith('/api/notifications?') || url === '/api/notifications')
      return json(200, {
        items: [
          message('1'),
          message('2'),
          message('3', { readAt: '2026-11-30T07:00:00.000Z', kind: 'form_returned' }),
        ],
        total: 3,
        unread,
        page: 1,
        pageSize: 10,
      });
    if (url === '/api/notifications/1/read' && init?.method === 'POST') {
      unread = 1;
      return new Response(null, { status: 204 });
    }
    if (url === '/api/notifications/read-all' && init?.method === 'POST') {
      unread = 0;
      return json(200, { updated: 2 });
    }
    return json(404, { statusCode: 404, error: 'Not Found', message: url });
  });
  global.fetch = fetchMock as unknown as typeof fetch;
});

const posts = () =>
  fetchMock.mock.calls
    .filter(([, init]) => (init as RequestInit | undefined)?.method === 'POST')
    .map(([u]) => String(u));

describe('NotificationBell', () => {
  it('shows the unread count and lists the newest messages with their kind', async () => {
    renderWithProviders(<NotificationBell />, '/inbox');
    const bell = await screen.findByRole('button', { name: '消息提醒，2 条未读' });
    expect(within(bell).getByText('2')).toBeInTheDocument();
    await userEvent.click(bell);
    expect(
      await screen.findByText('上海市松江区科技创新服务中心提交了“项目1”2021年绩效目标表，请审核'),
    ).toBeInTheDocument();
    expect(screen.getAllByText('待审核')).toHaveLength(2);
    expect(screen.getByText('已退回')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '查看全部消息' })).toHaveAttribute('href', '/notifications');
  });

  it('opens the form of a message and marks it read', async () => {
    renderWithProviders(<NotificationBell />, '/inbox');
    await userEvent.click(await screen.findByRole('button', { name: '消息提醒，2 条未读' }));
    await userEvent.click(await screen.findByRole('link', { name: /“项目1”/ }));
    expect(await screen.findByTestId('elsewhere')).toBeInTheDocument(); // /forms/form-1
    await waitFor(() => expect(posts()).toEqual(['/api/notifications/1/read']));
  });

  it('全部标为已读 clears the count; a message already read is not marked again', async () => {
    renderWithProviders(<NotificationBell />, '/inbox');
    await userEvent.click(await screen.findByRole('button', { name: '消息提醒，2 条未读' }));
    await userEvent.click(await screen.findByRole('button', { name: /全部标为已读/ }));
    await waitFor(() => expect(posts()).toEqual(['/api/notifications/read-all']));
    expect(await screen.findByRole('button', { name: '消息提醒' })).toBeInTheDocument();
  });
});
