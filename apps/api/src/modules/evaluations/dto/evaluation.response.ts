import { ApiExtraModels, ApiProperty, ApiSchema } from '@nestjs/swagger';
import {
  EVALUATION_ACTIONS,
  EVALUATION_INBOX_REASONS,
  EVALUATION_STATUSES,
  QUALITATIVE_BAND_CODES,
  ROLES,
  SCORING_JOB_STATUSES,
  type Evaluation,
  type EvaluationAction,
  type EvaluationBudgetScore,
  type EvaluationComment,
  type EvaluationFieldChange,
  type EvaluationFunds,
  type EvaluationHistoryEntry,
  type EvaluationInboxCounts,
  type EvaluationInboxItem,
  type EvaluationInboxReason,
  type EvaluationInboxResponse,
  type EvaluationIndicator,
  type EvaluationListResponse,
  type EvaluationScore,
  type EvaluationStatus,
  type EvaluationSummary,
  type IndicatorScore,
  type ParsedTarget,
  type QualitativeBandCode,
  type Role,
  type SaveScoringPolicyResponse,
  type ScoringJob,
  type ScoringJobStatus,
  type ScoringPolicyVersion,
} from '@jxt/contracts';
import { FieldIssueDto } from '../../../openapi/api-error.dto';
import { PARSED_TARGET, PARSED_TARGET_MODELS } from '../../forms/dto/goal-form.response';
import { ScoringPolicyDto } from './scoring-policy.dto';

const MONEY = { type: String, nullable: true, example: '213500.00' } as const;
const SHARE = { type: String, nullable: true, example: '0.9' } as const;
const BAND = { enum: QUALITATIVE_BAND_CODES, enumName: 'QualitativeBandCode', nullable: true } as const;

@ApiSchema({ name: 'ScoringPolicyVersion', description: '评分规则的一个版本；版本不改，修改即新增版本' })
export class ScoringPolicyVersionDto implements ScoringPolicyVersion {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '未保存过时的默认规则为 null' })
  id!: string | null;
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ type: 'integer', description: '版本号；默认规则为 0' }) version!: number;
  @ApiProperty({ type: ScoringPolicyDto }) policy!: ScoringPolicyDto;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) createdAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) createdByName!: string | null;
  @ApiProperty({ type: 'integer', description: '由此版本评分的已定稿自评表数' }) finalEvaluations!: number;
}

@ApiSchema({ name: 'ScoringJob', description: '重新评分：后台重算本年度未定稿的自评表' })
export class ScoringJobDto implements ScoringJob {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ type: 'integer' }) policyVersion!: number;
  @ApiProperty({ enum: SCORING_JOB_STATUSES, enumName: 'ScoringJobStatus' }) status!: ScoringJobStatus;
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'integer' }) done!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
}

@ApiSchema({ name: 'SaveScoringPolicyResponse' })
export class SaveScoringPolicyResponseDto implements SaveScoringPolicyResponse {
  @ApiProperty({ type: ScoringPolicyVersionDto }) version!: ScoringPolicyVersionDto;
  @ApiProperty({ type: ScoringJobDto }) job!: ScoringJobDto;
}

@ApiSchema({ name: 'IndicatorScore', description: '一个指标的得分及其算法，供复核人核对' })
export class IndicatorScoreDto implements IndicatorScore {
  @ApiProperty({ type: String, description: '所用分值' }) weight!: string;
  @ApiProperty({ type: String }) score!: string;
  @ApiProperty({ type: String, example: '反向：A / B × 分值 = 90 / 100 × 5', description: '算式' }) rule!: string;
  @ApiProperty({ type: String, description: '填报人能读懂的说明' }) note!: string;
  @ApiProperty({ type: String, nullable: true, description: '以目标单位表示的实际值（单位不同时）' })
  actualInTargetUnit!: string | null;
  @ApiProperty({ type: Boolean, description: '须填写偏差原因' }) needsReason!: boolean;
  @ApiProperty({ type: Boolean, description: '须填写却未填写偏差原因' }) reasonMissing!: boolean;
  @ApiProperty({ type: String, nullable: true, description: '尚不能评分的原因' }) error!: string | null;
}

