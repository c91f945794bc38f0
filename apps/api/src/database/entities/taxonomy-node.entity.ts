import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { TenantEntity } from './tenant.entity';

/**
 * 指标体系: the 一级/二级指标 of a tenant for one year. Data, not an enum: 2021 guidance moved
 * 成本指标 to level 1, regions add their own. Policies and checks refer to the stable `code`.
 */
@Entity({ name: 'indicator_taxonomy' })
@Unique('indicator_taxonomy_tenant_year_code_key', ['tenantId', 'year', 'code'])
export class TaxonomyNodeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @ManyToOne(() => TenantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'indicator_taxonomy_tenant_fk' })
  tenant?: TenantEntity;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  label!: string;

  @Column({ type: 'smallint' })
  level!: 1 | 2;

  @Column({ name: 'parent_code', type: 'varchar', length: 64, nullable: true })
  parentCode!: string | null;

  @Column({ name: 'sort_order', type: 'integer', default: 0 })
  sortOrder!: number;

  /** 停用: no longer offered for new indicators; the forms that use it still print and check it. */
  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;
}
