import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ComparisonOperator, IndicatorSet } from '@jxt/contracts';
import { JoinSameTenant } from '../../common/tenancy/same-tenant';
import { GoalFormEntity } from './goal-form.entity';

/**
 * 三级指标: a concrete indicator under a 一级/二级 taxonomy code. The raw 年度指标值 is kept
 * exactly as typed; the parsed target beside it is what checks and scoring use.
 * `sort_order` is the printed order within its set; groups follow their first indicator.
 */
@Entity({ name: 'indicator' })
@Index('indicator_form_order_idx', ['formId', 'indicatorSet', 'sortOrder'])
export class IndicatorEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ name: 'form_id', type: 'uuid' })
  formId!: string;

  @ManyToOne(() => GoalFormEntity, { onDelete: 'CASCADE' })
  @JoinSameTenant('form_id', 'indicator_form_fk')
  form?: GoalFormEntity;

  /** year (年度绩效指标) or longTerm (长期绩效指标) */
  @Column({ name: 'indicator_set', type: 'varchar', length: 10, default: 'year' })
  indicatorSet!: IndicatorSet;

  @Column({ name: 'level1_code', type: 'varchar', length: 64 })
  level1Code!: string;

  @Column({ name: 'level2_code', type: 'varchar', length: 64 })
  level2Code!: string;

  @Column({ name: 'sort_order', type: 'integer' })
  sortOrder!: number;

  /** 一级指标 as printed: copied from the year's taxonomy when the form is locked (null while open). */
  @Column({ name: 'level1_label', type: 'varchar', length: 100, nullable: true })
  level1Label!: string | null;

  /** 二级指标 as printed, likewise. */
  @Column({ name: 'level2_label', type: 'varchar', length: 100, nullable: true })
  level2Label!: string | null;

  /** 三级指标 */
  @Column({ type: 'varchar', length: 300 })
  name!: string;

  /** 年度指标值 as typed */
  @Column({ name: 'raw_value', type: 'varchar', length: 300 })
  rawValue!: string;

  /** quantitative | boolean | qualitative | invalid (starts like a quantity but is none: blocks 提交) | empty */
  @Column({ name: 'target_kind', type: 'varchar', length: 20 })
  targetKind!: string;

  @Column({ name: 'target_operator', type: 'varchar', length: 4, nullable: true })
  targetOperator!: ComparisonOperator | null;

  @Column({ name: 'target_number', type: 'numeric', nullable: true })
  targetNumber!: string | null;

  @Column({ name: 'target_unit', type: 'varchar', length: 20, nullable: true })
  targetUnit!: string | null;

  @Column({ name: 'target_boolean', type: 'boolean', nullable: true })
  targetBoolean!: boolean | null;

  @Column({ name: 'parse_warning', type: 'varchar', length: 200, nullable: true })
  parseWarning!: string | null;

  /**
   * 指标性质 as the source printed it in its own column (≥, 正向, 定性 …; docs/domain.md §3.2), null where it printed
   * none. The 年度指标值 above is what the grammar reads; this and `measure_unit` only say how to print it back.
   */
  @Column({ type: 'varchar', length: 50, nullable: true })
  nature!: string | null;

  /** 度量单位 as printed in its own column (%, 家, 万元 …), null where there was none. */
  @Column({ name: 'measure_unit', type: 'varchar', length: 50, nullable: true })
  measureUnit!: string | null;

  /** 分值 */
  @Column({ type: 'numeric', precision: 7, scale: 2, nullable: true })
  weight!: string | null;

  /** 评分细则 */
  @Column({ name: 'scoring_notes', type: 'text', nullable: true })
  scoringNotes!: string | null;

  /** 指标解释 */
  @Column({ type: 'text', nullable: true })
  explanation!: string | null;

  /** 备注 */
  @Column({ type: 'text', nullable: true })
  remark!: string | null;

  /** Why a continuing project's target is weaker than last year's approved one (the quality check then passes). */
  @Column({ name: 'weaker_target_reason', type: 'text', nullable: true })
  weakerTargetReason!: string | null;
}
