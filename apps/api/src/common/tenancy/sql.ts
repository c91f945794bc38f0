import type { PoolClient } from 'pg';
import { type EntityManager, QueryFailedError } from 'typeorm';

/**
 * Rows of a statement, whatever its kind. (TypeORM's plain `query()` returns `[rows, count]` for
 * UPDATE/DELETE on PostgreSQL but bare rows for SELECT/INSERT; this removes that trap.)
 */
export async function queryRows<T = Record<string, unknown>>(
  manager: EntityManager,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('queryRows needs a transaction-bound EntityManager');
  const result = await runner.query(sql, params, true);
  return result.records as T[];
}

/**
 * Like queryRows, as a named prepared statement: each pooled connection parses and plans `sql` once
 * and then only binds and executes it. Planning a query with several joins, sub-selects and the
 * row-level-security predicates costs more than running it, so this is for the hot, constant
 * queries only. `sql` must be a constant: a name stays bound to its text for the connection's
 * lifetime (pg refuses the same name with another text), and every distinct name stays prepared
 * on every connection. Errors are TypeORM's QueryFailedError, as with queryRows.
 */
export async function queryPrepared<T = Record<string, unknown>>(
  manager: EntityManager,
  name: string,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('queryPrepared needs a transaction-bound EntityManager');
  if (runner.isReleased) throw new Error('queryPrepared: the query runner is already released');
  const client = (runner as unknown as { databaseConnection?: PoolClient }).databaseConnection;
  if (!client) throw new Error('queryPrepared needs a connected query runner');
  try {
    const result = await client.query<T & object>({ name, text: sql, values: params });
    return result.rows;
  } catch (err) {
    throw new QueryFailedError(sql, params, err as Error);
  }
}
