import type { OrganizationKind, Role } from './labels';

export interface LoginRequest {
  username: string;
  password: string;
}

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  /** 联系电话 of the profile: proposed as the 联系电话 of a 提交. */
  phone: string | null;
  roles: Role[];
  tenant: { id: string; name: string };
  organization: { id: string; name: string; kind: OrganizationKind };
}

export interface LoginResponse {
  accessToken: string;
  /** Send back as the X-CSRF-Token header on cookie-authenticated writes. */
  csrfToken: string;
  expiresAt: string;
  user: CurrentUser;
}

export interface SessionSummary {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}
