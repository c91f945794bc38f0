import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type { LibraryTier } from '@jxt/contracts';
import { JoinSameTenant } from '../../common/tenancy/same-tenant';
import { OrganizationEntity } from './organization.entity';
import { TenantEntity } from './tenant.entity';

/**
 * 指标库: one indicator a filer may reuse (issue 14, ADR 0031). Its tier says who set it and who sees it: 共性 (`common`)
 * by the 财政局, seen by the whole tenant; 行业/部门 (`department`) by a 主管部门 and 个性 (`unit`) by a 预算单位 or
 * 内设机构, each seen by its owner's subtree (and by those above it whose scope holds the owner). `organization_id`
 * is the owner (the 财政局 for 共性). A retired entry stays for the forms that used it but is not offered again.
 * `name_initials` is the name's pinyin initials (`公众满意度` → `gzmyd`), computed when the entry is written.
 */
@Entity({ name: 'indicator_library_entry' })
// The search and the suggestions read the visible owners' entries from these indexes alone (ADR 0035, ADR 0036):
// keyed by (organization_id, tenant_id, level2_code, tier DESC, id) — each owner's entries of a 二级指标, nearest tier
// first — INCLUDE (retired_at, level1_code, name, name_initials, function_class_codes): at most about 2,300 bytes
// with the lengths the DTO allows, under btree's 2,704. The tagged index has the same keys and INCLUDE less the
// initials, and holds only the entries with a 功能分类科目.
// TypeORM cannot declare INCLUDE, DESC or a partial covering index, so migration 1796570000000 writes them and the
// entity only names them.
@Index('indicator_library_slot_idx', { synchronize: false })
@Index('indicator_library_tagged_idx', { synchronize: false })
@Index('indicator_library_level2_idx', ['tenantId', 'level2Code'])
// One active entry of a name per owner (a retired one may share it).
@Index('indicator_library_owner_name_key', ['tenantId', 'organizationId', 'name'], {
  unique: true,
  where: 'retired_at IS NULL',
})
@Unique('indicator_library_entry_id_tenant_key', ['id', 'tenantId'])
export class IndicatorLibraryEntryEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @ManyToOne(() => TenantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'indicator_library_entry_tenant_fk' })
  tenant?: TenantEntity;

  @Column({ type: 'varchar', length: 20 })
  tier!: LibraryTier;

  /** The owner: the 财政局 (共性), a 主管部门 (行业/部门) or a 预算单位/内设机构 (个性). */
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinSameTenant('organization_id', 'indicator_library_entry_organization_fk')
  organization?: OrganizationEntity;

  /** 三级指标's name as a form would print it. */
  @Column({ type: 'varchar', length: 200 })
  name!: string;

  /** Lower-case pinyin initials of the name (other characters kept), for search. */
  @Column({ name: 'name_initials', type: 'varchar', length: 400 })
  nameInitials!: string;

  @Column({ name: 'level1_code', type: 'varchar', length: 64 })
  level1Code!: string;

  @Column({ name: 'level2_code', type: 'varchar', length: 64 })
  level2Code!: string;

  /** Typical 指标性质 (as a form's indicator `nature`). */
  @Column({ type: 'varchar', length: 50, nullable: true })
  nature!: string | null;

  /** Typical 度量单位 (as a form's indicator `measureUnit`). */
  @Column({ name: 'measure_unit', type: 'varchar', length: 50, nullable: true })
  measureUnit!: string | null;

  /** A typical 年度指标值 in the value grammar (`>=90%`, `及时`), prefilled when the entry is used. */
  @Column({ name: 'value_form', type: 'varchar', length: 200, nullable: true })
  valueForm!: string | null;

  /** 指标解释. */
  @Column({ type: 'text', nullable: true })
  definition!: string | null;

  /** 计算方法, where one exists. */
  @Column({ name: 'calculation_method', type: 'text', nullable: true })
  calculationMethod!: string | null;

  /** 功能分类科目 codes the entry fits (empty: any). */
  @Column({ name: 'function_class_codes', type: 'text', array: true, default: () => "'{}'" })
  functionClassCodes!: string[];

  /** Kinds of project it fits, as words (信息化, 公共服务 …). */
  @Column({ name: 'project_tags', type: 'text', array: true, default: () => "'{}'" })
  projectTags!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** 停用: kept for the forms that used it, not offered for new use. */
  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;
}
