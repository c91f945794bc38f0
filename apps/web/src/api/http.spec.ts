import { ApiRequestError, apiFetch, setUnauthorizedListener } from './http';

type FetchArgs = [string, RequestInit];

function answer(status: number, body?: unknown, statusText = ''): Response {
  return {
    status,
    ok: status >= 200 && status < 300,
    statusText,
    json: () => (body === undefined ? Promise.reject(new SyntaxError('no body')) : Promise.resolve(body)),
  } as Response;
}

describe('apiFetch', () => {
  let fetchMock: jest.Mock<Promise<Response>, FetchArgs>;
  let unauthorized: jest.Mock<void, [string]>;

  beforeEach(() => {
    fetchMock = jest.fn<Promise<Response>, FetchArgs>();
    global.fetch = fetchMock as unknown as typeof fetch;
    unauthorized = jest.fn();
    setUnauthorizedListener(unauthorized);
    document.cookie = 'jxt_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });

  const headersOf = (call = 0) => fetchMock.mock.calls[call][1].headers as Record<string, string>;

  it('sends the CSRF cookie back as X-CSRF-Token on writes, decoded', async () => {
    document.cookie = `jxt_csrf=${encodeURIComponent('tok/+=en')}; path=/`;
    document.cookie = 'other=1; path=/';
    fetchMock.mockResolvedValue(answer(200, { ok: true }));
    await apiFetch('/api/projects', { method: 'POST', body: { name: '项目' } });
    expect(headersOf()['x-csrf-token']).toBe('tok/+=en');
    expect(headersOf()['content-type']).toBe('application/json');
    expect(fetchMock.mock.calls[0][1]).toMatchObject({
      method: 'POST',
      body: JSON.stringify({ name: '项目' }),
      credentials: 'same-origin',
    });
  });

  it('sends no CSRF header on reads', async () => {
    document.cookie = 'jxt_csrf=abc; path=/';
    fetchMock.mockResolvedValue(answer(200, []));
    await apiFetch('/api/organizations');
    expect(headersOf()).not.toHaveProperty('x-csrf-token');
    expect(headersOf()).not.toHaveProperty('content-type');
  });

  it('returns the parsed body, and undefined for 204', async () => {
    fetchMock.mockResolvedValueOnce(answer(200, { total: 3 })).mockResolvedValueOnce(answer(204));
    await expect(apiFetch('/api/projects?year=2021')).resolves.toEqual({ total: 3 });
    await expect(apiFetch('/api/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });

  it('on 401 tells the app shell the session ended, with the server’s message', async () => {
    fetchMock.mockResolvedValue(
      answer(401, { statusCode: 401, error: 'Unauthorized', message: '登录已失效，请重新登录' }),
    );
    const error = await apiFetch('/api/projects?year=2021').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect((error as ApiRequestError).status).toBe(401);
    expect((error as ApiRequestError).message).toBe('登录已失效，请重新登录');
    expect(unauthorized).toHaveBeenCalledWith('登录已失效，请重新登录');
  });

  it('does not treat a wrong password (401 from the login call) as an ended session', async () => {
    fetchMock.mockResolvedValue(answer(401, { statusCode: 401, error: 'Unauthorized', message: '用户名或密码错误' }));
    await expect(
      apiFetch('/api/auth/login', { method: 'POST', body: { username: 'filer', password: 'x' } }),
    ).rejects.toThrow('用户名或密码错误');
    expect(unauthorized).not.toHaveBeenCalled();
  });

  it('does not treat a wrong code of the login’s second step as an ended session either', async () => {
    fetchMock.mockResolvedValue(
      answer(401, { statusCode: 401, error: 'Unauthorized', message: '验证码不正确或已使用' }),
    );
    await expect(
      apiFetch('/api/auth/login/totp', { method: 'POST', body: { challengeToken: 't', code: '000000' } }),
    ).rejects.toThrow('验证码不正确或已使用');
    expect(unauthorized).not.toHaveBeenCalled();
  });

  it('makes a readable Chinese error when the body is not JSON, and does not call the 401 listener for other errors', async () => {
    fetchMock.mockResolvedValue(answer(502, undefined, 'Bad Gateway'));
    const error = (await apiFetch('/api/projects').catch((e: unknown) => e)) as ApiRequestError;
    expect(error.status).toBe(502);
    expect(error.message).toBe('请求失败（502）');
    expect(error.body.error).toBe('Bad Gateway');
    expect(unauthorized).not.toHaveBeenCalled();
  });

  it('keeps the per-field errors of a 400', async () => {
    const body = {
      statusCode: 400,
      error: 'Bad Request',
      message: '输入有误',
      fields: [{ field: 'year', message: '必须是年份' }],
    };
    fetchMock.mockResolvedValue(answer(400, body));
    const error = (await apiFetch('/api/projects').catch((e: unknown) => e)) as ApiRequestError;
    expect(error.body.fields).toEqual([{ field: 'year', message: '必须是年份' }]);
  });
});
