import { hashPassword } from '../common/auth/password';
import { USERNAME_PATTERN } from '../modules/users/dto/user.dto';
import { withOwnerTransaction } from './owner-transaction';

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
export async function createTenant(ownerUrl: string, input: CreateTenantInput): Promise<{ tenantId: string; rootId: string; adminId: string }> {
  if (!USERNAME_PATTERN.test(input.admin.username)) throw new Error('admin user name: 2–64 letters, digits or . _ @ -');
  const passwordHash = await hashPassword(input.admin.password);
  return withOwnerTransaction(ownerUrl, async (q) => {
    const [tenant] = await q('INSERT INTO tenant (code, name) VALUES ($1, $2) RETURNING id', [input.code, input.name]);
    const [root] = await q(
      `INSERT INTO organization (tenant_id, parent_id, kind, name, path) VALUES ($1, NULL, 'finance_bureau', $2, '') RETURNING id`,
      [tenant.id, input.financeBureauName],
    );
    await q(`UPDATE organization SET path = '/' || id || '/' WHERE id = $1`, [root.id]);
    const [admin] = await q(
      `INSERT INTO app_user (tenant_id, organization_id, username, display_name, password_hash, roles)
       VALUES ($1, $2, lower($3), $4, $5, ARRAY['admin']) RETURNING id`,
      [tenant.id, root.id, input.admin.username, input.admin.displayName, passwordHash],
    );
    return { tenantId: tenant.id as string, rootId: root.id as string, adminId: admin.id as string };
  });
}
