import type { Organization, Role, User } from '@jxt/contracts';
import { subtreeIds } from '../admin-organizations/org-admin-tree';

export type UserStatus = 'active' | 'disabled' | 'password_change';

export interface UserFilter {
  /** 用户名 or 姓名 (part of it, any case). */
  text: string;
  /** An organisation: its users and those below it. */
  organizationId?: string;
  role?: Role;
  status?: UserStatus;
}

/** 已停用 first decides; else a password an admin set and the user has not yet changed. */
export const userStatus = (user: User): UserStatus =>
  user.disabled ? 'disabled' : user.passwordChangeRequired ? 'password_change' : 'active';

export const USER_STATUS_LABELS: Record<UserStatus, string> = {
  active: '正常',
  disabled: '已停用',
  password_change: '待修改初始密码',
};

/** The users the 用户 page's search shows. */
export function filterUsers(
  users: readonly User[],
  organizations: readonly Organization[],
  filter: UserFilter,
): User[] {
  const text = filter.text.trim().toLowerCase();
  const within = filter.organizationId ? subtreeIds(organizations, filter.organizationId) : null;
  return users.filter(
    (u) =>
      (!text || u.username.toLowerCase().includes(text) || u.displayName.toLowerCase().includes(text)) &&
      (!within || within.has(u.organizationId)) &&
      (!filter.role || u.roles.includes(filter.role)) &&
      (!filter.status || userStatus(u) === filter.status),
  );
}