@ApiSchema({ name: 'EvaluationIndicator' })
@ApiExtraModels(...PARSED_TARGET_MODELS)
export class EvaluationIndicatorDto implements EvaluationIndicator {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String }) level1Code!: string;
  @ApiProperty({ type: String }) level1Label!: string;
  @ApiProperty({ type: String }) level2Code!: string;
  @ApiProperty({ type: String }) level2Label!: string;
  @ApiProperty({ type: String, description: '三级指标' }) name!: string;
  @ApiProperty({ type: String, description: '年度指标值（A），按批准的表单原样' }) rawTarget!: string;
  @ApiProperty({ ...PARSED_TARGET, description: '年度指标值的解析结果' }) target!: ParsedTarget;
  @ApiProperty({ type: String, nullable: true, description: '表单上的分值' }) weight!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '实际完成值（B）' }) actualValue!: string | null;
  @ApiProperty({ ...SHARE, description: '定性：单位自评的得分比例' }) selfShare!: string | null;
  @ApiProperty({ ...BAND, description: '定性：单位所选完成档次' }) selfBand!: QualitativeBandCode | null;
  @ApiProperty({ ...SHARE, description: '复核调整后的得分比例' }) reviewerShare!: string | null;
  @ApiProperty({ ...BAND, description: '复核所选完成档次' }) reviewerBand!: QualitativeBandCode | null;
  @ApiProperty({ type: String, nullable: true, description: '复核调整理由' }) reviewerReason!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '偏差原因分析及改进措施' }) deviationReason!: string | null;
  @ApiProperty({ type: IndicatorScoreDto }) scored!: IndicatorScoreDto;
  @ApiProperty({ type: String, nullable: true, description: '导入的历史自评表上所印得分；系统内填写的为 null' })
  printedScore!: string | null;
}

@ApiSchema({ name: 'PrintedScoreDifference', description: '所印得分与系统计算不一致的一项（计算 − 所印）' })
export class PrintedScoreDifferenceDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '指标；预算执行率与总分为 null' })
  indicatorId!: string | null;
  @ApiProperty({ type: String, example: '验收合格率' }) name!: string;
  @ApiProperty({ type: String }) printed!: string;
  @ApiProperty({ type: String }) computed!: string;
  @ApiProperty({ type: String, example: '5' }) difference!: string;
}

@ApiSchema({
  name: 'EvaluationPrinted',
  description: '导入的历史自评表（docs/domain.md §4.1）：表上所印分数，与系统计算并列；differences 为核算差异',
})
export class EvaluationPrintedDto {
  @ApiProperty({ type: String, nullable: true, description: '预算执行率分值（所印）' }) budgetWeight!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '预算执行率得分（所印）' }) budgetScore!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '总分（所印）' }) total!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '自评等级（所印）' }) grade!: string | null;
  @ApiProperty({ type: [PrintedScoreDifferenceDto] }) differences!: PrintedScoreDifferenceDto[];
}

@ApiSchema({ name: 'EvaluationFunds' })
export class EvaluationFundsResponseDto implements EvaluationFunds {
  @ApiProperty({ ...MONEY, description: '年初预算数：批准表单的年度资金申请总额' }) initialBudget!: string | null;
  @ApiProperty({ ...MONEY, description: '全年预算数' }) annualBudget!: string | null;
  @ApiProperty({ ...MONEY, description: '全年执行数' }) executedAmount!: string | null;
}

@ApiSchema({ name: 'EvaluationBudgetScore', description: '预算执行率：rule 为算式，note 为说明' })
export class EvaluationBudgetScoreDto implements EvaluationBudgetScore {
  @ApiProperty({ type: String }) weight!: string;
  @ApiProperty({ type: String, nullable: true }) rate!: string | null;
  @ApiProperty({ type: String }) score!: string;
  @ApiProperty({ type: String }) rule!: string;
  @ApiProperty({ type: String }) note!: string;
}

