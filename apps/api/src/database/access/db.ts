import type { PoolClient, QueryConfig, QueryResult } from 'pg';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import type { BuiltStatement, Statement } from './statement';

type RowOf<S> = S extends Statement<infer Row, readonly unknown[]> ? Row : never;
type ParamsOf<S> = S extends Statement<object, infer Params> ? Params : never;

/** Sends one query on a transaction's connection; `name` is its statement's, for messages. */
type Send = (query: QueryConfig, name: string) => Promise<QueryResult>;

/**
 * A statement sent on a transaction that has ended, while another runs on it, or on no connection: a bug of the
 * caller, not a failed query.
 */
class TransactionMisuse extends Error {}

/**
 * `send`, refusing a query while the one before it on the connection still runs: a connection runs one statement at
 * a time, pg queues a second one only with a deprecation warning (pg 9 refuses it), and statements of a transaction
 * started together run in an order no one wrote. Await each statement before sending the next.
 */
function oneAtATime(send: Send): Send {
  let running: string | null = null;
  return async (query, name) => {
    if (running !== null)
      throw new TransactionMisuse(`${name}: sent while ${running} still runs on the same transaction; await it first`);
    running = name;
    try {
      return await send(query, name);
    } finally {
      running = null;
    }
  };
}

/**
 * The handle repositories run their statements on: one transaction (a request's, a login's, a job's, a seed's)
 * or, for the few statements that need none, the pool. Services pass it through without looking inside.
 * In a transaction every statement goes straight to its pg connection (prepared ones by name); errors are
 * TypeORM's QueryFailedError, which the exception filter maps.
 */
export class Db {
  private constructor(
    private readonly send: Send | null,
    private readonly dataSource: DataSource | null,
  ) {}

  /** The transaction `manager` is bound to. */
  static of(manager: EntityManager): Db {
    const runner = manager.queryRunner;
    if (!runner) throw new Error('Db.of needs a transaction-bound EntityManager');
    return new Db(
      oneAtATime((query, name) => {
        if (runner.isReleased) throw new TransactionMisuse(`${name}: the transaction is already finished`);
        const client = (runner as unknown as { databaseConnection?: PoolClient }).databaseConnection;
        if (!client) throw new TransactionMisuse(`${name}: the query runner is not connected`);
        return client.query(query);
      }),
      null,
    );
  }

  /** A transaction on a pg connection of its own (the request's); `finished` tells when it may no longer be used. */
  static onConnection(client: PoolClient, finished: () => boolean): Db {
    return new Db(
      oneAtATime((query, name) => {
        if (finished()) throw new TransactionMisuse(`${name}: the transaction is already finished`);
        return client.query(query);
      }),
      null,
    );
  }

  /** No transaction: each statement on its own pooled connection (login lookups, health). */
  static pool(dataSource: DataSource): Db {
    return new Db(null, dataSource);
  }

  /** Every row of the statement. */
  async rows<S extends Statement>(statement: S, params: ParamsOf<S>): Promise<RowOf<S>[]> {
    return (await this.execute(statement, params)).rows as RowOf<S>[];
  }

  /** The first row, or undefined. */
  async one<S extends Statement>(statement: S, params: ParamsOf<S>): Promise<RowOf<S> | undefined> {
    const [row] = await this.rows(statement, params);
    return row;
  }

  /** How many rows an INSERT, UPDATE or DELETE touched. */
  async run<S extends Statement>(statement: S, params: ParamsOf<S>): Promise<number> {
    return (await this.execute(statement, params)).rowCount ?? 0;
  }

  /** A statement from a builder (its text depends on the input). */
  async built<Row extends object>(statement: BuiltStatement<Row>): Promise<Row[]> {
    return (await this.execute({ name: statement.name, text: statement.text, prepared: false }, statement.values))
      .rows as Row[];
  }

  /**
   * pg-boss's connection over this transaction (database/jobs/job-runner.ts): a job sent through it is queued when the
   * transaction commits and never if it rolls back. Its SQL is pg-boss's own (unnamed, not prepared).
   */
  jobConnection(): { executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }> } {
    return { executeSql: (text, values) => this.execute({ name: 'jobs.send', text, prepared: false }, values) };
  }

  /**
   * Runs `work` in a savepoint: its writes are undone when it throws, and the transaction goes on (a batch
   * transition applies each form on its own).
   */
  async inSavepoint<T>(name: string, work: () => Promise<T>): Promise<T> {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error('savepoint names are lower-case identifiers');
    const command = (text: string) => this.execute({ name, text, prepared: false }, []);
    await command(`SAVEPOINT ${name}`);
    try {
      const result = await work();
      await command(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (err) {
      await command(`ROLLBACK TO SAVEPOINT ${name}`);
      throw err;
    }
  }

  /**
   * In a transaction: prepared statements by name (parsed and planned once per pooled connection), the others as
   * unnamed queries. On the pool: a TypeORM query runner per statement.
   */
  private async execute(
    statement: Pick<Statement, 'name' | 'text' | 'prepared'>,
    params: readonly unknown[],
  ): Promise<{ rows: unknown[]; rowCount: number | null }> {
    const values = [...params];
    if (!this.send) {
      const runner = this.dataSource!.createQueryRunner();
      try {
        const result = await runner.query(statement.text, values, true);
        return { rows: result.records, rowCount: result.affected ?? null };
      } finally {
        await runner.release();
      }
    }
    const query: QueryConfig = statement.prepared
      ? { name: statement.name, text: statement.text, values }
      : { text: statement.text, values };
    try {
      return await this.send(query, statement.name);
    } catch (err) {
      // A finished transaction is a bug, not a failed query.
      if (err instanceof TransactionMisuse) throw err;
      throw new QueryFailedError(statement.text, values, err as Error);
    }
  }
}
