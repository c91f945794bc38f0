import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import {
  COMPARISON_OPERATORS,
  FORM_ACTIONS,
  FORM_STATUSES,
  REVIEW_RESULTS,
  type BooleanTarget,
  type CarriedFrom,
  type ComparisonOperator,
  type EmptyTarget,
  type FormAction,
  type FormProject,
  type FormRevisionSummary,
  type FormStatus,
  type FormSubmission,
  type GoalForm,
  type Indicator,
  type IndicatorSets,
  type InvalidTarget,
  type LatestReview,
  type Level1Group,
  type Level2Group,
  type ParsedTarget,
  type QualitativeTarget,
  type QuantitativeTarget,
  type ReviewResult,
  type SubmissionFiler,
} from '@jxt/contracts';
import { FieldIssueDto } from '../../../openapi/api-error.dto';
import { ProjectDto } from '../../../common/dto/project-header.dto';
import { FundsDto } from './save-form.dto';
import { ReviewPointDto } from '../../../common/dto/review-point.dto';

// 年度指标值 as the value grammar of libs/domain reads it (docs/domain.md §3.1): one schema per kind.

@ApiSchema({ name: 'QuantitativeTarget' })
export class QuantitativeTargetDto implements QuantitativeTarget {
  @ApiProperty({ enum: ['quantitative'] }) kind!: 'quantitative';
  @ApiProperty({ enum: COMPARISON_OPERATORS, enumName: 'ComparisonOperator' }) operator!: ComparisonOperator;
  @ApiProperty({ type: String, example: '90', description: '数值（十进制文本）' }) value!: string;
  @ApiProperty({ type: String, nullable: true, example: '%', description: '规范化的单位；未写单位为 null' })
  unit!: string | null;
}

@ApiSchema({ name: 'BooleanTarget' })
export class BooleanTargetDto implements BooleanTarget {
  @ApiProperty({ enum: ['boolean'] }) kind!: 'boolean';
  @ApiProperty({ type: Boolean }) value!: boolean;
}

@ApiSchema({ name: 'QualitativeTarget' })
export class QualitativeTargetDto implements QualitativeTarget {
  @ApiProperty({ enum: ['qualitative'] }) kind!: 'qualitative';
  @ApiProperty({ type: String }) text!: string;
}

@ApiSchema({
  name: 'InvalidTarget',
  description: '像数量却不是数量的文本（如 `≥abc%`）：原样保存，草稿可存，提交被拒',
})
export class InvalidTargetDto implements InvalidTarget {
  @ApiProperty({ enum: ['invalid'] }) kind!: 'invalid';
  @ApiProperty({ type: String }) text!: string;
}

@ApiSchema({ name: 'EmptyTarget' })
export class EmptyTargetDto implements EmptyTarget {
  @ApiProperty({ enum: ['empty'] }) kind!: 'empty';
}

/** The `oneOf` of a ParsedTarget property (the variants are registered by @ApiExtraModels on the classes using it). */
export const PARSED_TARGET = {
  oneOf: [QuantitativeTargetDto, BooleanTargetDto, QualitativeTargetDto, InvalidTargetDto, EmptyTargetDto].map(
    (variant) => ({ $ref: getSchemaPath(variant) }),
  ),
};
export const PARSED_TARGET_MODELS = [
  QuantitativeTargetDto,
  BooleanTargetDto,
  QualitativeTargetDto,
  InvalidTargetDto,
  EmptyTargetDto,
];

@ApiSchema({ name: 'Indicator', description: '三级指标：原文、解析结果与读法提示' })
@ApiExtraModels(...PARSED_TARGET_MODELS)
export class IndicatorDto implements Indicator {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, description: '三级指标' }) name!: string;
  @ApiProperty({ type: String, example: '>=90%', description: '年度指标值（按输入原样）' }) rawValue!: string;
  @ApiProperty({ type: String, nullable: true, description: '分值' }) weight!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '评分细则' }) scoringNotes!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '指标解释' }) explanation!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '备注' }) remark!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '指标性质（来源表单独一列所印；无则为 null）' })
  nature!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '度量单位（来源表单独一列所印；无则为 null）' })
  measureUnit!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: '指标值低于上年度已审核值的理由' })
  weakerTargetReason?: string | null;
  @ApiProperty({ ...PARSED_TARGET, description: '年度指标值的解析结果' }) target!: ParsedTarget;
  @ApiProperty({
    type: String,
    nullable: true,
    description: '读法提示：invalid 为何不是数值（阻止提交）、未识别的文本按定性保存、值为空',
  })
  warning!: string | null;
}

@ApiSchema({ name: 'Level2Group' })
export class Level2GroupDto implements Level2Group {
  @ApiProperty({ type: String, example: 'quantity', description: '二级指标代码' }) code!: string;
  @ApiProperty({ type: String, example: '数量指标' }) label!: string;
  @ApiProperty({ type: [IndicatorDto] }) indicators!: IndicatorDto[];
}

@ApiSchema({ name: 'Level1Group' })
export class Level1GroupDto implements Level1Group {
  @ApiProperty({ type: String, example: 'output', description: '一级指标代码' }) code!: string;
  @ApiProperty({ type: String, example: '产出指标' }) label!: string;
  @ApiProperty({ type: [Level2GroupDto] }) children!: Level2GroupDto[];
}

@ApiSchema({ name: 'IndicatorSets' })
export class IndicatorSetsDto implements IndicatorSets {
  @ApiProperty({ type: [Level1GroupDto], description: '年度绩效指标' }) year!: Level1GroupDto[];
  @ApiProperty({ type: [Level1GroupDto], nullable: true, description: '长期绩效指标；没有时为 null' })
  longTerm!: Level1GroupDto[] | null;
}

