import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type {
  Funds,
  IndicatorInput,
  IndicatorSetsInput,
  Level1GroupInput,
  Level2GroupInput,
  SaveFormRequest,
} from '@jxt/contracts';
import { GOAL_PERIOD_YEARS, MAX_INDICATORS_PER_FORM } from '@jxt/domain';
import { IsGoalPeriodYear } from '../../../common/validation/is-goal-period-year';
import { IsMoney } from '../../../common/validation/is-money';
import { ProjectHeaderDto } from '../../../common/dto/project-header.dto';
import { EachIsObject, INT4_MAX, NestedObject } from '../../../common/validation/nested';

const money = (description: string) =>
  ({
    type: String,
    nullable: true,
    example: '8927300.00',
    description: `${description}（元，两位小数的文本）`,
  }) as const;

/** 项目资金（元）: seven amounts as decimal strings, each null when blank (sent with a save, answered with the form). */
@ApiSchema({ name: 'Funds' })
export class FundsDto implements Funds {
  @ApiProperty(money('项目资金总额')) @IsMoney() totalAmount!: string | null;
  @ApiProperty(money('其中：财政资金')) @IsMoney() fiscalAmount!: string | null;
  @ApiProperty(money('其他资金（全周期）')) @IsMoney() otherAmount!: string | null;
  @ApiProperty(money('年度资金申请总额')) @IsMoney() annualAmount!: string | null;
  @ApiProperty(money('其中：当年财政拨款')) @IsMoney() annualFiscalAmount!: string | null;
  @ApiProperty(money('上年结转资金')) @IsMoney() carryOverAmount!: string | null;
  @ApiProperty(money('其他资金（本年度）')) @IsMoney() annualOtherAmount!: string | null;
}

@ApiSchema({ name: 'IndicatorInput' })
export class IndicatorInputDto implements IndicatorInput {
  @ApiPropertyOptional({ type: String, format: 'uuid', description: '已有指标的编号；新指标省略' })
  @IsOptional()
  @IsUUID('all', { message: '指标编号无效' })
  id?: string;

  @ApiProperty({ type: String, maxLength: 300, description: '三级指标' }) @IsString() @MaxLength(300) name!: string;

  @ApiProperty({ type: String, maxLength: 300, example: '>=90%', description: '年度指标值（按输入原样保存）' })
  @IsString()
  @MaxLength(300)
  rawValue!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '5', description: '分值' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,5}(\.\d{1,2})?$/, { message: '分值必须是不超过两位小数的非负数' })
  weight?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 4000, description: '评分细则' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  scoringNotes?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 4000, description: '指标解释' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  explanation?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 4000, description: '备注' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  remark?: string | null;

  // docs/domain.md §3.2: kept only to print the indicator back in the layout it came from; rawValue is what counts.
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 50,
    example: '≥',
    description:
      '指标性质（来源表单独一列所印，如 ≥、正向、定性；仅用于按原版式导出，年度指标值以 rawValue 为准）；省略即为空',
  })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  nature?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 50,
    example: '%',
    description: '度量单位（来源表单独一列所印；仅用于按原版式导出）；省略即为空',
  })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  measureUnit?: string | null;
  // issue 14: why a continuing project's target is weaker than last year's approved one (the check then passes).
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 1000,
    description: '指标值低于上年度已审核值的理由（延续项目）',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  weakerTargetReason?: string | null;
}

@ApiSchema({ name: 'Level2GroupInput' })
export class Level2GroupInputDto implements Level2GroupInput {
  @ApiProperty({ type: String, example: 'quantity', description: '二级指标代码' })
  @IsString()
  @IsNotEmpty({ message: '请选择二级指标' })
  @MaxLength(64)
  code!: string;

  @ApiProperty({ type: [IndicatorInputDto] })
  @IsArray()
  @EachIsObject()
  @ValidateNested({ each: true })
  @Type(() => IndicatorInputDto)
  indicators!: IndicatorInputDto[];
}

@ApiSchema({ name: 'Level1GroupInput' })
export class Level1GroupInputDto implements Level1GroupInput {
  @ApiProperty({ type: String, example: 'output', description: '一级指标代码' })
  @IsString()
  @IsNotEmpty({ message: '请选择一级指标' })
  @MaxLength(64)
  code!: string;

  @ApiProperty({ type: [Level2GroupInputDto] })
  @IsArray()
  @EachIsObject()
  @ValidateNested({ each: true })
  @Type(() => Level2GroupInputDto)
  children!: Level2GroupInputDto[];
}

@ApiSchema({ name: 'IndicatorSetsInput' })
export class IndicatorSetsInputDto implements IndicatorSetsInput {
  @ApiProperty({ type: [Level1GroupInputDto], description: '年度绩效指标' })
  @IsArray()
  @EachIsObject()
  @ValidateNested({ each: true })
  @Type(() => Level1GroupInputDto)
  year!: Level1GroupInputDto[];

  @ApiProperty({ type: [Level1GroupInputDto], nullable: true, description: '长期绩效指标（可选，null 表示没有）' })
  @IsOptional()
  @IsArray()
  @EachIsObject()
  @ValidateNested({ each: true })
  @Type(() => Level1GroupInputDto)
  longTerm!: Level1GroupInputDto[] | null;
}

/** PUT /api/forms/:id — the whole form at once. */
@ApiSchema({ name: 'SaveFormRequest' })
export class SaveFormDto implements SaveFormRequest {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: INT4_MAX, description: '读取表单时得到的 rowVersion' })
  @IsInt({ message: 'rowVersion 必须是整数' })
  @Min(1)
  @Max(INT4_MAX)
  rowVersion!: number;

  @ApiProperty({ type: ProjectHeaderDto })
  @NestedObject(() => ProjectHeaderDto, '缺少项目表头')
  project!: ProjectHeaderDto;

  @ApiProperty({ type: FundsDto })
  @NestedObject(() => FundsDto, '缺少项目资金')
  funds!: FundsDto;

  @ApiProperty({ type: String, nullable: true, maxLength: 20000, description: '项目总目标' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  totalGoal!: string | null;
  @ApiProperty({ type: String, nullable: true, maxLength: 20000, description: '年度总目标' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  annualGoal!: string | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 2021,
    minimum: GOAL_PERIOD_YEARS.min,
    maximum: GOAL_PERIOD_YEARS.max,
    description: '项目总目标起始年度',
  })
  @IsOptional()
  @IsGoalPeriodYear()
  goalPeriodStart!: number | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    example: 2021,
    minimum: GOAL_PERIOD_YEARS.min,
    maximum: GOAL_PERIOD_YEARS.max,
    description: '项目总目标终止年度（不早于起始年度）',
  })
  @IsOptional()
  @IsGoalPeriodYear()
  goalPeriodEnd!: number | null;

  @ApiProperty({
    type: IndicatorSetsInputDto,
    description: `每张表最多 ${MAX_INDICATORS_PER_FORM} 个三级指标（两套指标合计；超出时 400，fields 指向 indicators）`,
  })
  @NestedObject(() => IndicatorSetsInputDto, '缺少绩效指标')
  indicators!: IndicatorSetsInputDto;
}
