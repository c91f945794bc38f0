import type { CurrentUser, LibraryTier } from '@jxt/contracts';

/**
 * The tiers a user may add to at their own organisation, as the API decides them (indicator-library.service.ts):
 * 共性 a 财政局 admin or finance reviewer, 行业/部门 a 主管部门's supervisor or admin, 个性 a unit's (or 内设机构's)
 * filer or admin. The API refuses anything else with 403; the page only hides what would be refused.
 */
export function ownedTiers(user: Pick<CurrentUser, 'roles' | 'organization'>): LibraryTier[] {
  const has = (...roles: string[]) => user.roles.some((r) => roles.includes(r));
  switch (user.organization.kind) {
    case 'finance_bureau':
      return has('admin', 'finance') ? ['common'] : [];
    case 'department':
      return has('admin', 'supervisor') ? ['department'] : [];
    case 'unit':
    case 'internal':
      return has('admin', 'filer') ? ['unit'] : [];
    default:
      return [];
  }
}
