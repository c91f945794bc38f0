import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { QualityPolicy } from '@jxt/contracts';
import { TenantEntity } from './tenant.entity';

/**
 * 质量检查规则 (issue 14): one version of a tenant's goal-quality check levels for a year, like the scoring policy.
 * Rows are never changed (the database refuses UPDATE and DELETE): a change is a new version.
 */
@Entity({ name: 'quality_policy' })
@Unique('quality_policy_version_key', ['tenantId', 'year', 'version'])
export class QualityPolicyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @ManyToOne(() => TenantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'quality_policy_tenant_fk' })
  tenant?: TenantEntity;

  @Column({ type: 'integer' })
  year!: number;

  /** 1, 2, 3 … per tenant and year; the highest is current. */
  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb' })
  policy!: QualityPolicy;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_by_name', type: 'varchar', length: 100, nullable: true })
  createdByName!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
