import type { OrganizationKind, Role } from './labels';

export interface Organization {
  id: string;
  parentId: string | null;
  kind: OrganizationKind;
  name: string;
  /** 单位类型 code (行政单位, 公益一类事业单位 …); units only. */
  unitTypeCode: string | null;
  sortOrder: number;
}

export interface CreateOrganizationRequest {
  parentId: string;
  kind: OrganizationKind;
  name: string;
  unitTypeCode?: string | null;
  sortOrder?: number;
}

export type UpdateOrganizationRequest = Partial<Omit<CreateOrganizationRequest, 'kind'>>;

export interface User {
  id: string;
  username: string;
  displayName: string;
  /** 联系电话, proposed when the user submits a form. */
  phone: string | null;
  organizationId: string;
  roles: Role[];
  disabled: boolean;
}

export interface CreateUserRequest {
  username: string;
  displayName: string;
  password: string;
  /** 联系电话 (a mobile number or a landline with its area code). */
  phone?: string | null;
  organizationId: string;
  roles: Role[];
}

export interface UpdateUserRequest {
  displayName?: string;
  /** A blank or null phone removes it. */
  phone?: string | null;
  password?: string;
  organizationId?: string;
  roles?: Role[];
  disabled?: boolean;
}

export interface CodeListItem {
  list: string;
  code: string;
  label: string;
  sortOrder: number;
}

export interface TaxonomyNode {
  code: string;
  label: string;
  level: 1 | 2;
  parentCode: string | null;
  sortOrder: number;
}
