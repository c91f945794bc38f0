import { Client } from 'pg';
import { OwnerTransactionStatements, type OwnerQuery } from './tenant-seed.repository';

export type { OwnerQuery };

/** One transaction on the owner connection, for operator commands and seeding (never for requests). */
export async function withOwnerTransaction<T>(ownerUrl: string, work: (q: OwnerQuery) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  const tx = new OwnerTransactionStatements(client);
  try {
    await tx.begin();
    const result = await work(tx.query);
    await tx.commit();
    return result;
  } catch (err) {
    await tx.rollback().catch(() => undefined);
    throw err;
  } finally {
    await client.end();
  }
}
