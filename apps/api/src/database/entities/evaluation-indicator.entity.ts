import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { ComparisonOperator, QualitativeBandCode } from '@jxt/contracts';
import { JoinSameTenant } from '../../common/tenancy/same-tenant';
import { SelfEvaluationEntity } from './self-evaluation.entity';

const share = { type: 'numeric', precision: 5, scale: 4, nullable: true } as const;
// A qualitative band's code (the policy's `qualitativeBands[].code`).
const band = { type: 'varchar', length: 16, nullable: true } as const;
// No fixed scale: 分值 and 得分 keep the decimals the policy rounds them to.
const points = { type: 'numeric', nullable: true } as const;

/**
 * One 三级指标 of a 自评表: the approved target (年度指标值, copied with its reading), what the unit
 * achieved (实际完成值), the qualitative shares (the unit's, and the reviewer's at 复核 with the reason),
 * the 偏差原因, and the derived 分值/得分.
 */
@Entity({ name: 'evaluation_indicator' })
@Index('evaluation_indicator_order_idx', ['evaluationId', 'sortOrder'])
export class EvaluationIndicatorEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ name: 'evaluation_id', type: 'uuid' })
  evaluationId!: string;

  @ManyToOne(() => SelfEvaluationEntity, { onDelete: 'CASCADE' })
  @JoinSameTenant('evaluation_id', 'evaluation_indicator_evaluation_fk')
  evaluation?: SelfEvaluationEntity;

  /** The form's indicator it copies (no foreign key: the form may be revised later). */
  @Column({ name: 'source_indicator_id', type: 'uuid', nullable: true })
  sourceIndicatorId!: string | null;

  @Column({ name: 'level1_code', type: 'varchar', length: 64 })
  level1Code!: string;

  @Column({ name: 'level2_code', type: 'varchar', length: 64 })
  level2Code!: string;

  @Column({ name: 'sort_order', type: 'integer' })
  sortOrder!: number;

  /** 一级指标 as printed: copied from the locked form it was opened from. */
  @Column({ name: 'level1_label', type: 'varchar', length: 100 })
  level1Label!: string;

  /** 二级指标 as printed, likewise. */
  @Column({ name: 'level2_label', type: 'varchar', length: 100 })
  level2Label!: string;
  @Column({ type: 'varchar', length: 300 })
  name!: string;

  /** 年度指标值 as printed on the approved form, and its reading. */
  @Column({ name: 'raw_value', type: 'varchar', length: 300 })
  rawValue!: string;

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

  /** 分值 set on the form, if any. */
  @Column({ type: 'numeric', precision: 7, scale: 2, nullable: true })
  weight!: string | null;

  /** 实际完成值 as typed */
  @Column({ name: 'actual_value', type: 'varchar', length: 300, nullable: true })
  actualValue!: string | null;

  @Column({ name: 'self_share', ...share })
  selfShare!: string | null;

  /** 完成档次 the unit picked: at a shared edge (80 %) the share alone does not say which band it is. */
  @Column({ name: 'self_band', ...band })
  selfBand!: QualitativeBandCode | null;

  @Column({ name: 'reviewer_share', ...share })
  reviewerShare!: string | null;

  @Column({ name: 'reviewer_band', ...band })
  reviewerBand!: QualitativeBandCode | null;

  @Column({ name: 'reviewer_reason', type: 'text', nullable: true })
  reviewerReason!: string | null;

  /** 偏差原因分析及改进措施 */
  @Column({ name: 'deviation_reason', type: 'text', nullable: true })
  deviationReason!: string | null;

  /** 分值 applied and 得分, derived by the engine under the evaluation's policy. */
  @Column({ name: 'applied_weight', ...points })
  appliedWeight!: string | null;

  @Column({ ...points })
  score!: string | null;

  /** 得分 as an imported past 自评表 printed it (docs/domain.md §4.1); null for one filled in the system. */
  @Column({ name: 'printed_score', ...points })
  printedScore!: string | null;
}
