import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { OrganizationKind } from '@jxt/contracts';
import { JoinSameTenant } from '../../common/tenancy/same-tenant';
import { TenantEntity } from './tenant.entity';

/**
 * 组织: a node of the tenant's tree 财政局 → 主管部门 → 预算单位 → 内设机构.
 * `path` is the chain of ids from the root (`/<root>/<child>/…/<self>/`), so a subtree is one prefix match.
 */
@Entity({ name: 'organization' })
@Index('organization_tenant_path_idx', ['tenantId', 'path'])
// A node's children (moving, deleting, the tree); the parent key is checked against it.
@Index('organization_parent_idx', ['parentId'])
// The target of every same-tenant reference to an organisation (JoinSameTenant).
@Unique('organization_id_tenant_key', ['id', 'tenantId'])
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @ManyToOne(() => TenantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id' })
  tenant?: TenantEntity;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinSameTenant('parent_id', 'organization_parent_fk')
  parent?: OrganizationEntity;

  @Column({ type: 'varchar', length: 20 })
  kind!: OrganizationKind;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** 单位类型 code (tenant code list `unit_type`); units only. */
  @Column({ name: 'unit_type_code', type: 'varchar', length: 64, nullable: true })
  unitTypeCode!: string | null;

  // "C" collation makes `path LIKE 'prefix%'` use the btree index.
  @Column({ type: 'text', collation: 'C' })
  path!: string;

  @Column({ name: 'sort_order', type: 'integer', default: 0 })
  sortOrder!: number;

  /** 停用: kept in the tree for its history, but no new children, users or projects; its users cannot log in. */
  @Column({ type: 'boolean', default: false })
  disabled!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
