import type { GoalForm, SaveFormRequest } from '@jxt/contracts';
import { api } from './client';

type FetchArgs = [string, RequestInit];

const answer = (status: number, body?: unknown) =>
  ({ status, ok: status < 300, statusText: '', json: () => Promise.resolve(body) }) as Response;

describe('api: the typed client of the generated paths', () => {
  let fetchMock: jest.Mock<Promise<Response>, FetchArgs>;

  beforeEach(() => {
    fetchMock = jest.fn<Promise<Response>, FetchArgs>();
    global.fetch = fetchMock as unknown as typeof fetch;
    document.cookie = 'jxt_csrf=token-1; path=/';
  });

  it('fills the path, sends the body with the CSRF token, and answers the parsed JSON', async () => {
    const saved = { id: 'f 1', rowVersion: 3 } as GoalForm;
    fetchMock.mockResolvedValue(answer(200, saved));
    const body = { rowVersion: 2 } as SaveFormRequest;
    await expect(api.put('/api/forms/{id}', { path: { id: 'f 1' }, body })).resolves.toEqual(saved);
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/forms/f%201');
    expect(init).toMatchObject({ method: 'PUT', body: JSON.stringify(body) });
    expect((init.headers as Record<string, string>)['x-csrf-token']).toBe('token-1');
  });

  it('puts the query parameters that are set into the URL, and passes the abort signal', async () => {
    fetchMock.mockResolvedValue(answer(200, { items: [], total: 0 }));
    const { signal } = new AbortController();
    await api.get('/api/evaluations', { query: { year: 2021, page: 1, status: undefined }, signal });
    expect(fetchMock.mock.calls[0][0]).toBe('/api/evaluations?year=2021&page=1');
    expect(fetchMock.mock.calls[0][1]).toMatchObject({ method: 'GET', signal });
  });

  it('answers undefined for a 204', async () => {
    fetchMock.mockResolvedValue(answer(204));
    await expect(api.post('/api/auth/logout')).resolves.toBeUndefined();
    expect(fetchMock.mock.calls[0][0]).toBe('/api/auth/logout');
  });
});
