import type { PoolClient, QueryConfig } from 'pg';
import { QueryFailedError } from 'typeorm';
import { Db } from './db';
import type { Statement } from './statement';

/**
 * A transaction's connection runs one statement at a time. pg queues a second query sent while one runs, but
 * deprecates it (pg 9 will refuse it), and statements started together run in an order no one wrote: Db refuses the
 * second one, naming both, so the mistake shows in a test rather than in production.
 */
describe('Db on a transaction connection', () => {
  /** A connection that answers each query after a tick and records how many ran at once. */
  const fakeConnection = () => {
    const seen = { inFlight: 0, most: 0, order: [] as string[] };
    const client = {
      query: async (query: QueryConfig) => {
        seen.inFlight += 1;
        seen.most = Math.max(seen.most, seen.inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        seen.inFlight -= 1;
        seen.order.push(query.text);
        if (query.text === 'fails') throw new Error('relation does not exist');
        return { rows: [{ text: query.text }], rowCount: 1 };
      },
    };
    return { seen, client: client as unknown as PoolClient };
  };
  const statement = (text: string) =>
    ({ name: `db.spec.${text}`, text, prepared: false }) as Statement<{ text: string }>;

  it('answers statements sent one after another, each with its own rows', async () => {
    const { seen, client } = fakeConnection();
    const db = Db.onConnection(client, () => false);
    expect(await db.rows(statement('first'), [])).toEqual([{ text: 'first' }]);
    expect(await db.rows(statement('second'), [])).toEqual([{ text: 'second' }]);
    expect(seen.order).toEqual(['first', 'second']);
  });

  it('refuses a statement sent while another runs, naming both, as the caller’s bug; the running one completes', async () => {
    const { seen, client } = fakeConnection();
    const db = Db.onConnection(client, () => false);
    const [first, second] = await Promise.allSettled([
      db.rows(statement('first'), []),
      db.rows(statement('second'), []),
    ]);
    expect(first).toEqual({ status: 'fulfilled', value: [{ text: 'first' }] });
    expect(second).toMatchObject({
      status: 'rejected',
      reason: {
        message: 'db.spec.second: sent while db.spec.first still runs on the same transaction; await it first',
      },
    });
    expect((second as PromiseRejectedResult).reason).not.toBeInstanceOf(QueryFailedError);
    expect(seen.most).toBe(1);
    expect(seen.order).toEqual(['first']);
  });

  it('frees the connection when a statement fails, which fails as a query', async () => {
    const { seen, client } = fakeConnection();
    const db = Db.onConnection(client, () => false);
    const failed: unknown = await db.rows(statement('fails'), []).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(QueryFailedError);
    expect(failed).toMatchObject({ message: 'relation does not exist' });
    expect(await db.rows(statement('after'), [])).toEqual([{ text: 'after' }]);
    expect(seen.order).toEqual(['fails', 'after']);
  });

  it('refuses a statement on a finished transaction as the caller’s bug, not as a failed query', async () => {
    const { seen, client } = fakeConnection();
    let finished = false;
    const db = Db.onConnection(client, () => finished);
    await db.rows(statement('last'), []);
    finished = true;
    const refused: unknown = await db.rows(statement('late'), []).catch((error: unknown) => error);
    expect(refused).toEqual(new Error('db.spec.late: the transaction is already finished'));
    expect(refused).not.toBeInstanceOf(QueryFailedError);
    expect(seen.order).toEqual(['last']);
  });
});
