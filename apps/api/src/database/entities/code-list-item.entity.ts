import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TenantEntity } from './tenant.entity';

/**
 * A tenant's configurable list entry: 项目类别, 资金来源, 单位类型 (tenant-wide, `year` null) and 功能分类科目, whose
 * classification changes from year to year (one version per budget year, `year` set).
 */
@Entity({ name: 'code_list_item' })
@Index('code_list_item_tenant_list_code_key', ['tenantId', 'list', 'code'], { unique: true, where: 'year IS NULL' })
// The unique keys are partial (tenant-wide rows have no year); this one serves reads of a list and the tenant key.
@Index('code_list_item_tenant_list_year_idx', ['tenantId', 'list', 'year'])
@Index('code_list_item_tenant_list_year_code_key', ['tenantId', 'list', 'year', 'code'], {
  unique: true,
  where: 'year IS NOT NULL',
})
export class CodeListItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @ManyToOne(() => TenantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'code_list_item_tenant_fk' })
  tenant?: TenantEntity;

  @Column({ type: 'varchar', length: 40 })
  list!: string;

  /** The budget year of a yearly list's version (功能分类科目); null for a tenant-wide list. */
  @Column({ type: 'integer', nullable: true })
  year!: number | null;

  @Column({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  label!: string;

  @Column({ name: 'sort_order', type: 'integer', default: 0 })
  sortOrder!: number;
}
