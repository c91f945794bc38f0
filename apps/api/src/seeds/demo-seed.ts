import { loadTenant } from './load-tenant';
import { withOwnerTransaction } from './owner-transaction';
import { readDemoUsers, readSongjiangSeed } from './seed-files';
import { tenantSeedRepository as seeds } from './tenant-seed.repository';

export const DEMO_PASSWORD = 'demo';

/**
 * The demo: tenant 松江区 with the unit's three 2021 forms as drafts and one user per role (password "demo").
 * Idempotent: does nothing when the tenant exists. Never called with NODE_ENV=production.
 */
export async function loadDemoData(ownerUrl: string): Promise<boolean> {
  if (process.env.NODE_ENV === 'production') throw new Error('the demo seed never runs with NODE_ENV=production');
  const seed = readSongjiangSeed();
  return withOwnerTransaction(ownerUrl, async (q) => {
    // Serialise concurrent first starts on the same database.
    await seeds.lockDemoSeed(q);
    if (await seeds.tenantExists(q, seed.tenant.tenant.code)) return false;
    await loadTenant(q, { ...seed, users: readDemoUsers().map((u) => ({ ...u, password: DEMO_PASSWORD })) });
    return true;
  });
}
