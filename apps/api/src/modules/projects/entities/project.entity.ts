import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { ProjectContinuity } from '@jxt/contracts';
import { OrganizationEntity } from '../../organizations/entities/organization.entity';

/**
 * 项目: stable across years. The owning organisation decides who sees and approves it;
 * 主管部门 and 实施单位 are kept as the form prints them, apart from the tree.
 */
@Entity({ name: 'project' })
@Unique('project_tenant_code_key', ['tenantId', 'code'])
export class ProjectEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Index('project_organization_idx')
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id' })
  organization?: OrganizationEntity;

  /** 项目编码 */
  @Column({ type: 'varchar', length: 64 })
  code!: string;

  /** 项目名称 */
  @Column({ type: 'varchar', length: 300 })
  name!: string;

  /** 项目类别 (code list `project_category`) */
  @Column({ name: 'category_code', type: 'varchar', length: 64, nullable: true })
  categoryCode!: string | null;

  /** 新增/延续 */
  @Column({ type: 'varchar', length: 20, nullable: true })
  continuity!: ProjectContinuity | null;

  /** 功能分类科目 code */
  @Column({ name: 'function_class_code', type: 'varchar', length: 20, nullable: true })
  functionClassCode!: string | null;

  /** 主管部门 as printed */
  @Column({ name: 'printed_department', type: 'varchar', length: 300, nullable: true })
  printedDepartment!: string | null;

  /** 实施单位 as printed */
  @Column({ name: 'printed_implementing_unit', type: 'varchar', length: 300, nullable: true })
  printedImplementingUnit!: string | null;

  /** 计划开始日期 */
  @Column({ name: 'planned_start', type: 'date', nullable: true })
  plannedStart!: string | null;

  /** 计划完成日期 */
  @Column({ name: 'planned_end', type: 'date', nullable: true })
  plannedEnd!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
