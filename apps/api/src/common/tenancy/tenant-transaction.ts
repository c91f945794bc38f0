import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from './request-context';
import { runInTenantScope } from './request-context';

/**
 * Runs `work` in one transaction as the app role with the tenant and user set for row-level security.
 * Everything a request reads or writes goes through here, so a save is all-or-nothing.
 */
export function inTenantTransaction<T>(dataSource: DataSource, user: AuthUser, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)`, [
      user.tenantId,
      user.userId,
    ]);
    return runInTenantScope({ user, manager }, () => work(manager));
  });
}

/** Same, for work that knows its tenant but has no user yet (creating a session at login). */
export function inTenantOnlyTransaction<T>(dataSource: DataSource, tenantId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return dataSource.transaction(async (manager) => {
    await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
    return work(manager);
  });
}
