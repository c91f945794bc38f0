import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { ScoringPolicy } from '@jxt/contracts';
import { TenantEntity } from './tenant.entity';

/**
 * 评分规则: one version of a tenant's scoring policy for a year. Rows are never changed (the database
 * refuses UPDATE and DELETE): a change is a new version, so a final 自评表 keeps the version that scored it.
 */
@Entity({ name: 'scoring_policy' })
@Unique('scoring_policy_version_key', ['tenantId', 'year', 'version'])
@Unique('scoring_policy_id_tenant_key', ['id', 'tenantId'])
export class ScoringPolicyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @ManyToOne(() => TenantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'scoring_policy_tenant_fk' })
  tenant?: TenantEntity;

  @Column({ type: 'integer' })
  year!: number;

  /** 1, 2, 3 … per tenant and year; the highest is current. */
  @Column({ type: 'integer' })
  version!: number;

  /** Decimal strings only (weights, shares, ratios): no float ever scores anything. */
  @Column({ type: 'jsonb' })
  policy!: ScoringPolicy;

  /** null for the built-in default stored when the year's first evaluation needed it. */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_by_name', type: 'varchar', length: 100, nullable: true })
  createdByName!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
