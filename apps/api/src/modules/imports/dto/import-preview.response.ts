import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { FORM_STATUSES, type Funds, type FormStatus, type IndicatorSetsInput } from '@jxt/contracts';
import { ProjectHeaderDto } from '../../../common/dto/project-header.dto';

// The forms module's request schemas, by name: a module's DTO files are its own (docs/architecture.md).
const FUNDS_SCHEMA = { $ref: '#/components/schemas/Funds' } as const;
const INDICATOR_SETS_SCHEMA = { $ref: '#/components/schemas/IndicatorSetsInput' } as const;

export const IMPORT_ACTIONS = ['create', 'update', 'locked', 'needs-unit'] as const;
export type ImportAction = (typeof IMPORT_ACTIONS)[number];

/** A problem at a cell of the workbook (row 1-based, column in Excel's letters). */
@ApiSchema({ name: 'ImportProblem' })
export class ImportProblemDto {
  @ApiProperty({ example: '绩效目标填报表' }) sheet!: string;
  @ApiProperty({ type: 'integer', example: 12 }) row!: number;
  @ApiProperty({ example: 'C' }) column!: string;
  @ApiProperty({ enum: ['error', 'warning'], description: 'error：该格内容未带入；warning：按原样带入，请核对' })
  severity!: 'error' | 'warning';
  @ApiProperty({ example: '项目资金总额“12.3456789”万元超过 6 位小数（不足 1 分），未带入，请核对' })
  message!: string;
}

/** The form a sheet would save: the save request's fields without rowVersion. */
@ApiSchema({ name: 'ImportedForm' })
export class ImportedFormDto {
  @ApiProperty({ type: ProjectHeaderDto }) project!: ProjectHeaderDto;
  @ApiProperty({ ...FUNDS_SCHEMA, description: '项目资金（元，两位小数的文本）' }) funds!: Funds;
  @ApiProperty({ type: String, nullable: true, description: '项目总目标' }) totalGoal!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '年度总目标' }) annualGoal!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '项目总目标起始年度' }) goalPeriodStart!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '项目总目标终止年度' }) goalPeriodEnd!: number | null;
  @ApiProperty({ ...INDICATOR_SETS_SCHEMA, description: '年度与长期绩效指标' }) indicators!: IndicatorSetsInput;
}

/** What the sheet printed beside an indicator's composed value: its own 指标性质 and 度量单位 cells. */
@ApiSchema({ name: 'ImportedIndicatorSource' })
export class ImportedIndicatorSourceDto {
  @ApiProperty({ enum: ['year', 'longTerm'] }) set!: 'year' | 'longTerm';
  @ApiProperty({ example: 'output' }) level1Code!: string;
  @ApiProperty({ example: 'quantity' }) level2Code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true, description: '指标性质（表上有此列时）', example: '≥' })
  nature!: string | null;
  @ApiProperty({ description: '指标值格（按表上所印）', example: '90' }) value!: string;
  @ApiProperty({ type: String, nullable: true, description: '度量单位（表上有此列时）', example: '%' })
  unit!: string | null;
  @ApiProperty({ type: 'integer' }) row!: number;
}

/** The project a sheet matched: by 项目编码 in the caller's scope, or by name in the caller's unit. */
@ApiSchema({ name: 'ImportMatch' })
export class ImportMatchDto {
  @ApiProperty({ enum: ['code', 'name'] }) by!: 'code' | 'name';
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty({ description: '项目编码' }) code!: string;
  @ApiProperty({ description: '所属单位' }) organizationName!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: '该年度最新一版；没有时为 null' })
  formId!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) revision!: number | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: '预览时该版的 rowVersion：确认导入时若表已被改动（或已提交），该表返回 409',
  })
  rowVersion!: number | null;
  @ApiProperty({ enum: FORM_STATUSES, enumName: 'FormStatus', nullable: true }) status!: FormStatus | null;
}

const EVALUATION_FUNDS_SCHEMA = { $ref: '#/components/schemas/EvaluationFunds' } as const;

/** A score as printed beside the system's (docs/domain.md §4.1): difference = computed − printed. */
@ApiSchema({ name: 'ImportedScoreComparison' })
export class ImportedScoreComparisonDto {
  @ApiProperty({ type: String, nullable: true, description: '表上所印' }) printed!: string | null;
  @ApiProperty({ type: String, description: '系统计算（定性指标为所印）' }) computed!: string;
  @ApiProperty({ type: String, nullable: true, description: '计算 − 所印；未印为 null' }) difference!: string | null;
}

@ApiSchema({ name: 'ImportedEvaluationRow' })
export class ImportedEvaluationRowDto extends ImportedScoreComparisonDto {
  @ApiProperty({ type: 'integer' }) row!: number;
  @ApiProperty() level1Code!: string;
  @ApiProperty() level2Code!: string;
  @ApiProperty({ description: '三级指标' }) name!: string;
  @ApiProperty({ description: '年度指标值' }) rawTarget!: string;
  @ApiProperty({ type: String, nullable: true, description: '实际完成值' }) actualValue!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '分值（所印）' }) weight!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '偏差原因' }) deviationReason!: string | null;
  @ApiProperty({ description: '定性指标：得分按所印保留' }) qualitative!: boolean;
}

