import type { PoolClient } from 'pg';
import { type DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import type { BuiltStatement, Statement } from './statement';

type RowOf<S> = S extends Statement<infer Row, readonly unknown[]> ? Row : never;
type ParamsOf<S> = S extends Statement<object, infer Params> ? Params : never;

/**
 * The handle repositories run their statements on: one transaction (a request's, a login's, a job's, a seed's)
 * or, for the few statements that need none, the pool. Services pass it through without looking inside.
 */
export class Db {
  private constructor(
    private readonly manager: EntityManager | null,
    private readonly dataSource: DataSource | null,
  ) {}

  /** The transaction `manager` is bound to. */
  static of(manager: EntityManager): Db {
    if (!manager.queryRunner) throw new Error('Db.of needs a transaction-bound EntityManager');
    return new Db(manager, null);
  }

  /** No transaction: each statement on its own pooled connection (login lookups, health). */
  static pool(dataSource: DataSource): Db {
    return new Db(null, dataSource);
  }

  /** Every row of the statement. */
  async rows<S extends Statement>(statement: S, params: ParamsOf<S>): Promise<RowOf<S>[]> {
    if (statement.prepared && this.manager) return (await this.runPrepared(statement, params)).rows;
    const result = await this.execute(statement.text, params);
    return result.records as RowOf<S>[];
  }

  /** The first row, or undefined. */
  async one<S extends Statement>(statement: S, params: ParamsOf<S>): Promise<RowOf<S> | undefined> {
    const [row] = await this.rows(statement, params);
    return row;
  }

  /** How many rows an INSERT, UPDATE or DELETE touched. */
  async run<S extends Statement>(statement: S, params: ParamsOf<S>): Promise<number> {
    if (statement.prepared && this.manager) return (await this.runPrepared(statement, params)).rowCount ?? 0;
    const result = await this.execute(statement.text, params);
    return result.affected ?? 0;
  }

  /** A statement from a builder (its text depends on the input). */
  async built<Row extends object>(statement: BuiltStatement<Row>): Promise<Row[]> {
    const result = await this.execute(statement.text, statement.values);
    return result.records as Row[];
  }

  /**
   * Runs `work` in a savepoint: its writes are undone when it throws, and the transaction goes on (a batch
   * transition applies each form on its own).
   */
  async inSavepoint<T>(name: string, work: () => Promise<T>): Promise<T> {
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error('savepoint names are lower-case identifiers');
    await this.execute(`SAVEPOINT ${name}`, []);
    try {
      const result = await work();
      await this.execute(`RELEASE SAVEPOINT ${name}`, []);
      return result;
    } catch (err) {
      await this.execute(`ROLLBACK TO SAVEPOINT ${name}`, []);
      throw err;
    }
  }

  private async execute(text: string, params: readonly unknown[]) {
    if (this.manager) return this.manager.queryRunner!.query(text, [...params], true);
    const runner = this.dataSource!.createQueryRunner();
    try {
      return await runner.query(text, [...params], true);
    } finally {
      await runner.release();
    }
  }

  private async runPrepared<S extends Statement>(
    statement: S,
    params: ParamsOf<S>,
  ): Promise<{ rows: RowOf<S>[]; rowCount: number | null }> {
    const runner = this.manager!.queryRunner!;
    if (runner.isReleased) throw new Error(`${statement.name}: the transaction is already finished`);
    const client = (runner as unknown as { databaseConnection?: PoolClient }).databaseConnection;
    if (!client) throw new Error(`${statement.name}: the query runner is not connected`);
    try {
      return await client.query<RowOf<S> & object>({
        name: statement.name,
        text: statement.text,
        values: [...params],
      });
    } catch (err) {
      throw new QueryFailedError(statement.text, [...params], err as Error);
    }
  }
}
