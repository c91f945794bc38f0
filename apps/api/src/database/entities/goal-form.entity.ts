import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import type { FormStatus, ProjectContinuity } from '@jxt/contracts';
import { JoinSameTenant } from '../../common/tenancy/same-tenant';
import { ProjectEntity } from './project.entity';

const money = { type: 'numeric', precision: 18, scale: 2, nullable: true } as const;

/**
 * 绩效目标填报表: one project's goals for one year (and revision, for 调整).
 * Money is numeric(18,2) and travels as decimal strings; `row_version` is the optimistic lock.
 */
@Entity({ name: 'goal_form' })
@Unique('goal_form_project_year_revision_key', ['projectId', 'year', 'revision'])
@Index('goal_form_tenant_year_idx', ['tenantId', 'year'])
// The suggestions of a form read the year's forms of its 功能分类科目 (ADR 0034) from this index alone: keyed by
// (tenant_id, year, function_class_code, organization_path, project_id, revision DESC), INCLUDE (id, project_name):
// the caller's scope is a range of it (ADR 0036). TypeORM cannot declare INCLUDE or DESC, so migration 1796580000000
// writes it and the entities only name it.
@Index('goal_form_year_function_class_idx', { synchronize: false })
@Unique('goal_form_id_tenant_key', ['id', 'tenantId'])
// Deleting a draft clears the links to it. Partial: almost every form links nowhere, and a save writes no entry.
@Index('goal_form_carried_from_idx', ['carriedFromFormId'], { where: 'carried_from_form_id IS NOT NULL' })
// The inbox reads waiting forms by status and scope from this index alone (an index-only scan): every column it
// needs from goal_form is in the key.
@Index('goal_form_inbox_idx', [
  'tenantId',
  'status',
  'organizationPath',
  'statusChangedAt',
  'year',
  'revision',
  'rowVersion',
  'projectId',
  'id',
])
export class GoalFormEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinSameTenant('project_id', 'goal_form_project_fk')
  project?: ProjectEntity;

  /**
   * The owning organisation's path (organization.path of the project's unit), kept by database triggers
   * (on insert, and when an organisation moves). Lets scope filters on forms skip the project and
   * organisation joins: the finance inbox at city scale reads only goal_form.
   */
  @Column({ name: 'organization_path', type: 'text', collation: 'C', default: '' })
  organizationPath!: string;

  @Column({ type: 'integer' })
  year!: number;

  @Column({ type: 'integer', default: 1 })
  revision!: number;

  @Column({ type: 'varchar', length: 30, default: 'draft' })
  status!: FormStatus;

  /** `imported`: a past year's revision read from its 自评表, approved without the workflow (docs/domain.md §4.1). */
  @Column({ type: 'varchar', length: 10, default: 'system' })
  origin!: 'system' | 'imported';

  // The header as this revision prints it. Each revision owns its header: a later year or an 调整 draft
  // changes its own copy, never a locked one's.

  /** 项目名称 */
  @Column({ name: 'project_name', type: 'varchar', length: 300 })
  projectName!: string;

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

  // Printed text that lives elsewhere while the form is open (the unit's name, code-list labels), copied by a
  // database trigger when the form is locked, so later renames leave the locked revision as printed.

  /** 预算单位 name as printed when the form was locked; null while it is not locked. */
  @Column({ name: 'locked_organization_name', type: 'varchar', length: 200, nullable: true })
  lockedOrganizationName!: string | null;

  /** 项目类别 label as printed when locked. */
  @Column({ name: 'locked_category_label', type: 'varchar', length: 200, nullable: true })
  lockedCategoryLabel!: string | null;

  /** 功能分类科目 label as printed when locked. */
  @Column({ name: 'locked_function_class_label', type: 'varchar', length: 200, nullable: true })
  lockedFunctionClassLabel!: string | null;

  /** The revision a next year's form was carried forward from (延续); a link, cleared if that draft is deleted. */
  @Column({ name: 'carried_from_form_id', type: 'uuid', nullable: true })
  carriedFromFormId!: string | null;

  // In the database ON DELETE SET NULL (carried_from_form_id): only the link is cleared, never tenant_id (the
  // migration TenantScopedForeignKeys writes it; TypeORM cannot, and compares only the action).
  @ManyToOne(() => GoalFormEntity, { onDelete: 'SET NULL' })
  @JoinSameTenant('carried_from_form_id', 'goal_form_carried_from_fk')
  carriedFrom?: GoalFormEntity;

  /** 项目资金总额 */
  @Column({ name: 'total_amount', ...money })
  totalAmount!: string | null;

  /** 其中：财政资金 */
  @Column({ name: 'fiscal_amount', ...money })
  fiscalAmount!: string | null;

  /** 其他资金 (whole life) */
  @Column({ name: 'other_amount', ...money })
  otherAmount!: string | null;

  /** 年度资金申请总额 */
  @Column({ name: 'annual_amount', ...money })
  annualAmount!: string | null;

  /** 其中：当年财政拨款 */
  @Column({ name: 'annual_fiscal_amount', ...money })
  annualFiscalAmount!: string | null;

  /** 上年结转资金 */
  @Column({ name: 'carry_over_amount', ...money })
  carryOverAmount!: string | null;

  /** 其他资金 (this year) */
  @Column({ name: 'annual_other_amount', ...money })
  annualOtherAmount!: string | null;

  /** 项目总目标 */
  @Column({ name: 'total_goal', type: 'text', nullable: true })
  totalGoal!: string | null;

  /** 年度总目标 */
  @Column({ name: 'annual_goal', type: 'text', nullable: true })
  annualGoal!: string | null;

  /** Years printed under 项目总目标, e.g. （2021 年- 2021年） */
  @Column({ name: 'goal_period_start', type: 'integer', nullable: true })
  goalPeriodStart!: number | null;

  @Column({ name: 'goal_period_end', type: 'integer', nullable: true })
  goalPeriodEnd!: number | null;

  /** When the form entered its current status (inbox order, overdue marks). */
  @Column({ name: 'status_changed_at', type: 'timestamptz', default: () => 'now()' })
  statusChangedAt!: Date;

  /** Who submitted it last (nobody approves their own submission). */
  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy!: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  /** 审核结果 and 审核意见 of finance's last review. */
  @Column({ name: 'review_result', type: 'varchar', length: 20, nullable: true })
  reviewResult!: string | null;

  @Column({ name: 'review_comment', type: 'text', nullable: true })
  reviewComment!: string | null;

  @Column({ name: 'row_version', type: 'integer', default: 1 })
  rowVersion!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;
}
