import { Column, CreateDateColumn, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ScoringJobStatus } from '@jxt/contracts';
import { JoinSameTenant } from '../../common/tenancy/same-tenant';
import { ScoringPolicyEntity } from './scoring-policy.entity';

/** 重新评分: a background job re-scoring a year's evaluations that are not final, with its progress. */
@Entity({ name: 'scoring_job' })
@Index('scoring_job_tenant_year_idx', ['tenantId', 'year', 'createdAt'])
export class ScoringJobEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ name: 'policy_id', type: 'uuid' })
  policyId!: string;

  // Policy versions are append-only (never updated or deleted), so nothing looks jobs up by policy: no index.
  @ManyToOne(() => ScoringPolicyEntity, { onDelete: 'RESTRICT' })
  @JoinSameTenant('policy_id', 'scoring_job_policy_fk')
  policy?: ScoringPolicyEntity;

  @Column({ name: 'policy_version', type: 'integer' })
  policyVersion!: number;

  /** queued | running | done | failed */
  @Column({ type: 'varchar', length: 20 })
  status!: ScoringJobStatus;

  @Column({ type: 'integer', default: 0 })
  total!: number;

  @Column({ type: 'integer', default: 0 })
  done!: number;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  /** Written with every batch: a running job whose heartbeat stops (the process died) is reported as interrupted. */
  @Column({ name: 'heartbeat_at', type: 'timestamptz', nullable: true })
  heartbeatAt!: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;
}
