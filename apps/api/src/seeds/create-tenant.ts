import { randomUUID } from 'node:crypto';
import { hashPassword } from '../common/auth/password';
import { USERNAME_PATTERN } from '../modules/users/dto/user.dto';
import { withOwnerTransaction } from './owner-transaction';
import { tenantSeedRepository as seeds } from './tenant-seed.repository';

export interface CreateTenantInput {
  code: string;
  name: string;
  financeBureauName: string;
  admin: { username: string; displayName: string; password: string };
}

/**
 * The platform operator's way to open a tenant: the tenant, its 财政局 root organisation and its first admin,
 * in one transaction. Runs as the owner because no tenant exists yet to scope to.
 */
export async function createTenant(
  ownerUrl: string,
  input: CreateTenantInput,
): Promise<{ tenantId: string; rootId: string; adminId: string }> {
  if (!USERNAME_PATTERN.test(input.admin.username)) throw new Error('admin user name: 2–64 letters, digits or . _ @ -');
  const passwordHash = await hashPassword(input.admin.password);
  return withOwnerTransaction(ownerUrl, async (q) => {
    const tenantId = await seeds.insertTenant(q, input.code, input.name);
    const rootId = randomUUID();
    await seeds.insertOrganization(q, {
      id: rootId,
      tenantId,
      parentId: null,
      kind: 'finance_bureau',
      name: input.financeBureauName,
      unitTypeCode: null,
      path: `/${rootId}/`,
      sortOrder: 0,
    });
    const adminId = await seeds.insertUser(q, {
      tenantId,
      organizationId: rootId,
      username: input.admin.username,
      displayName: input.admin.displayName,
      passwordHash,
      roles: ['admin'],
      phone: null,
      // A real tenant's first admin: enrols a second factor at the first login.
      demoAccount: false,
    });
    return { tenantId, rootId, adminId };
  });
}
