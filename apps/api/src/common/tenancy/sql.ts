import type { EntityManager } from 'typeorm';

/**
 * Rows of a statement, whatever its kind. (TypeORM's plain `query()` returns `[rows, count]` for
 * UPDATE/DELETE on PostgreSQL but bare rows for SELECT/INSERT; this removes that trap.)
 */
export async function queryRows<T = Record<string, unknown>>(manager: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('queryRows needs a transaction-bound EntityManager');
  const result = await runner.query(sql, params, true);
  return result.records as T[];
}
