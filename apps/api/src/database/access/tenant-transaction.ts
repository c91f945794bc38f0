import type { DataSource, EntityManager } from 'typeorm';

/** A transaction for work that knows its tenant but has no user yet (creating a session at login). */
export function inTenantOnlyTransaction<T>(
  dataSource: DataSource,
  tenantId: string,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    return work(manager);
  });
}