@ApiSchema({ name: 'EvaluationScore' })
export class EvaluationScoreDto implements EvaluationScore {
  @ApiProperty({ type: EvaluationBudgetScoreDto }) budget!: EvaluationBudgetScoreDto;
  @ApiProperty({ type: String, description: '总分' }) total!: string;
  @ApiProperty({ type: String, description: '自评等级' }) grade!: string;
}

@ApiSchema({ name: 'EvaluationComment', description: '最新一条流程意见' })
export class EvaluationCommentDto implements EvaluationComment {
  @ApiProperty({ enum: EVALUATION_ACTIONS, enumName: 'EvaluationAction' }) action!: EvaluationAction;
  @ApiProperty({ type: String }) comment!: string;
  @ApiProperty({ type: String }) actorName!: string;
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
}

@ApiSchema({ name: 'Evaluation', description: '财政项目支出绩效自评表' })
export class EvaluationDto implements Evaluation {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid' }) formId!: string;
  @ApiProperty({ type: 'integer' }) formRevision!: number;
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ enum: EVALUATION_STATUSES, enumName: 'EvaluationStatus' }) status!: EvaluationStatus;
  @ApiProperty({ type: 'integer', description: '乐观锁：保存时带回；过期返回 409' }) rowVersion!: number;
  @ApiProperty({ type: String, format: 'uuid' }) projectId!: string;
  @ApiProperty({ type: String }) projectCode!: string;
  @ApiProperty({ type: String }) projectName!: string;
  @ApiProperty({ type: String }) organizationName!: string;
  @ApiProperty({ type: String, nullable: true }) printedDepartment!: string | null;
  @ApiProperty({ type: String, nullable: true }) printedImplementingUnit!: string | null;
  @ApiProperty({ type: EvaluationFundsResponseDto }) funds!: EvaluationFundsResponseDto;
  @ApiProperty({ type: String, nullable: true, description: '预期目标（来自表单）' }) expectedGoal!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '实际完成情况' }) actualGoal!: string | null;
  @ApiProperty({ type: [EvaluationIndicatorDto] }) indicators!: EvaluationIndicatorDto[];
  @ApiProperty({ type: EvaluationScoreDto }) score!: EvaluationScoreDto;
  @ApiProperty({ type: ScoringPolicyVersionDto, description: '评分所用的规则版本（定稿后不变）' })
  policy!: ScoringPolicyVersionDto;
  @ApiProperty({ type: [FieldIssueDto], description: '阻止提交的检查结果' }) issues!: FieldIssueDto[];
  @ApiProperty({
    type: EvaluationPrintedDto,
    nullable: true,
    description: '导入的历史自评表（未经系统审核流程）：所印分数与核算差异；系统内填写的为 null',
  })
  imported!: EvaluationPrintedDto | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) submittedBy!: string | null;
  @ApiProperty({ type: EvaluationCommentDto, nullable: true }) latestComment!: EvaluationCommentDto | null;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: String, nullable: true }) updatedBy!: string | null;
}

@ApiSchema({ name: 'EvaluationFieldChange' })
export class EvaluationFieldChangeDto implements EvaluationFieldChange {
  @ApiProperty({ type: String }) field!: string;
  @ApiProperty({ type: String }) label!: string;
  @ApiProperty({ type: String, nullable: true }) before!: string | null;
  @ApiProperty({ type: String, nullable: true }) after!: string | null;
}

