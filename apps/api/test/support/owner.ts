import { Client } from 'pg';

/**
 * Runs `work` on a connection of the database's owner, closed after it: for what a test sets up or reads past the
 * API and row-level security (hundreds of rows at once, a flag no route sets).
 */
export async function asOwner<T>(ownerUrl: string, work: (owner: Client) => Promise<T>): Promise<T> {
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    return await work(owner);
  } finally {
    await owner.end();
  }
}
