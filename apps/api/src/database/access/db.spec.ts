import type { PoolClient, QueryConfig } from 'pg';
import { QueryFailedError } from 'typeorm';
import { Db } from './db';
import type { Statement } from './statement';

/**
 * A transaction's connection runs one statement at a time. pg queues a second query sent while one runs, but
 * deprecates it (pg 9 will refuse it), and services do start several reads of one transaction together
 * (Promise.all: the onboarding preview, the taxonomy's use, the import's catalog).
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

  it('sends statements started together one after another, each answered with its own rows', async () => {
    const { seen, client } = fakeConnection();
    const db = Db.onConnection(client, () => false);
    const answers = await Promise.all(['first', 'second', 'third'].map((text) => db.rows(statement(text), [])));
    expect(answers).toEqual([[{ text: 'first' }], [{ text: 'second' }], [{ text: 'third' }]]);
    expect(seen.most).toBe(1);
    expect(seen.order).toEqual(['first', 'second', 'third']);
  });

  it('goes on after a failed statement, which fails alone', async () => {
    const { seen, client } = fakeConnection();
    const db = Db.onConnection(client, () => false);
    const [failed, next] = await Promise.allSettled([db.rows(statement('fails'), []), db.rows(statement('after'), [])]);
    expect(failed).toMatchObject({ status: 'rejected', reason: { message: 'relation does not exist' } });
    expect(next).toEqual({ status: 'fulfilled', value: [{ text: 'after' }] });
    expect(seen.most).toBe(1);
  });

  it('refuses a statement on a finished transaction as the caller’s bug, not as a failed query', async () => {
    const { seen, client } = fakeConnection();
    let finished = false;
    // The transaction ends while its last statement runs (a request answered without awaiting a read).
    const ending = {
      query: async (query: QueryConfig) => {
        const result = await client.query(query);
        finished = true;
        return result;
      },
    } as unknown as PoolClient;
    const db = Db.onConnection(ending, () => finished);
    const last = db.rows(statement('last'), []);
    const queued = db.rows(statement('queued'), []);
    await expect(last).resolves.toEqual([{ text: 'last' }]);
    // Queued behind it, its turn comes after the end: refused, never sent outside the transaction.
    const refused: unknown = await queued.catch((error: unknown) => error);
    expect(refused).toEqual(new Error('a statement: the transaction is already finished'));
    expect(refused).not.toBeInstanceOf(QueryFailedError);
    expect(seen.order).toEqual(['last']);
  });
});
