import { Injectable } from '@nestjs/common';
import type { Db } from '../../database/access/db';
import { sql } from '../../database/access/statement';
import type { SecuritySettingEntity } from '../../database/entities/security-setting.entity';

export type SecuritySettingRow = Pick<
  SecuritySettingEntity,
  | 'maxFailuresPerUser'
  | 'userDelaySeconds'
  | 'userDelayMaxSeconds'
  | 'idleTimeoutMinutes'
  | 'sessionMaxHours'
  | 'passwordMinLength'
>;

const COLUMNS = `max_failures_per_user AS "maxFailuresPerUser", user_delay_seconds AS "userDelaySeconds",
  user_delay_max_seconds AS "userDelayMaxSeconds", idle_timeout_minutes AS "idleTimeoutMinutes",
  session_max_hours AS "sessionMaxHours", password_min_length AS "passwordMinLength"`;

// Tenant-wide (row-level security keeps it to the request's tenant): one row or none.
const GET = sql<SecuritySettingRow, []>('securitySettings.get', `SELECT ${COLUMNS} FROM security_setting`);

const SAVE = sql<
  SecuritySettingRow,
  [tenantId: string, a: number, b: number, c: number, d: number, e: number, f: number, updatedBy: string]
>(
  'securitySettings.save',
  `INSERT INTO security_setting AS s (tenant_id, max_failures_per_user, user_delay_seconds, user_delay_max_seconds,
     idle_timeout_minutes, session_max_hours, password_min_length, updated_by)
   VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
   ON CONFLICT (tenant_id) DO UPDATE SET max_failures_per_user = $2, user_delay_seconds = $3,
     user_delay_max_seconds = $4, idle_timeout_minutes = $5, session_max_hours = $6, password_min_length = $7,
     updated_by = $8, updated_at = now()
   RETURNING ${COLUMNS}`,
);

/** security_setting: the tenant's 安全设置. */
@Injectable()
export class SecuritySettingRepository {
  get(db: Db): Promise<SecuritySettingRow | undefined> {
    return db.one(GET, []);
  }

  save(db: Db, tenantId: string, s: SecuritySettingRow, updatedBy: string): Promise<SecuritySettingRow | undefined> {
    return db.one(SAVE, [
      tenantId,
      s.maxFailuresPerUser,
      s.userDelaySeconds,
      s.userDelayMaxSeconds,
      s.idleTimeoutMinutes,
      s.sessionMaxHours,
      s.passwordMinLength,
      updatedBy,
    ]);
  }
}
