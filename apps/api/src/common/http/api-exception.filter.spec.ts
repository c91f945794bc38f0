import { type ArgumentsHost, HttpException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import type { ApiError } from '@jxt/contracts';
import { APPEND_ONLY_SQLSTATE, LOCKED_REVISION_SQLSTATE } from '../../database/sqlstate';
import { ApiExceptionFilter } from './api-exception.filter';

/** What the filter sends for an error thrown by a query that failed with `code`. */
function answerFor(code: string): ApiError {
  let sent: ApiError | undefined;
  const reply = { status: () => ({ send: (body: ApiError) => (sent = body) }) };
  const host = { switchToHttp: () => ({ getResponse: () => reply }) } as unknown as ArgumentsHost;
  new ApiExceptionFilter().catch(
    new QueryFailedError('UPDATE …', [], Object.assign(new Error('refused'), { code })),
    host,
  );
  return sent!;
}

describe('ApiExceptionFilter: database refusals', () => {
  it('answers a write to a locked revision with 409 已锁定的版本不能修改', () => {
    expect(answerFor(LOCKED_REVISION_SQLSTATE)).toMatchObject({ statusCode: 409, message: '已锁定的版本不能修改' });
  });

  it('answers a change to an append-only history with 409, not 404', () => {
    expect(answerFor(APPEND_ONLY_SQLSTATE)).toMatchObject({
      statusCode: 409,
      message: expect.stringContaining('只能追加'),
    });
  });

  it('keeps row-level security refusals as 404 and duplicates as 409', () => {
    expect(answerFor('42501').statusCode).toBe(404);
    expect(answerFor('23505').statusCode).toBe(409);
  });
});

describe('ApiExceptionFilter: Retry-After', () => {
  /** The status, headers and body the filter sends for `exception`. */
  function sent(exception: unknown) {
    const headers: Record<string, string> = {};
    let status = 0;
    let body: ApiError | undefined;
    const reply = {
      header: (name: string, value: string) => {
        headers[name] = value;
        return reply;
      },
      status: (code: number) => {
        status = code;
        return { send: (b: ApiError) => (body = b) };
      },
    };
    const host = { switchToHttp: () => ({ getResponse: () => reply }) } as unknown as ArgumentsHost;
    new ApiExceptionFilter().catch(exception, host);
    return { status, headers, body };
  }

  it('sends the seconds of a 429 as Retry-After, and keeps them out of the body', () => {
    const answer = sent(new HttpException({ message: '请稍后再试', retryAfter: 42 }, 429));
    expect(answer).toEqual({
      status: 429,
      headers: { 'Retry-After': '42' },
      body: { statusCode: 429, error: 'TOO_MANY_REQUESTS', message: '请稍后再试' },
    });
  });

  it('sends no Retry-After for other errors', () => {
    expect(sent(new HttpException('x', 409)).headers).toEqual({});
  });
});
