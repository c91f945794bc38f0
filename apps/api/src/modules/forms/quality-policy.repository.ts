import { Injectable } from '@nestjs/common';
import type { QualityPolicy } from '@jxt/contracts';
import type { Db } from '../../database/access/db';
import { sql } from '../../database/access/statement';
import type { QualityPolicyEntity } from '../../database/entities/quality-policy.entity';

/** One stored version of a year's 质量检查规则. */
export type QualityPolicyRow = Pick<QualityPolicyEntity, 'year' | 'version' | 'policy' | 'createdAt' | 'createdByName'>;

const CURRENT = sql<QualityPolicyRow, [year: number]>(
  'qualityPolicies.current',
  `SELECT year, version, policy, created_at AS "createdAt", created_by_name AS "createdByName"
   FROM quality_policy WHERE year = $1 ORDER BY version DESC LIMIT 1`,
);

const LOCK_YEAR = sql<object, [tenantId: string, year: number]>(
  'qualityPolicies.lockYear',
  `SELECT pg_advisory_xact_lock(hashtextextended('quality:' || $1::text || ':' || $2::text, 0))`,
);

const INSERT_VERSION = sql<
  QualityPolicyRow,
  [tenantId: string, year: number, version: number, policy: QualityPolicy, userId: string, userName: string]
>(
  'qualityPolicies.insertVersion',
  `INSERT INTO quality_policy (tenant_id, year, version, policy, created_by, created_by_name) VALUES ($1, $2, $3, $4, $5, $6)
   RETURNING year, version, policy, created_at AS "createdAt", created_by_name AS "createdByName"`,
);

/**
 * quality_policy: the goal-quality check levels per tenant and year, versioned (the database refuses UPDATE and
 * DELETE). Tenant-wide like the scoring policy: every role reads the rules its forms are checked by.
 */
@Injectable()
export class QualityPolicyRepository {
  current(db: Db, year: number): Promise<QualityPolicyRow | undefined> {
    return db.one(CURRENT, [year]);
  }

  /** Serialises saves of one tenant's year: the advisory lock is released at commit. */
  async lockYear(db: Db, tenantId: string, year: number): Promise<void> {
    await db.rows(LOCK_YEAR, [tenantId, year]);
  }

  async insertVersion(
    db: Db,
    v: { tenantId: string; year: number; version: number; policy: QualityPolicy; userId: string; userName: string },
  ): Promise<QualityPolicyRow> {
    const [row] = await db.rows(INSERT_VERSION, [v.tenantId, v.year, v.version, v.policy, v.userId, v.userName]);
    return row;
  }
}
