import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { FormStatus } from '@jxt/contracts';
import { ProjectEntity } from '../../projects/entities/project.entity';

const money = { type: 'numeric', precision: 18, scale: 2, nullable: true } as const;

/**
 * 绩效目标填报表: one project's goals for one year (and revision, for 调整).
 * Money is numeric(18,2) and travels as decimal strings; `row_version` is the optimistic lock.
 */
@Entity({ name: 'goal_form' })
@Unique('goal_form_project_year_revision_key', ['projectId', 'year', 'revision'])
@Index('goal_form_tenant_year_idx', ['tenantId', 'year'])
// The inbox reads waiting forms by status and scope from this index alone (an index-only scan): every column it
// needs from goal_form is in the key.
@Index('goal_form_inbox_idx', ['tenantId', 'status', 'organizationPath', 'statusChangedAt', 'year', 'revision', 'rowVersion', 'projectId', 'id'])
export class GoalFormEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
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
