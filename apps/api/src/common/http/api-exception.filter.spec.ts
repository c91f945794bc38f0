import { type ArgumentsHost, HttpException, Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import type { ApiError } from '@jxt/contracts';
import { APPEND_ONLY_SQLSTATE, LOCKED_REVISION_SQLSTATE } from '../../database/sqlstate';
import { ApiExceptionFilter } from './api-exception.filter';
import { DATABASE_UNAVAILABLE } from './database-errors';

interface Sent {
  status: number;
  headers: Record<string, string>;
  body: ApiError;
}

/** What the filter sends for `exception` in a request with id `req-1`. */
function answer(exception: unknown): Sent {
  const sent: Partial<Sent> = { headers: {} };
  const reply = {
    status: (status: number) => ((sent.status = status), reply),
    header: (name: string, value: string) => ((sent.headers![name] = value), reply),
    send: (body: ApiError) => (sent.body = body),
  };
  const request = { id: 'req-1', method: 'PUT', url: '/api/forms/x' };
  const host = {
    switchToHttp: () => ({ getResponse: () => reply, getRequest: () => request }),
  } as unknown as ArgumentsHost;
  new ApiExceptionFilter().catch(exception, host);
  return sent as Sent;
}

/** A query that failed with `code`, as Db throws it. */
const failed = (code: string, message = 'refused') =>
  new QueryFailedError('UPDATE …', [], Object.assign(new Error(message), { code }));

describe('ApiExceptionFilter: database refusals', () => {
  it('answers a write to a locked revision with 409 已锁定的版本不能修改', () => {
    expect(answer(failed(LOCKED_REVISION_SQLSTATE)).body).toMatchObject({
      statusCode: 409,
      message: '已锁定的版本不能修改',
    });
  });

  it('answers a change to an append-only history with 409, not 404', () => {
    expect(answer(failed(APPEND_ONLY_SQLSTATE)).body).toMatchObject({
      statusCode: 409,
      message: expect.stringContaining('只能追加'),
    });
  });

  it('keeps row-level security refusals as 404 and duplicates as 409', () => {
    expect(answer(failed('42501')).status).toBe(404);
    expect(answer(failed('23505')).status).toBe(409);
  });

  it('answers a deadlock or a serialisation failure that is left after the retries with 409 and Retry-After', () => {
    for (const code of ['40P01', '40001', '55P03']) {
      const sent = answer(failed(code));
      expect(sent).toMatchObject({ status: 409, headers: { 'retry-after': '1' } });
      expect(sent.body.message).toContain('稍后重试');
    }
  });

  it('answers input the database refused (NUL byte, out of range, too long) with 400, never 500', () => {
    for (const code of ['22021', '22P05', '22003', '22001', '23502', '23514', '54000'])
      expect(answer(failed(code)).status).toBe(400);
  });
});

describe('ApiExceptionFilter: a database that cannot be reached', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => (warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined)));
  afterEach(() => warn.mockRestore());

  it.each([
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    [
      'every address refused',
      Object.assign(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]), { code: undefined }),
    ],
    ['a server shutting down', failed('57P01', 'terminating connection due to administrator command')],
    ['a server starting', failed('57P03', 'the database system is starting up')],
    ['a lost connection', failed('', 'Connection terminated unexpectedly')],
    ['a full pool', new Error('timeout exceeded when trying to connect')],
    ['too many connections', failed('53300', 'sorry, too many clients already')],
  ])('answers %s with 503 数据库暂不可用 and Retry-After', (_, error) => {
    const sent = answer(error);
    expect(sent).toMatchObject({ status: 503, headers: { 'retry-after': '5' } });
    expect(sent.body).toMatchObject({ statusCode: 503, message: DATABASE_UNAVAILABLE, requestId: 'req-1' });
  });
});

describe('ApiExceptionFilter: anything else', () => {
  it('answers 500 with the request id, and logs the id and the SQLSTATE', () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    try {
      const sent = answer(failed('XX001', 'could not read block'));
      expect(sent.status).toBe(500);
      expect(sent.body).toMatchObject({ statusCode: 500, requestId: 'req-1' });
      expect(sent.body.message).toContain('req-1');
      expect(error).toHaveBeenCalledWith(expect.stringMatching(/^500 request req-1 PUT \/api\/forms\/x code XX001: /));
    } finally {
      error.mockRestore();
    }
  });
});

describe('ApiExceptionFilter: Retry-After of a refusal that says when to come back', () => {
  it('sends the seconds of a 429 as Retry-After, and keeps them out of the body', () => {
    expect(answer(new HttpException({ message: '请稍后再试', retryAfter: 42 }, 429))).toEqual({
      status: 429,
      headers: { 'retry-after': '42' },
      body: { statusCode: 429, error: 'TOO_MANY_REQUESTS', message: '请稍后再试' },
    });
  });

  it('sends no Retry-After for other errors', () => {
    expect(answer(new HttpException('x', 409)).headers).toEqual({});
  });
});
