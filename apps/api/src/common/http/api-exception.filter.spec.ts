import type { ArgumentsHost } from '@nestjs/common';
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
