import type { PoolClient } from 'pg';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * The transaction of one authenticated request. It is opened by the session check itself, in one round
 * trip: BEGIN, the session lookup, and set_config of the tenant and user for row-level security.
 * The interceptor commits it after the handler (or rolls it back), and a response hook releases
 * whatever is left, so a connection never leaks.
 */
export class RequestTransaction {
  private finished = false;

  private constructor(private readonly runner: QueryRunner) {}

  get manager(): EntityManager {
    return this.runner.manager;
  }

  /** Opens the transaction and looks the session up in it (one round trip). */
  static async open<Row>(
    dataSource: DataSource,
    tokenHash: string,
  ): Promise<{ tx: RequestTransaction; session: Row | undefined }> {
    const text = beginWithSessionLookup(tokenHash);
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    const tx = new RequestTransaction(runner);
    try {
      const client = (runner as unknown as { databaseConnection: PoolClient }).databaseConnection;
      const results = (await client.query(text)) as unknown as { rows: Row[] }[];
      return { tx, session: results[1].rows[0] };
    } catch (err) {
      await tx.finish('ROLLBACK');
      throw err;
    }
  }

  async commit(): Promise<void> {
    await this.finish('COMMIT');
  }

  async rollback(): Promise<void> {
    await this.finish('ROLLBACK');
  }

  private async finish(statement: 'COMMIT' | 'ROLLBACK'): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    try {
      await this.runner.query(statement);
    } finally {
      await this.runner.release();
    }
  }
}

/**
 * The first round trip of an authenticated request: BEGIN, the session lookup, and set_config of the tenant and
 * user. `tokenHash` is hex (checked here), so it can be inlined: a multi-statement simple query cannot take
 * parameters. (The benchmark's floor server sends the same text.)
 */
export function beginWithSessionLookup(tokenHash: string): string {
  if (!/^[0-9a-f]{64}$/.test(tokenHash)) throw new Error('token hash must be 64 hex characters');
  return `BEGIN; SELECT s.*, set_config('app.tenant_id', s.tenant_id::text, true), set_config('app.user_id', s.user_id::text, true)
         FROM auth_session_lookup('${tokenHash}') s`;
}
