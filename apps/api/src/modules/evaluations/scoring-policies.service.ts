import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import type { ScoringPolicy, ScoringPolicyVersion } from '@jxt/contracts';
import { DEFAULT_SCORING_POLICY, validatePolicy } from '@jxt/domain';
import { tenantScope } from '../../common/tenancy/request-context';
import { queryRows } from '../../common/tenancy/sql';

interface PolicyRow {
  id: string;
  year: number;
  version: number;
  policy: ScoringPolicy;
  created_at: Date;
  created_by_name: string | null;
  final_evaluations: number;
}

const SELECT_VERSIONS = `SELECT p.id, p.year, p.version, p.policy, p.created_at, p.created_by_name,
    (SELECT count(*)::int FROM self_evaluation e WHERE e.policy_id = p.id AND e.status = 'final') AS final_evaluations
  FROM scoring_policy p`;

function toVersion(row: PolicyRow): ScoringPolicyVersion {
  return {
    id: row.id,
    year: row.year,
    version: row.version,
    policy: row.policy,
    createdAt: row.created_at.toISOString(),
    createdByName: row.created_by_name,
    finalEvaluations: row.final_evaluations,
  };
}

/** The built-in default (domain.md §4) before the admin saved any version for the year. */
export function defaultVersion(year: number): ScoringPolicyVersion {
  return {
    id: null,
    year,
    version: 0,
    policy: DEFAULT_SCORING_POLICY,
    createdAt: null,
    createdByName: null,
    finalEvaluations: 0,
  };
}

/** 评分规则 per tenant and year, versioned: a save adds a version, nothing is changed in place. */
@Injectable()
export class ScoringPoliciesService {
  async current(year: number): Promise<ScoringPolicyVersion> {
    const { manager } = tenantScope();
    const [row] = await queryRows<PolicyRow>(
      manager,
      `${SELECT_VERSIONS} WHERE p.year = $1 ORDER BY p.version DESC LIMIT 1`,
      [year],
    );
    return row ? toVersion(row) : defaultVersion(year);
  }

  async versions(year: number): Promise<ScoringPolicyVersion[]> {
    const { manager } = tenantScope();
    return (
      await queryRows<PolicyRow>(manager, `${SELECT_VERSIONS} WHERE p.year = $1 ORDER BY p.version DESC`, [year])
    ).map(toVersion);
  }

  async byId(id: string): Promise<ScoringPolicyVersion> {
    const { manager } = tenantScope();
    const [row] = await queryRows<PolicyRow>(manager, `${SELECT_VERSIONS} WHERE p.id = $1`, [id]);
    return toVersion(row);
  }

  /**
   * The year's current stored version; the first evaluation of a year stores the default as version 1, so
   * every evaluation points at a version row that will never change.
   */
  async ensureStored(year: number): Promise<{ id: string; version: number; policy: ScoringPolicy }> {
    const { user, manager } = tenantScope();
    const [row] = await queryRows<{ id: string; version: number; policy: ScoringPolicy }>(
      manager,
      `SELECT id, version, policy FROM scoring_policy WHERE year = $1 ORDER BY version DESC LIMIT 1`,
      [year],
    );
    if (row) return row;
    const [inserted] = await queryRows<{ id: string; version: number; policy: ScoringPolicy }>(
      manager,
      `INSERT INTO scoring_policy (tenant_id, year, version, policy) VALUES ($1, $2, 1, $3)
       ON CONFLICT (tenant_id, year, version) DO NOTHING RETURNING id, version, policy`,
      [user.tenantId, year, DEFAULT_SCORING_POLICY],
    );
    // Another request stored it first: read theirs.
    return inserted ?? this.ensureStored(year);
  }

  /** Adds a version (admin). `baseVersion` is the one the admin edited: a newer one is a 409. */
  async save(
    year: number,
    policy: ScoringPolicy,
    baseVersion: number | null | undefined,
  ): Promise<ScoringPolicyVersion> {
    const { user, manager } = tenantScope();
    const check = validatePolicy(policy);
    if (!check.ok)
      throw new BadRequestException({ message: check.message, fields: [{ field: 'policy', message: check.message }] });
    // Serialise saves of one tenant's year: the advisory lock is released at commit.
    await queryRows(manager, `SELECT pg_advisory_xact_lock(hashtextextended($1 || ':' || $2::text, 0))`, [
      user.tenantId,
      year,
    ]);
    const [latest] = await queryRows<{ version: number }>(
      manager,
      `SELECT coalesce(max(version), 0) AS version FROM scoring_policy WHERE year = $1`,
      [year],
    );
    if (baseVersion !== undefined && baseVersion !== null && baseVersion !== latest.version) {
      throw new ConflictException(`评分规则已被他人修改（当前为第 ${latest.version} 版），请重新加载后再改`);
    }
    const [row] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO scoring_policy (tenant_id, year, version, policy, created_by, created_by_name) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [user.tenantId, year, latest.version + 1, policy, user.userId, user.displayName],
    );
    return this.byId(row.id);
  }
}
