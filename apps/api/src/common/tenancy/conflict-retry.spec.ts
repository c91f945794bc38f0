import { type ExecutionContext, Logger } from '@nestjs/common';
import { lastValueFrom, defer } from 'rxjs';
import { QueryFailedError } from 'typeorm';
import { CONFLICT_ATTEMPTS, ConflictRetryInterceptor } from './conflict-retry';

const failed = (code: string) => new QueryFailedError('SELECT …', [], Object.assign(new Error(code), { code }));

/** Runs the interceptor over a handler that fails with the given errors, one per try, then answers 'done'. */
async function run(failures: unknown[]): Promise<{ result: unknown; tries: number; restarts: number }> {
  let tries = 0;
  const restart = jest.fn(async () => undefined);
  const request = { id: 'req-1', method: 'POST', url: '/x', tx: { restart }, user: { tenantId: 't', userId: 'u' } };
  const context = { switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
  const next = {
    handle: () =>
      defer(async () => {
        const failure = failures[tries++];
        if (failure) throw failure;
        return 'done';
      }),
  };
  const result = await lastValueFrom(new ConflictRetryInterceptor().intercept(context, next)).catch((e: unknown) => e);
  return { result, tries, restarts: restart.mock.calls.length };
}

describe('ConflictRetryInterceptor', () => {
  beforeEach(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('runs the handler again in a restarted transaction after a deadlock or a serialisation failure', async () => {
    expect(await run([failed('40P01'), failed('40001')])).toEqual({ result: 'done', tries: 3, restarts: 2 });
  });

  it(`gives up after ${CONFLICT_ATTEMPTS} tries and lets the last failure through (answered 409 with Retry-After)`, async () => {
    const last = failed('40P01');
    const outcome = await run([failed('40P01'), failed('40P01'), last, failed('40P01')]);
    expect(outcome).toEqual({ result: last, tries: CONFLICT_ATTEMPTS, restarts: CONFLICT_ATTEMPTS - 1 });
  });

  it('does not retry any other failure', async () => {
    const duplicate = failed('23505');
    expect(await run([duplicate])).toEqual({ result: duplicate, tries: 1, restarts: 0 });
  });
});