@ApiSchema({ name: 'EvaluationHistoryEntry' })
export class EvaluationHistoryEntryDto implements EvaluationHistoryEntry {
  @ApiProperty({ type: String, pattern: '^[0-9]+$', description: '历史记录的递增编号' }) id!: string;
  @ApiProperty({ enum: ['transition', 'save', 'import'], description: 'import：导入的历史记录（未经系统审核流程）' })
  kind!: 'transition' | 'save' | 'import';
  @ApiProperty({ enum: EVALUATION_ACTIONS, enumName: 'EvaluationAction', nullable: true })
  action!: EvaluationAction | null;
  @ApiProperty({ enum: EVALUATION_STATUSES, enumName: 'EvaluationStatus', nullable: true })
  fromStatus!: EvaluationStatus | null;
  @ApiProperty({ enum: EVALUATION_STATUSES, enumName: 'EvaluationStatus', nullable: true })
  toStatus!: EvaluationStatus | null;
  @ApiProperty({ type: String }) actorName!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true }) actorRoles!: Role[];
  @ApiProperty({ type: String }) actorOrganizationName!: string;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({ type: [EvaluationFieldChangeDto], nullable: true, description: '保存与复核：改了什么' })
  changes!: EvaluationFieldChangeDto[] | null;
  @ApiProperty({ type: 'integer' }) rowVersion!: number;
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
}

@ApiSchema({ name: 'EvaluationSummary', description: '自评表列表的一行' })
export class EvaluationSummaryDto implements EvaluationSummary {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid' }) formId!: string;
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ enum: EVALUATION_STATUSES, enumName: 'EvaluationStatus' }) status!: EvaluationStatus;
  @ApiProperty({ type: 'integer' }) rowVersion!: number;
  @ApiProperty({ type: String }) projectCode!: string;
  @ApiProperty({ type: String }) projectName!: string;
  @ApiProperty({ type: String }) organizationName!: string;
  @ApiProperty({ type: String, nullable: true }) total!: string | null;
  @ApiProperty({ type: String, nullable: true }) grade!: string | null;
  @ApiProperty({ type: 'integer' }) policyVersion!: number;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt!: string;
}

@ApiSchema({ name: 'EvaluationListResponse' })
export class EvaluationListResponseDto implements EvaluationListResponse {
  @ApiProperty({ type: [EvaluationSummaryDto] }) items!: EvaluationSummaryDto[];
  @ApiProperty({ type: 'integer' }) total!: number;
}

@ApiSchema({ name: 'EvaluationInboxItem' })
export class EvaluationInboxItemDto implements EvaluationInboxItem {
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'to_evaluate 时为 null：自评表尚未生成（POST /api/forms/:formId/evaluation 生成）',
  })
  evaluationId!: string | null;
  @ApiProperty({ type: String, format: 'uuid' }) formId!: string;
  @ApiProperty({ type: String }) projectCode!: string;
  @ApiProperty({ type: String }) projectName!: string;
  @ApiProperty({ type: String }) organizationName!: string;
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ enum: EVALUATION_STATUSES, enumName: 'EvaluationStatus', nullable: true })
  status!: EvaluationStatus | null;
  @ApiProperty({ enum: EVALUATION_INBOX_REASONS, enumName: 'EvaluationInboxReason' }) reason!: EvaluationInboxReason;
  @ApiProperty({ type: String, format: 'date-time', description: '进入当前状态的时间' }) since!: string;
  @ApiProperty({ type: String, nullable: true }) lastComment!: string | null;
}

@ApiSchema({ name: 'EvaluationInboxCounts' })
export class EvaluationInboxCountsDto implements EvaluationInboxCounts {
  @ApiProperty({ type: 'integer' }) to_evaluate!: number;
  @ApiProperty({ type: 'integer' }) returned!: number;
  @ApiProperty({ type: 'integer' }) to_review!: number;
  @ApiProperty({ type: 'integer' }) to_finalise!: number;
}

@ApiSchema({ name: 'EvaluationInboxResponse', description: '待办中的绩效自评' })
export class EvaluationInboxResponseDto implements EvaluationInboxResponse {
  @ApiProperty({ type: [EvaluationInboxItemDto] }) items!: EvaluationInboxItemDto[];
  @ApiProperty({ type: EvaluationInboxCountsDto }) counts!: EvaluationInboxCountsDto;
  @ApiProperty({ type: 'integer' }) total!: number;
}
