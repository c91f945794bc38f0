import type { DataSource } from 'typeorm';
import { Db } from './db';

/**
 * A transaction of a user's work outside any request (the 重新评分 job): row-level security sees the user's tenant
 * and id, as in a request of theirs.
 */
export function inUserTransaction<T>(
  dataSource: DataSource,
  user: { tenantId: string; userId: string },
  work: (db: Db) => Promise<T>,
): Promise<T> {
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)`, [
      user.tenantId,
      user.userId,
    ]);
    return work(Db.of(manager));
  });
}
