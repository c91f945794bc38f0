import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AuditEvent } from '@jxt/contracts';
import { withFastComputedStyle } from '../../testing/fast-computed-style';
import { json, renderWithProviders } from '../../testing/render';
import { AuditLogPage } from './AuditLogPage';

withFastComputedStyle();

const event = (id: string, change: Partial<AuditEvent>): AuditEvent => ({
  id,
  at: '2026-11-30T06:00:00.000Z',
  eventType: 'login',
  userId: 'u-1',
  username: 'a-admin',
  displayName: '管理员甲',
  organizationId: 'o-1',
  organizationName: '松江区财政局',
  method: 'POST',
  route: '/api/auth/login',
  targetType: null,
  targetId: null,
  status: 200,
  requestId: 'r-1',
  ip: '10.0.0.1',
  userAgent: null,
  detail: null,
  ...change,
});

let fetchMock: jest.Mock;
beforeEach(() => {
  fetchMock = jest.fn(async (url: string) => {
    if (url.startsWith('/api/audit-events?'))
      return json(200, {
        items: [
          event('2', { eventType: 'user.create', status: 400, route: '/api/users' }),
          event('1', { eventType: 'login.failed', status: 401, username: 'nobody', displayName: null }),
        ],
        total: 2,
        page: 1,
        pageSize: 50,
      });
    return json(404, { statusCode: 404, error: 'Not Found', message: url });
  });
  global.fetch = fetchMock as unknown as typeof fetch;
});

const requested = () => fetchMock.mock.calls.map(([url]) => String(url)).filter((u) => u.startsWith('/api/audit-'));

describe('AuditLogPage', () => {
  it('lists the events with their Chinese names, outcome, user and address', async () => {
    renderWithProviders(<AuditLogPage />, '/admin/audit-log');
    const table = await screen.findByRole('table');
    expect(await within(table).findByText('新建用户')).toBeInTheDocument();
    expect(within(table).getByText('失败 400')).toBeInTheDocument();
    expect(within(table).getByText('登录失败')).toBeInTheDocument();
    expect(within(table).getByText('管理员甲（a-admin）')).toBeInTheDocument();
    expect(within(table).getByText('nobody')).toBeInTheDocument();
    expect(within(table).getAllByText('10.0.0.1')).toHaveLength(2);
    expect(screen.getByText('共 2 条')).toBeInTheDocument();
    expect(requested()).toEqual(['/api/audit-events?page=1&pageSize=50']);
  });

  it('asks the server with the filters, and the CSV link carries the same ones', async () => {
    renderWithProviders(<AuditLogPage />, '/admin/audit-log');
    await screen.findByText('新建用户');
    await userEvent.type(screen.getByLabelText('用户'), '甲{Enter}');
    await waitFor(() => expect(requested()).toContain('/api/audit-events?user=%E7%94%B2&page=1&pageSize=50'));
    expect(screen.getByRole('link', { name: /导出 CSV/ })).toHaveAttribute(
      'href',
      '/api/audit-events.csv?user=%E7%94%B2',
    );
  });
});