@ApiSchema({ name: 'ImportedScoreDifference' })
export class ImportedScoreDifferenceDto {
  @ApiProperty({ type: 'integer', nullable: true, description: '行号；预算执行率与总分为 null' }) row!: number | null;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) printed!: string | null;
  @ApiProperty() computed!: string;
  @ApiProperty() difference!: string;
}

@ApiSchema({ name: 'ImportedBudgetScore' })
export class ImportedBudgetScoreDto extends ImportedScoreComparisonDto {
  @ApiProperty({ type: String, nullable: true, description: '预算执行率分值（所印）' }) weight!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '执行率（%）' }) rate!: string | null;
}

/** A past 自评表 as read (docs/domain.md §4.1): what will be stored, and the arithmetic check of its scores. */
@ApiSchema({ name: 'ImportedEvaluation' })
export class ImportedEvaluationDto {
  @ApiProperty({ ...EVALUATION_FUNDS_SCHEMA, description: '年初预算数、全年预算数、全年执行数（元）' })
  funds!: { initialBudget: string | null; annualBudget: string | null; executedAmount: string | null };
  @ApiProperty({ type: String, nullable: true, description: '实际完成情况' }) actualGoal!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '自评等级（所印）' }) printedGrade!: string | null;
  @ApiProperty({ type: ImportedBudgetScoreDto }) budget!: ImportedBudgetScoreDto;
  @ApiProperty({ type: ImportedScoreComparisonDto, description: '总分' }) total!: ImportedScoreComparisonDto;
  @ApiProperty({ type: [ImportedEvaluationRowDto] }) rows!: ImportedEvaluationRowDto[];
  @ApiProperty({ type: [ImportedScoreDifferenceDto], description: '所印得分与系统核算不一致的各项' })
  differences!: ImportedScoreDifferenceDto[];
}

/** One sheet of the workbook as it would be imported. */
@ApiSchema({ name: 'ImportPreviewSheet' })
export class ImportPreviewSheetDto {
  @ApiProperty({ description: '工作表名' }) sheet!: string;
  @ApiProperty({
    enum: ['goal', 'evaluation'],
    description: 'goal：绩效目标填报表；evaluation：往年自评表（导入为该年度已审核、已定稿的历史记录）',
  })
  kind!: 'goal' | 'evaluation';
  @ApiProperty({ type: String, nullable: true, description: '项目名称' }) name!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '项目编码（表上有时）' }) code!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) year!: number | null;
  @ApiProperty({ type: 'integer', description: '三级指标个数（两套合计）' }) indicatorCount!: number;
  @ApiProperty({ enum: ['元', '万元'], description: '表上所印金额单位；funds 一律为元' }) amountUnit!: '元' | '万元';
  @ApiProperty({ ...FUNDS_SCHEMA, description: '金额（元，两位小数的文本）' }) funds!: Funds;
  @ApiProperty({
    enum: IMPORT_ACTIONS,
    description:
      'create：为已有项目新建该年度填报表；update：更新该年度最新一版草稿（草稿或已退回）；locked：该年度最新一版已提交、审核中或已锁定，不会改动；needs-unit：未匹配到项目，确认时需指定所属单位（新建项目）',
  })
  action!: ImportAction;
  @ApiProperty({ type: ImportMatchDto, nullable: true }) match!: ImportMatchDto | null;
  @ApiProperty({
    type: ImportedFormDto,
    nullable: true,
    description: '将保存的表单内容（自评表：其绩效目标部分，导入为已审核的历史版本）',
  })
  form!: ImportedFormDto | null;
  @ApiProperty({ type: ImportedEvaluationDto, nullable: true, description: '自评表的内容与得分核算；填报表为 null' })
  evaluation!: ImportedEvaluationDto | null;
  @ApiProperty({ type: [ImportedIndicatorSourceDto] }) indicatorSources!: ImportedIndicatorSourceDto[];
  @ApiProperty({ type: [ImportProblemDto] }) problems!: ImportProblemDto[];
}

/** POST /api/imports: what the workbook would create or update, stored under `id` for its confirm; nothing else is written. */
@ApiSchema({ name: 'ImportPreview' })
export class ImportPreviewDto {
  @ApiProperty({
    format: 'uuid',
    description: '本次导入（预览）的编号：POST /api/imports/{id}/confirm 确认；24 小时内有效',
  })
  id!: string;
  @ApiProperty({ type: [ImportPreviewSheetDto] }) forms!: ImportPreviewSheetDto[];
  @ApiProperty({ type: [ImportProblemDto], description: '整个文件的问题' }) problems!: ImportProblemDto[];
}