/** The project as one revision prints it; only id, code and organizationId are the project's own. */
@ApiSchema({ name: 'FormProject' })
export class FormProjectDto extends ProjectDto implements FormProject {
  @ApiProperty({ type: String, nullable: true, description: '项目类别（按锁定时代码表的名称）' })
  categoryLabel!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '功能分类科目（按锁定时代码表的名称）' })
  functionClassLabel!: string | null;
}

@ApiSchema({ name: 'CarriedFrom', description: '本年度表单延续自的版本' })
export class CarriedFromDto implements CarriedFrom {
  @ApiProperty({ type: String, format: 'uuid' }) formId!: string;
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty({ enum: FORM_STATUSES, enumName: 'FormStatus' }) status!: FormStatus;
}

@ApiSchema({ name: 'SubmissionFiler', description: '提交时记录的填报人与联系电话' })
export class SubmissionFilerDto implements SubmissionFiler {
  @ApiProperty({ type: String, description: '填报人' }) name!: string;
  @ApiProperty({ type: String, description: '联系电话' }) phone!: string;
}

@ApiSchema({ name: 'FormSubmission', description: '表尾所印的提交：填报人、联系电话、填报日期' })
export class FormSubmissionDto extends SubmissionFilerDto implements FormSubmission {
  @ApiProperty({ type: String, format: 'date-time', description: '提交时间；填报日期为其北京时间的日期' })
  submittedAt!: string;
}

@ApiSchema({ name: 'LatestReview', description: '本轮（上次提交以来）审核人的最新意见' })
export class LatestReviewDto implements LatestReview {
  @ApiProperty({ enum: FORM_ACTIONS, enumName: 'FormAction' }) action!: FormAction;
  @ApiProperty({ type: String }) comment!: string;
  @ApiProperty({ type: String, nullable: true, description: '意见针对的字段路径' }) field!: string | null;
  @ApiProperty({ enum: REVIEW_RESULTS, enumName: 'ReviewResult', nullable: true }) reviewResult!: ReviewResult | null;
  @ApiProperty({ type: String }) actorName!: string;
  @ApiProperty({ type: String }) actorOrganizationName!: string;
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
  @ApiPropertyOptional({ type: [ReviewPointDto], description: '随意见勾选的审核要点' }) points?: ReviewPointDto[];
}

@ApiSchema({ name: 'FormRevisionSummary' })
export class FormRevisionSummaryDto implements FormRevisionSummary {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty({ enum: FORM_STATUSES, enumName: 'FormStatus' }) status!: FormStatus;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
}

@ApiSchema({ name: 'GoalForm', description: '财政项目支出绩效目标填报表（一个年度的一个版本）' })
export class GoalFormDto implements GoalForm {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer', example: 2021 }) year!: number;
  @ApiProperty({ type: 'integer', description: '版本（调整新增一版）' }) revision!: number;
  @ApiProperty({ enum: FORM_STATUSES, enumName: 'FormStatus' }) status!: FormStatus;
  @ApiProperty({ type: 'integer', description: '乐观锁：保存时带回；过期返回 409' }) rowVersion!: number;
  @ApiProperty({ type: Boolean, description: '财政审核通过或不予通过后锁定，内容不再改变' }) locked!: boolean;
  @ApiProperty({
    enum: ['system', 'imported'],
    description: 'imported：导入的历史记录（由往年自评表导入，未经系统审核流程，docs/domain.md §4.1）',
  })
  origin!: 'system' | 'imported';
  @ApiProperty({ type: FormProjectDto }) project!: FormProjectDto;
  @ApiProperty({ type: CarriedFromDto, nullable: true }) carriedFrom!: CarriedFromDto | null;
  @ApiProperty({ type: FundsDto }) funds!: FundsDto;
  @ApiProperty({ type: String, nullable: true, description: '项目总目标' }) totalGoal!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '年度总目标' }) annualGoal!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '项目总目标起始年度' }) goalPeriodStart!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '项目总目标终止年度' }) goalPeriodEnd!: number | null;
  @ApiProperty({ type: IndicatorSetsDto }) indicators!: IndicatorSetsDto;
  @ApiProperty({ type: [FieldIssueDto], description: '不阻止保存的检查结果（docs/domain.md §2–§3）' })
  issues!: FieldIssueDto[];
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: String, nullable: true }) updatedBy!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '最近提交人（不得审核自己的提交）' })
  submittedBy!: string | null;
  @ApiProperty({ enum: REVIEW_RESULTS, enumName: 'ReviewResult', nullable: true, description: '财政审核结果' })
  reviewResult!: ReviewResult | null;
  @ApiProperty({ type: String, nullable: true, description: '财政审核意见' }) reviewComment!: string | null;
  @ApiProperty({ type: LatestReviewDto, nullable: true }) latestReview!: LatestReviewDto | null;
  @ApiProperty({ type: FormSubmissionDto, nullable: true, description: '本版本所依据的提交；草稿为 null' })
  submission!: FormSubmissionDto | null;
  @ApiProperty({ type: [FormRevisionSummaryDto], description: '本项目本年度的各版本，新的在前' })
  revisions!: FormRevisionSummaryDto[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '由本表生成的自评表' })
  evaluationId!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: '指标库中本单位可见条目的典型度量单位，按本表指标名称（编辑器实时检查“度量单位与指标库一致”用）',
    example: { 公众满意度: '%' },
  })
  libraryUnits!: Record<string, string>;
}
