import { Injectable } from '@nestjs/common';
import type { Role } from '@jxt/contracts';
import type { Db } from '../../database/access/db';
import { inScope, type Scope } from '../../database/access/scope';
import { sql } from '../../database/access/statement';
import type { OrganizationEntity } from '../../database/entities/organization.entity';
import type { UserEntity } from '../../database/entities/user.entity';

/** A user as 用户管理 shows it (never the password hash). */
export type UserRow = Pick<
  UserEntity,
  'id' | 'username' | 'displayName' | 'phone' | 'organizationId' | 'roles' | 'disabled' | 'passwordChangeRequired'
>;

const COLUMNS = `u.id, u.username, u.display_name AS "displayName", u.phone, u.organization_id AS "organizationId", u.roles,
  u.disabled, u.password_change_required AS "passwordChangeRequired"`;

// A user is in scope when their organisation is.
const LIST = sql<UserRow, [scope: readonly string[]]>(
  'users.list',
  `SELECT ${COLUMNS} FROM app_user u JOIN organization o ON o.id = u.organization_id
   WHERE ${inScope('o.path', 1)} ORDER BY o.path, u.username`,
);

const BY_ID = sql<UserRow, [id: string, scope: readonly string[]]>(
  'users.byId',
  `SELECT ${COLUMNS} FROM app_user u JOIN organization o ON o.id = u.organization_id
   WHERE u.id = $1 AND ${inScope('o.path', 2)}`,
);

/** A user as an update starts from: the row, locked, with the kind of their organisation. */
export type LockedUserRow = UserRow & {
  organizationKind: OrganizationEntity['kind'];
  organizationDisabled: OrganizationEntity['disabled'];
};

// FOR UPDATE: two admins changing one user's roles and organisation at once are checked one after the other.
const LOCK = sql<LockedUserRow, [id: string, scope: readonly string[]]>(
  'users.lock',
  `SELECT ${COLUMNS}, o.kind AS "organizationKind", o.disabled AS "organizationDisabled" FROM app_user u JOIN organization o ON o.id = u.organization_id
   WHERE u.id = $1 AND ${inScope('o.path', 2)} FOR UPDATE OF u`,
);

const INSERT = sql<
  UserRow,
  [
    tenantId: string,
    organizationId: string,
    username: string,
    displayName: string,
    passwordHash: string,
    roles: Role[],
    phone: string | null,
    scope: readonly string[],
  ]
>(
  'users.insert',
  // A password an admin chose is changed by its user at the first login (password_change_required).
  `INSERT INTO app_user AS u (tenant_id, organization_id, username, display_name, password_hash, roles, phone,
     password_change_required)
   SELECT $1, o.id, $3, $4, $5, $6, $7, true FROM organization o WHERE o.id = $2 AND ${inScope('o.path', 8)}
   RETURNING ${COLUMNS}`,
);

// Null keeps a column; a new password (an admin's reset) must be changed by its user at the next login. The phone is set when $7 says so (even to null). The scope is the user's current organisation's.
const UPDATE = sql<
  UserRow,
  [
    id: string,
    displayName: string | null,
    organizationId: string | null,
    roles: Role[] | null,
    disabled: boolean | null,
    passwordHash: string | null,
    setPhone: boolean,
    phone: string | null,
    scope: readonly string[],
  ]
>(
  'users.update',
  `UPDATE app_user AS u SET display_name = COALESCE($2, u.display_name), organization_id = COALESCE($3, u.organization_id),
     roles = COALESCE($4, u.roles), disabled = COALESCE($5, u.disabled), password_hash = COALESCE($6, u.password_hash),
     password_change_required = ($6 IS NOT NULL OR u.password_change_required),
     phone = CASE WHEN $7::boolean THEN $8 ELSE u.phone END, updated_at = now()
   FROM organization o WHERE u.id = $1 AND o.id = u.organization_id AND ${inScope('o.path', 9)}
   RETURNING ${COLUMNS}`,
);

/** What 用户管理 may change; null or absent keeps a field (`phone` is set when present, even to null). */
export interface UserChange {
  displayName: string | null;
  organizationId: string | null;
  roles: Role[] | null;
  disabled: boolean | null;
  passwordHash: string | null;
  phone?: string | null;
}

/** app_user as the admin manages it (sessions and the login path: SessionRepository). */
@Injectable()
export class UserRepository {
  list(db: Db, scope: Scope): Promise<UserRow[]> {
    return db.rows(LIST, [scope.patterns]);
  }

  /** The user; undefined outside the scope. */
  byId(db: Db, scope: Scope, id: string): Promise<UserRow | undefined> {
    return db.one(BY_ID, [id, scope.patterns]);
  }

  /** The user, locked until the transaction ends, with their organisation's kind; undefined outside the scope. */
  lock(db: Db, scope: Scope, id: string): Promise<LockedUserRow | undefined> {
    return db.one(LOCK, [id, scope.patterns]);
  }

  /**
   * A new user of organisation `organizationId` (undefined when it lies outside the scope). User names are unique
   * across tenants: a taken one is a 23505 the caller turns into a 409.
   */
  insert(
    db: Db,
    scope: Scope,
    u: {
      tenantId: string;
      organizationId: string;
      username: string;
      displayName: string;
      passwordHash: string;
      roles: Role[];
      phone: string | null;
    },
  ): Promise<UserRow | undefined> {
    return db.one(INSERT, [
      u.tenantId,
      u.organizationId,
      u.username,
      u.displayName,
      u.passwordHash,
      u.roles,
      u.phone,
      scope.patterns,
    ]);
  }

  update(db: Db, scope: Scope, id: string, c: UserChange): Promise<UserRow | undefined> {
    return db.one(UPDATE, [
      id,
      c.displayName,
      c.organizationId,
      c.roles,
      c.disabled,
      c.passwordHash,
      c.phone !== undefined,
      c.phone ?? null,
      scope.patterns,
    ]);
  }
}
