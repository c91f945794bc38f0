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
import type { EvaluationStatus } from '@jxt/contracts';
import { JoinSameTenant } from '../../common/tenancy/same-tenant';
import { GoalFormEntity } from './goal-form.entity';
import { ProjectEntity } from './project.entity';
import { ScoringPolicyEntity } from './scoring-policy.entity';

const money = { type: 'numeric', precision: 18, scale: 2, nullable: true } as const;
// No fixed scale: a score keeps the decimals the policy rounds it to (an integer policy stores `94`, not `94.00`).
const score = { type: 'numeric', nullable: true } as const;

/**
 * 财政项目支出绩效自评表: the year-end self-evaluation of one project, opened from its finance-approved form
 * (one per project and year). Its indicators and targets are copied, so the evaluation stands on its own.
 * Scores are derived (the engine in libs/domain under `policy_id`); they are stored for lists and sums.
 */
@Entity({ name: 'self_evaluation' })
@Unique('self_evaluation_project_year_key', ['projectId', 'year'])
@Index('self_evaluation_tenant_year_status_idx', ['tenantId', 'year', 'status', 'id'])
// How many final evaluations a policy version scored (shown beside each version).
@Index('self_evaluation_policy_status_idx', ['policyId', 'status'])
@Unique('self_evaluation_id_tenant_key', ['id', 'tenantId'])
export class SelfEvaluationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  /** The finance-approved revision it evaluates. */
  @Column({ name: 'form_id', type: 'uuid' })
  @Index('self_evaluation_form_idx')
  formId!: string;

  @ManyToOne(() => GoalFormEntity, { onDelete: 'RESTRICT' })
  @JoinSameTenant('form_id', 'self_evaluation_form_fk')
  form?: GoalFormEntity;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'RESTRICT' })
  @JoinSameTenant('project_id', 'self_evaluation_project_fk')
  project?: ProjectEntity;

  @Column({ type: 'integer' })
  year!: number;

  /** draft | submitted | returned | reviewed | final */
  @Column({ type: 'varchar', length: 20, default: 'draft' })
  status!: EvaluationStatus;

  @Column({ name: 'row_version', type: 'integer', default: 1 })
  rowVersion!: number;

  /** 年初预算数: the approved form's 年度资金申请总额. */
  @Column({ name: 'initial_budget', ...money })
  initialBudget!: string | null;

  /** 全年预算数 */
  @Column({ name: 'annual_budget', ...money })
  annualBudget!: string | null;

  /** 全年执行数 */
  @Column({ name: 'executed_amount', ...money })
  executedAmount!: string | null;

  /** 年度总体目标 — 预期目标, copied from the form's 年度总目标. */
  @Column({ name: 'expected_goal', type: 'text', nullable: true })
  expectedGoal!: string | null;

  /** 年度总体目标 — 实际完成情况 */
  @Column({ name: 'actual_goal', type: 'text', nullable: true })
  actualGoal!: string | null;

  @Column({ name: 'policy_id', type: 'uuid' })
  policyId!: string;

  @ManyToOne(() => ScoringPolicyEntity, { onDelete: 'RESTRICT' })
  @JoinSameTenant('policy_id', 'self_evaluation_policy_fk')
  policy?: ScoringPolicyEntity;

  /** 预算执行率 得分 */
  @Column({ name: 'budget_score', ...score })
  budgetScore!: string | null;

  /** 总分 */
  @Column({ name: 'total_score', ...score })
  totalScore!: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  grade!: string | null;

  /**
   * An imported past 自评表 (docs/domain.md §4.1): `imported`, with what the sheet printed beside what the system
   * computes — the 预算执行率 分值 and 得分, 总分 and 自评等级.
   */
  @Column({ type: 'varchar', length: 10, default: 'system' })
  origin!: 'system' | 'imported';

  @Column({ name: 'printed_budget_weight', ...score })
  printedBudgetWeight!: string | null;

  @Column({ name: 'printed_budget_score', ...score })
  printedBudgetScore!: string | null;

  @Column({ name: 'printed_total', ...score })
  printedTotal!: string | null;

  @Column({ name: 'printed_grade', type: 'varchar', length: 20, nullable: true })
  printedGrade!: string | null;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy!: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;
}
