import { ORGANIZATION_KINDS, ROLES, type OrganizationKind, type Role } from '@jxt/contracts';
import { decideRoleGrant, grantableRoles, isRoleValidAt, ROLES_AT } from './role-grants';

/**
 * docs/domain.md §1 written out by hand, one line per organisation kind: the roles a user there may hold, and the
 * roles an admin below the finance side (a 主管部门, 预算单位 or 内设机构 admin) may grant there.
 */
const EXPECTED: Record<OrganizationKind, { valid: Role[]; grantedBelowFinance: Role[] }> = {
  finance_bureau: { valid: ['finance', 'reviewer', 'admin', 'auditor'], grantedBelowFinance: ['admin'] },
  finance_division: { valid: ['finance', 'reviewer', 'admin'], grantedBelowFinance: ['admin'] },
  department: { valid: ['supervisor', 'admin', 'auditor'], grantedBelowFinance: ['supervisor', 'admin'] },
  unit: { valid: ['filer', 'admin'], grantedBelowFinance: ['filer', 'admin'] },
  internal: { valid: ['filer', 'admin'], grantedBelowFinance: ['filer', 'admin'] },
};
const FINANCE_SIDE: OrganizationKind[] = ['finance_bureau', 'finance_division'];

const grant = (granterKind: OrganizationKind, targetKind: OrganizationKind, roles: Role[], currentRoles?: Role[]) =>
  decideRoleGrant({
    granter: { userId: 'admin', organizationKind: granterKind },
    target: { userId: currentRoles ? 'other' : null, currentRoles: currentRoles ?? null, organizationKind: targetKind },
    roles,
  });

describe('role grants (docs/domain.md §1)', () => {
  it.each(ORGANIZATION_KINDS.flatMap((kind) => ROLES.map((role) => [kind, role] as const)))(
    'a user of a %s may hold %s exactly as the table says',
    (kind, role) => {
      expect(isRoleValidAt(role, kind)).toBe(EXPECTED[kind].valid.includes(role));
    },
  );

  const matrix = ORGANIZATION_KINDS.flatMap((granter) =>
    ORGANIZATION_KINDS.flatMap((target) => ROLES.map((role) => [granter, target, role] as const)),
  );

  it.each(matrix)('an admin of a %s giving a user of a %s the role %s', (granterKind, targetKind, role) => {
    const valid = EXPECTED[targetKind].valid.includes(role);
    const grantable = FINANCE_SIDE.includes(granterKind)
      ? valid
      : EXPECTED[targetKind].grantedBelowFinance.includes(role);
    const decision = grant(granterKind, targetKind, [role]);
    if (!valid) expect(decision).toMatchObject({ ok: false, reason: 'invalid-here', roles: [role] });
    else if (!grantable) expect(decision).toMatchObject({ ok: false, reason: 'not-grantable', roles: [role] });
    else expect(decision).toEqual({ ok: true });
    // Changing an existing user's roles follows the same rule.
    expect(grant(granterKind, targetKind, [role], ['admin']).ok).toBe(valid && grantable);
    expect(grantableRoles(granterKind, targetKind).includes(role)).toBe(valid && grantable);
  });

  it('lists the grantable roles in a stable order, for a form to offer', () => {
    expect(grantableRoles('finance_bureau', 'finance_bureau')).toEqual(['finance', 'reviewer', 'admin', 'auditor']);
    expect(grantableRoles('finance_bureau', 'department')).toEqual(['supervisor', 'admin', 'auditor']);
    expect(grantableRoles('department', 'department')).toEqual(['supervisor', 'admin']);
    expect(grantableRoles('unit', 'internal')).toEqual(['filer', 'admin']);
    expect(grantableRoles('department', 'finance_division')).toEqual(['admin']);
    for (const kind of ORGANIZATION_KINDS) expect(ROLES_AT[kind]).toContain('admin');
  });

  it('refuses a combination naming only the roles that do not belong, with their Chinese labels', () => {
    const decision = grant('finance_bureau', 'unit', ['filer', 'supervisor', 'finance', 'admin']);
    expect(decision).toEqual({
      ok: false,
      reason: 'invalid-here',
      roles: ['supervisor', 'finance'],
      message: '预算单位的用户不能担任「主管部门审核人」、「财政审核人」；预算单位可设的角色：「填报人」、「管理员」',
    });
    expect(grant('finance_bureau', 'unit', ['filer', 'admin'])).toEqual({ ok: true });
  });

  it('lets nobody change their own roles, whoever they are, but sending the same roles again is no change', () => {
    for (const kind of ORGANIZATION_KINDS) {
      const self = (roles: Role[], currentRoles: Role[]) =>
        decideRoleGrant({
          granter: { userId: 'me', organizationKind: kind },
          target: { userId: 'me', currentRoles, organizationKind: kind },
          roles,
        });
      expect(self(['admin', ...ROLES_AT[kind]], ['admin'])).toMatchObject({ ok: false, reason: 'own-roles' });
      expect(self(['filer'], ['admin'])).toMatchObject({ ok: false, reason: 'own-roles' });
      expect(self(['admin'], ['admin', 'finance'])).toMatchObject({ ok: false, reason: 'own-roles' });
      expect(self(['admin', 'admin'], ['admin'])).toEqual({ ok: true });
    }
    // The finding of issue 11: an admin at a 主管部门 granting itself finance, reviewer and admin.
    expect(
      decideRoleGrant({
        granter: { userId: 'me', organizationKind: 'department' },
        target: { userId: 'me', currentRoles: ['admin'], organizationKind: 'department' },
        roles: ['admin', 'finance', 'reviewer'],
      }),
    ).toMatchObject({ ok: false, reason: 'own-roles', message: '不能修改自己的角色，请由其他管理员修改' });
  });
});
