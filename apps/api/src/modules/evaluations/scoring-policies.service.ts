import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import type { ScoringPolicy, ScoringPolicyVersion } from '@jxt/contracts';
import { DEFAULT_SCORING_POLICY, validatePolicy } from '@jxt/domain';
import { tenantScope } from '../../common/tenancy/request-context';
import type { Db } from '../../database/access/db';
import {
  ScoringPolicyRepository,
  type ScoringPolicyVersionRow,
  type StoredPolicyRow,
} from './scoring-policy.repository';

function toVersion(row: ScoringPolicyVersionRow): ScoringPolicyVersion {
  return {
    id: row.id,
    year: row.year,
    version: row.version,
    policy: row.policy,
    createdAt: row.createdAt.toISOString(),
    createdByName: row.createdByName,
    finalEvaluations: row.finalEvaluations,
  };
}

/** The built-in default (docs/domain.md §4) before the admin saved any version for the year. */
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
  constructor(private readonly rows: ScoringPolicyRepository) {}

  /** `db`: a job's own transaction (outside any request); by default the request's. */
  async current(year: number, db: Db = tenantScope().db): Promise<ScoringPolicyVersion> {
    const row = await this.rows.current(db, year);
    return row ? toVersion(row) : defaultVersion(year);
  }

  async versions(year: number): Promise<ScoringPolicyVersion[]> {
    const { db } = tenantScope();
    return (await this.rows.versions(db, year)).map(toVersion);
  }

  async byId(id: string, db: Db = tenantScope().db): Promise<ScoringPolicyVersion> {
    const row = await this.rows.byId(db, id);
    // Every 自评表 and job points at a stored version (a foreign key); a missing one is a bug, not a user's error.
    if (!row) throw new Error(`scoring policy ${id} not found`);
    return toVersion(row);
  }

  /**
   * The year's current stored version; the first evaluation of a year stores the default as version 1, so
   * every evaluation points at a version row that will never change.
   */
  async ensureStored(year: number): Promise<StoredPolicyRow> {
    const { user, db } = tenantScope();
    const row = await this.rows.latestStored(db, year);
    if (row) return row;
    const inserted = await this.rows.insertFirst(db, user.tenantId, year, DEFAULT_SCORING_POLICY);
    // Another request stored it first: read theirs.
    return inserted ?? this.ensureStored(year);
  }

  /** Adds a version (admin). `baseVersion` is the one the admin edited: a newer one is a 409. */
  async save(
    year: number,
    policy: ScoringPolicy,
    baseVersion: number | null | undefined,
  ): Promise<ScoringPolicyVersion> {
    const { user, db } = tenantScope();
    const check = validatePolicy(policy);
    if (!check.ok)
      throw new BadRequestException({ message: check.message, fields: [{ field: 'policy', message: check.message }] });
    // Serialise saves of one tenant's year.
    await this.rows.lockYear(db, user.tenantId, year);
    const latest = await this.rows.latestVersion(db, year);
    if (baseVersion !== undefined && baseVersion !== null && baseVersion !== latest) {
      throw new ConflictException(`评分规则已被他人修改（当前为第 ${latest} 版），请重新加载后再改`);
    }
    const id = await this.rows.insertVersion(db, {
      tenantId: user.tenantId,
      year,
      version: latest + 1,
      policy,
      userId: user.userId,
      userName: user.displayName,
    });
    return this.byId(id);
  }
}
