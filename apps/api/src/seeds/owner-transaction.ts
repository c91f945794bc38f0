import { Client } from 'pg';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of hand-written SQL, typed at the call site
export type OwnerQuery = (sql: string, params?: unknown[]) => Promise<any[]>;

/** One transaction on the owner connection, for operator commands and seeding (never for requests). */
export async function withOwnerTransaction<T>(ownerUrl: string, work: (q: OwnerQuery) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const result = await work(async (sql, params) => (await client.query(sql, params as unknown[])).rows);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}
