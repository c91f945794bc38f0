import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, renderWithProviders, user } from '../../testing/render';
import { LoginPage } from './LoginPage';

type Call = [string, RequestInit];

describe('LoginPage', () => {
  it('asks for the authenticator’s code after a right password of a user with a second factor, then signs in', async () => {
    const calls: Call[] = [];
    global.fetch = jest.fn(async (url: string, init: RequestInit) => {
      calls.push([url, init]);
      if (url === '/api/auth/login')
        return json(202, { challengeToken: 'challenge-1', expiresAt: '2026-01-01T00:05:00Z' });
      const { code } = JSON.parse(init.body as string) as { code: string };
      return code === '123456'
        ? json(200, { accessToken: 'a', csrfToken: 'c', expiresAt: '2026-01-01T12:00:00Z', user: user('u1', 'admin') })
        : json(401, { statusCode: 401, error: 'Unauthorized', message: '验证码不正确或已使用' });
    }) as unknown as typeof fetch;
    renderWithProviders(<LoginPage />, '/login');

    await userEvent.type(screen.getByLabelText('用户名'), 'boss');
    await userEvent.type(screen.getByLabelText('密码'), 'Right-Password-1');
    await userEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    const code = await screen.findByLabelText('验证码');
    await userEvent.type(code, '000000');
    await userEvent.click(screen.getByRole('button', { name: '验证并登录' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('验证码不正确或已使用');

    await userEvent.clear(code);
    await userEvent.type(code, '123456');
    await userEvent.click(screen.getByRole('button', { name: '验证并登录' }));
    await screen.findByTestId('elsewhere');
    expect(calls.map(([url]) => url)).toEqual(['/api/auth/login', '/api/auth/login/totp', '/api/auth/login/totp']);
    expect(JSON.parse(calls[2][1].body as string)).toEqual({ challengeToken: 'challenge-1', code: '123456' });
  });
});
