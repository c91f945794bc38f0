import type { Pool, PoolClient } from 'pg';
import { type DataSource, QueryFailedError } from 'typeorm';
import { Db } from './db';

const HEX_64 = /^[0-9a-f]{64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The transaction of one authenticated request, opened by the session check in one round trip: BEGIN, the
 * session lookup (or, for a session the process keeps, only its tenant and user), set_config of the tenant and
 * user for row-level security, and the session cache's epoch. The request's onSend hook commits it (or rolls it
 * back) before the answer leaves, and its onResponse hook releases whatever is left, so a connection never leaks
 * (common/tenancy/request-transaction-hooks.ts, docs/adr/0013-session-cache-and-request-transaction.md).
 */
export class RequestTransaction {
  private finished = false;
  /** The transaction as repositories take it: statements go straight to its connection. */
  readonly db: Db;

  private constructor(private readonly client: PoolClient) {
    this.db = Db.onConnection(client, () => this.finished);
    // While checked out, a pg client has no pool listener: an error between two statements (the server stopped or
    // was killed: 57P01, a reset socket) would be an unhandled 'error' event and end the process. The next statement
    // fails instead (answered 503), and the failed COMMIT or ROLLBACK closes the connection.
    client.on('error', ignoreCheckedOutError);
  }

  get isFinished(): boolean {
    return this.finished;
  }

  /** Opens the transaction and looks the session up in it. */
  static async open<Row>(
    dataSource: DataSource,
    tokenHash: string,
  ): Promise<{ tx: RequestTransaction; session: Row | undefined }> {
    const text = beginWithSessionLookup(tokenHash);
    return RequestTransaction.begin(dataSource, text, (results) => ({
      session: results[1].rows[0] as Row | undefined,
    }));
  }

  /**
   * Opens the transaction for a session the process keeps: sets its tenant and user and reads the cache epoch,
   * which tells whether a change the process has not heard of yet was committed meanwhile.
   */
  static async resume(
    dataSource: DataSource,
    tenantId: string,
    userId: string,
  ): Promise<{ tx: RequestTransaction; epoch: number }> {
    const text = beginForKeptSession(tenantId, userId);
    return RequestTransaction.begin(dataSource, text, (results) => ({
      epoch: Number((results[1].rows[0] as { cache_epoch: string }).cache_epoch),
    }));
  }

  /** The session lookup in this transaction (a kept lookup turned out possibly stale). */
  async lookUp<Row>(tokenHash: string): Promise<Row | undefined> {
    const { rows } = await this.client.query(sessionLookup(tokenHash));
    return rows[0] as Row | undefined;
  }

  /**
   * Starts the transaction over on the same connection after a deadlock or a serialisation failure: ROLLBACK, then
   * BEGIN with the same tenant and user, in one round trip (the conflict retry, common/tenancy/conflict-retry.ts).
   */
  async restart(tenantId: string, userId: string): Promise<void> {
    if (this.finished) throw new Error('restart: the transaction is already finished');
    await this.client.query(`ROLLBACK; ${beginForKeptSession(tenantId, userId)}`);
  }

  async commit(): Promise<void> {
    await this.finish('COMMIT');
  }

  async rollback(): Promise<void> {
    await this.finish('ROLLBACK');
  }

  private static async begin<T>(
    dataSource: DataSource,
    text: string,
    read: (results: { rows: unknown[] }[]) => T,
  ): Promise<{ tx: RequestTransaction } & T> {
    // TypeORM's pool (its driver's pg Pool): the same connections, without a query runner per request.
    const pool = (dataSource.driver as unknown as { master: Pool }).master;
    const tx = new RequestTransaction(await pool.connect());
    try {
      const results = (await tx.client.query(text)) as unknown as { rows: unknown[] }[];
      return { tx, ...read(results) };
    } catch (err) {
      await tx.finish('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }

  private async finish(statement: 'COMMIT' | 'ROLLBACK'): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    let failure: Error | undefined;
    try {
      await this.client.query(statement);
    } catch (err) {
      failure = err as Error;
      throw new QueryFailedError(statement, [], failure);
    } finally {
      this.client.removeListener('error', ignoreCheckedOutError);
      // A connection whose COMMIT or ROLLBACK failed is closed rather than handed to the next request.
      this.client.release(failure);
    }
  }
}

const ignoreCheckedOutError = (): void => undefined;

const EPOCH = `(SELECT epoch FROM session_cache_epoch) AS cache_epoch`;

/** The session lookup with set_config of its tenant and user, and the cache epoch of the same snapshot. */
function sessionLookup(tokenHash: string): string {
  // Inlined (a multi-statement simple query cannot take parameters): only 64 hex characters pass.
  if (!HEX_64.test(tokenHash)) throw new Error('token hash must be 64 hex characters');
  return `SELECT s.*, set_config('app.tenant_id', s.tenant_id::text, true), set_config('app.user_id', s.user_id::text, true), ${EPOCH}
         FROM auth_session_lookup('${tokenHash}') s`;
}

/**
 * The first round trip of an authenticated request whose session is looked up. (The benchmark's floor server
 * sends the same text.)
 */
export function beginWithSessionLookup(tokenHash: string): string {
  return `BEGIN; ${sessionLookup(tokenHash)}`;
}

/** The first round trip for a kept session: its tenant and user (ids the database gave, checked), and the epoch. */
function beginForKeptSession(tenantId: string, userId: string): string {
  if (!UUID.test(tenantId) || !UUID.test(userId)) throw new Error('tenant and user ids must be UUIDs');
  return `BEGIN; SELECT set_config('app.tenant_id', '${tenantId}', true), set_config('app.user_id', '${userId}', true), ${EPOCH}`;
}
