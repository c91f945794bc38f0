import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import type { QualityPolicy, QualityPolicyVersion } from '@jxt/contracts';
import { DEFAULT_QUALITY_POLICY, validateQualityPolicy } from '@jxt/domain';
import { tenantScope } from '../../common/tenancy/request-context';
import { QualityPolicyRepository } from './quality-policy.repository';

/** 质量检查规则 per tenant and year, versioned like the scoring policy: a save adds a version. */
@Injectable()
export class QualityPoliciesService {
  constructor(private readonly rows: QualityPolicyRepository) {}

  /** The year's current version; the built-in default (version 0) before the admin saved one. */
  async current(year: number): Promise<QualityPolicyVersion> {
    const row = await this.rows.current(tenantScope().db, year);
    if (!row) return { year, version: 0, policy: DEFAULT_QUALITY_POLICY, createdAt: null, createdByName: null };
    return { ...row, createdAt: row.createdAt.toISOString() };
  }

  /** Adds a version (admin). `baseVersion` is the one the admin edited: a newer one is a 409. */
  async save(
    year: number,
    policy: QualityPolicy,
    baseVersion: number | null | undefined,
  ): Promise<QualityPolicyVersion> {
    const { user, db } = tenantScope();
    const problems = validateQualityPolicy(policy);
    if (problems.length)
      throw new BadRequestException({ message: problems.map((p) => p.message).join('；'), fields: problems });
    await this.rows.lockYear(db, user.tenantId, year);
    const latest = (await this.rows.current(db, year))?.version ?? 0;
    if (baseVersion !== undefined && baseVersion !== null && baseVersion !== latest)
      throw new ConflictException(`质量检查规则已被他人修改（当前为第 ${latest} 版），请重新加载后再改`);
    const row = await this.rows.insertVersion(db, {
      tenantId: user.tenantId,
      year,
      version: latest + 1,
      policy,
      userId: user.userId,
      userName: user.displayName,
    });
    return { ...row, createdAt: row.createdAt.toISOString() };
  }
}
