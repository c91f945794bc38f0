import Fastify, { type FastifyInstance } from 'fastify';
import { QueryFailedError } from 'typeorm';
import type { Db } from '../../database/access/db';
import type { RequestTransaction } from '../../database/access/request-transaction';
import type { AuthenticatedRequest } from '../auth/session.guard';
import { installRequestTransactionHooks } from './request-transaction-hooks';
import { type AuthUser, setTenantScope, tenantScope } from './request-context';

/** A request transaction that records how it ended. */
function fakeTransaction(commitError?: Error) {
  const ends: string[] = [];
  let finished = false;
  const tx = {
    get isFinished() {
      return finished;
    },
    db: {} as Db,
    commit: async () => {
      finished = true;
      ends.push('commit');
      if (commitError) throw commitError;
    },
    rollback: async () => {
      if (finished) return;
      finished = true;
      ends.push('rollback');
    },
  };
  return { tx: tx as unknown as RequestTransaction, ends };
}

describe('request transaction hooks (commit on success, roll back on any error, release always)', () => {
  let app: FastifyInstance;
  let current: ReturnType<typeof fakeTransaction>;

  beforeEach(async () => {
    app = Fastify();
    installRequestTransactionHooks(app);
    const open = (request: AuthenticatedRequest, commitError?: Error) => {
      current = fakeTransaction(commitError);
      request.tx = current.tx;
      setTenantScope(request, { username: 'filer' } as AuthUser, current.tx.db);
    };
    app.get('/ok', async (request) => {
      open(request as AuthenticatedRequest);
      // The scope the guard set is there after awaits, as in a service several calls deep.
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { user: tenantScope().user.username };
    });
    app.get('/throws', async (request) => {
      open(request as AuthenticatedRequest);
      throw new Error('boom');
    });
    app.get('/not-found', async (request, reply) => {
      open(request as AuthenticatedRequest);
      return reply.status(404).send({ message: 'no' });
    });
    app.get('/commit-fails', async (request) => {
      open(
        request as AuthenticatedRequest,
        new QueryFailedError('COMMIT', [], Object.assign(new Error('dup'), { code: '23505' })),
      );
      return { saved: true };
    });
    app.get('/public', async () => {
      expect(() => tenantScope()).toThrow('No tenant scope');
      return { ok: true };
    });
    await app.ready();
  });
  afterEach(() => app.close());

  it('commits after a successful handler, before the answer leaves, with the tenant scope visible to the handler', async () => {
    const response = await app.inject({ method: 'GET', url: '/ok' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ user: 'filer' });
    expect(current.ends).toEqual(['commit']);
  });

  it('rolls back when the handler throws, and when it answers an error status', async () => {
    expect((await app.inject({ method: 'GET', url: '/throws' })).statusCode).toBe(500);
    expect(current.ends).toEqual(['rollback']);
    expect((await app.inject({ method: 'GET', url: '/not-found' })).statusCode).toBe(404);
    expect(current.ends).toEqual(['rollback']);
  });

  it('answers the error the exception filter would send when COMMIT fails, instead of the success', async () => {
    const response = await app.inject({ method: 'GET', url: '/commit-fails' });
    expect(response.statusCode).toBe(409);
    expect(response.headers['content-type']).toContain('application/json');
    expect(response.json()).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: '与已有记录重复（编码或名称已被使用）',
    });
    expect(current.ends).toEqual(['commit']);
  });

  it('leaves requests without a transaction alone (no tenant scope there)', async () => {
    expect((await app.inject({ method: 'GET', url: '/public' })).json()).toEqual({ ok: true });
  });
});
