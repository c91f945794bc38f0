import { ORGANIZATION_KIND_LABELS, ROLE_LABELS, type OrganizationKind, type Role } from '@jxt/contracts';

/**
 * Where each role makes sense (docs/domain.md §1): the roles a user of an organisation of each kind may hold.
 * 财政审核人 and 评价复核人 (抽查复核 of the units' 自评) sit on the finance side, the 财政局 or one of its 财政科室;
 * 主管部门审核人 at a 主管部门; 填报人 at a 预算单位 or its 内设机构; a 管理员 anywhere; a 审计管理员 (reads the audit
 * log of its subtree) at the 财政局 or a 主管部门, granted only by a finance-side admin (never by the admin it audits
 * below the finance side).
 */
export const ROLES_AT: Readonly<Record<OrganizationKind, readonly Role[]>> = {
  finance_bureau: ['finance', 'reviewer', 'admin', 'auditor'],
  finance_division: ['finance', 'reviewer', 'admin'],
  department: ['supervisor', 'admin', 'auditor'],
  unit: ['filer', 'admin'],
  internal: ['filer', 'admin'],
};

/** The roles an admin below the finance side may grant, whatever the organisation. */
export const ROLES_GRANTED_BELOW_FINANCE: readonly Role[] = ['filer', 'supervisor', 'admin'];

/** The 财政局 and its 财政科室: an admin there grants any role valid for the target organisation. */
export function isFinanceSide(kind: OrganizationKind): boolean {
  return kind === 'finance_bureau' || kind === 'finance_division';
}

export function isRoleValidAt(role: Role, kind: OrganizationKind): boolean {
  return ROLES_AT[kind].includes(role);
}

/**
 * The roles an admin of an organisation of kind `adminKind` may give a user of an organisation of kind `targetKind`
 * (in the order of ROLES_AT). Whether the target lies in the admin's scope is a separate check (404 outside it).
 */
export function grantableRoles(adminKind: OrganizationKind, targetKind: OrganizationKind): Role[] {
  return ROLES_AT[targetKind].filter((role) => isFinanceSide(adminKind) || ROLES_GRANTED_BELOW_FINANCE.includes(role));
}

export interface RoleGrantRequest {
  /** The admin who asks, and the kind of their organisation. */
  granter: { userId: string; organizationKind: OrganizationKind };
  /** The user (null when being created), their roles now (null when new) and the organisation they will be in. */
  target: { userId: string | null; currentRoles: readonly Role[] | null; organizationKind: OrganizationKind };
  /** The roles the user is to hold. */
  roles: readonly Role[];
}

export type RoleGrantDecision =
  | { ok: true }
  | {
      ok: false;
      /** `invalid-here`: 400, the roles do not belong at that organisation; the others: 403. */
      reason: 'invalid-here' | 'not-grantable' | 'own-roles';
      /** The offending roles (all of them for `own-roles`). */
      roles: Role[];
      message: string;
    };

function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((role) => set.has(role));
}

const labels = (roles: readonly Role[]) => roles.map((role) => `「${ROLE_LABELS[role]}」`).join('、');

/**
 * May this admin give the target these roles? Nobody changes their own roles (sending the roles one holds is no
 * change); every role must belong at the target's organisation; an admin below the finance side grants only
 * 填报人, 主管部门审核人 and 管理员.
 */
export function decideRoleGrant({ granter, target, roles }: RoleGrantRequest): RoleGrantDecision {
  if (target.userId !== null && target.userId === granter.userId) {
    if (target.currentRoles && sameRoles(target.currentRoles, roles)) return { ok: true };
    return { ok: false, reason: 'own-roles', roles: [...roles], message: '不能修改自己的角色，请由其他管理员修改' };
  }
  const invalid = roles.filter((role) => !isRoleValidAt(role, target.organizationKind));
  if (invalid.length) {
    const kind = ORGANIZATION_KIND_LABELS[target.organizationKind];
    return {
      ok: false,
      reason: 'invalid-here',
      roles: invalid,
      message: `${kind}的用户不能担任${labels(invalid)}；${kind}可设的角色：${labels(ROLES_AT[target.organizationKind])}`,
    };
  }
  const allowed = grantableRoles(granter.organizationKind, target.organizationKind);
  const refused = roles.filter((role) => !allowed.includes(role));
  if (refused.length) {
    return {
      ok: false,
      reason: 'not-grantable',
      roles: refused,
      message: `${ORGANIZATION_KIND_LABELS[granter.organizationKind]}的管理员不能授予${labels(refused)}，请由财政局管理员授予`,
    };
  }
  return { ok: true };
}
