import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { TenantEntity } from './tenant.entity';

/** A tenant's configurable list entry: 项目类别, 资金来源, 单位类型, 功能分类科目. */
@Entity({ name: 'code_list_item' })
@Unique('code_list_item_tenant_list_code_key', ['tenantId', 'list', 'code'])
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

  @Column({ type: 'varchar', length: 64 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  label!: string;

  @Column({ name: 'sort_order', type: 'integer', default: 0 })
  sortOrder!: number;
}
