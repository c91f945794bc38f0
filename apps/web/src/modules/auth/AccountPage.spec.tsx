import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, renderWithProviders, user } from '../../testing/render';
import { AccountPage } from './AccountPage';

let stored: string | null;
let enabled: boolean;
let puts: unknown[];
beforeEach(() => {
  stored = 'zhangwen@example.gov.cn';
  enabled = true;
  puts = [];
  global.fetch = jest.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/auth/me') return json(200, user('u-1', 'filer'));
    if (url === '/api/auth/sessions') return json(200, []);
    if (url === '/api/notifications/email' && init?.method === 'PUT') {
      const body = JSON.parse(String(init.body)) as { email: string | null };
      puts.push(body);
      // What the API's validation answers for an address its rule refuses but the browser's lets through.
      if (body.email?.endsWith('.invalid'))
        return json(400, {
          statusCode: 400,
          error: 'Bad Request',
          message: '请求参数不正确',
          fields: [{ field: 'email', message: '邮箱格式不正确', value: body.email }],
        });
      stored = body.email;
      return json(200, { email: stored, enabled });
    }
    if (url === '/api/notifications/email') return json(200, { email: stored, enabled });
    return json(404, { statusCode: 404, error: 'Not Found', message: url });
  }) as unknown as typeof fetch;
});

const field = () => screen.findByLabelText('通知邮箱', {}, { timeout: 5000 });
const saveButton = () => screen.getByRole('button', { name: '保存通知邮箱' });

describe('通知邮箱 in 个人设置', () => {
  it('shows the stored address and saves a new one', async () => {
    renderWithProviders(<AccountPage />, '/account');
    const email = await field();
    await waitFor(() => expect(email).toHaveValue('zhangwen@example.gov.cn'));
    expect(screen.queryByText(/尚未配置邮件发送/)).not.toBeInTheDocument();

    await userEvent.clear(email);
    await userEvent.type(email, ' li.min@example.gov.cn ');
    await userEvent.click(saveButton());
    await waitFor(() => expect(puts).toEqual([{ email: 'li.min@example.gov.cn' }]));
    expect(await screen.findByText('已保存通知邮箱')).toBeInTheDocument();
    expect(stored).toBe('li.min@example.gov.cn');
  });

  it('refuses a malformed address at the field and sends nothing', async () => {
    renderWithProviders(<AccountPage />, '/account');
    const email = await field();
    await waitFor(() => expect(email).toHaveValue('zhangwen@example.gov.cn'));
    await userEvent.clear(email);
    await userEvent.type(email, 'zhangwen@');
    await userEvent.click(saveButton());
    expect(await screen.findByText('邮箱格式不正确')).toBeInTheDocument();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(puts).toEqual([]);
  });

  it('shows the server’s refusal at the field', async () => {
    renderWithProviders(<AccountPage />, '/account');
    const email = await field();
    await waitFor(() => expect(email).toHaveValue('zhangwen@example.gov.cn'));
    await userEvent.clear(email);
    await userEvent.type(email, 'zhangwen@example.invalid');
    await userEvent.click(saveButton());
    expect(await screen.findByText('邮箱格式不正确')).toBeInTheDocument();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(puts).toEqual([{ email: 'zhangwen@example.invalid' }]);
    expect(stored).toBe('zhangwen@example.gov.cn');
  });

  it('an empty field removes the address; without SMTP the page says no mail goes out', async () => {
    enabled = false;
    renderWithProviders(<AccountPage />, '/account');
    const email = await field();
    await waitFor(() => expect(email).toHaveValue('zhangwen@example.gov.cn'));
    expect(screen.getByText(/尚未配置邮件发送（SMTP）/)).toBeInTheDocument();
    await userEvent.clear(email);
    await userEvent.click(saveButton());
    await waitFor(() => expect(puts).toEqual([{ email: null }]));
    expect(await screen.findByText('已清除通知邮箱，不再发送邮件提醒')).toBeInTheDocument();
  });
});
