import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsDefined,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
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
import { GOAL_PERIOD_YEARS } from '@jxt/domain';
import { IsGoalPeriodYear } from '../../../common/validation/is-goal-period-year';
import { IsMoney } from '../../../common/validation/is-money';
import { ProjectHeaderDto } from '../../projects/dto/project.dto';

/** 项目资金（元）: seven amounts as decimal strings. */
export class FundsDto implements Funds {
  @ApiPropertyOptional({ example: '8927300.00', description: '项目资金总额' }) @IsMoney() totalAmount!: string | null;
  @ApiPropertyOptional({ description: '其中：财政资金' }) @IsMoney() fiscalAmount!: string | null;
  @ApiPropertyOptional({ description: '其他资金（全周期）' }) @IsMoney() otherAmount!: string | null;
  @ApiPropertyOptional({ description: '年度资金申请总额' }) @IsMoney() annualAmount!: string | null;
  @ApiPropertyOptional({ description: '其中：当年财政拨款' }) @IsMoney() annualFiscalAmount!: string | null;
  @ApiPropertyOptional({ description: '上年结转资金' }) @IsMoney() carryOverAmount!: string | null;
  @ApiPropertyOptional({ description: '其他资金（本年度）' }) @IsMoney() annualOtherAmount!: string | null;
}

export class IndicatorDto implements IndicatorInput {
  @ApiPropertyOptional() @IsOptional() @IsUUID('all', { message: '指标编号无效' }) id?: string;

  @ApiProperty({ description: '三级指标' }) @IsString() @MaxLength(300) name!: string;

  @ApiProperty({ example: '>=90%', description: '年度指标值（按输入原样保存）' })
  @IsString()
  @MaxLength(300)
  rawValue!: string;

  @ApiPropertyOptional({ description: '分值' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,5}(\.\d{1,2})?$/, { message: '分值必须是不超过两位小数的非负数' })
  weight?: string | null;

  @ApiPropertyOptional({ description: '评分细则' }) @IsOptional() @IsString() @MaxLength(4000) scoringNotes?:
    string | null;
  @ApiPropertyOptional({ description: '指标解释' }) @IsOptional() @IsString() @MaxLength(4000) explanation?:
    string | null;
  @ApiPropertyOptional({ description: '备注' }) @IsOptional() @IsString() @MaxLength(4000) remark?: string | null;
}

export class Level2GroupDto implements Level2GroupInput {
  @ApiProperty({ example: 'quantity', description: '二级指标代码' })
  @IsString()
  @IsNotEmpty({ message: '请选择二级指标' })
  code!: string;

  @ApiProperty({ type: [IndicatorDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => IndicatorDto)
  indicators!: IndicatorDto[];
}

export class Level1GroupDto implements Level1GroupInput {
  @ApiProperty({ example: 'output', description: '一级指标代码' })
  @IsString()
  @IsNotEmpty({ message: '请选择一级指标' })
  code!: string;

  @ApiProperty({ type: [Level2GroupDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => Level2GroupDto)
  children!: Level2GroupDto[];
}

export class IndicatorSetsDto implements IndicatorSetsInput {
  @ApiProperty({ type: [Level1GroupDto], description: '年度绩效指标' })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => Level1GroupDto)
  year!: Level1GroupDto[];

  @ApiPropertyOptional({ type: [Level1GroupDto], description: '长期绩效指标（可选）' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => Level1GroupDto)
  longTerm!: Level1GroupDto[] | null;
}

/** PUT /api/forms/:id — the whole form at once. */
export class SaveFormDto implements SaveFormRequest {
  @ApiProperty({ description: '读取表单时得到的 rowVersion' })
  @IsInt({ message: 'rowVersion 必须是整数' })
  @Min(1)
  rowVersion!: number;

  @ApiProperty({ type: ProjectHeaderDto })
  @IsDefined({ message: '缺少项目表头' })
  @ValidateNested()
  @Type(() => ProjectHeaderDto)
  project!: ProjectHeaderDto;

  @ApiProperty({ type: FundsDto })
  @IsDefined({ message: '缺少项目资金' })
  @ValidateNested()
  @Type(() => FundsDto)
  funds!: FundsDto;

  @ApiPropertyOptional({ description: '项目总目标' }) @IsOptional() @IsString() @MaxLength(20000) totalGoal!:
    string | null;
  @ApiPropertyOptional({ description: '年度总目标' }) @IsOptional() @IsString() @MaxLength(20000) annualGoal!:
    string | null;

  @ApiPropertyOptional({
    example: 2021,
    minimum: GOAL_PERIOD_YEARS.min,
    maximum: GOAL_PERIOD_YEARS.max,
    description: '项目总目标起始年度',
  })
  @IsOptional()
  @IsGoalPeriodYear()
  goalPeriodStart!: number | null;
  @ApiPropertyOptional({
    example: 2021,
    minimum: GOAL_PERIOD_YEARS.min,
    maximum: GOAL_PERIOD_YEARS.max,
    description: '项目总目标终止年度（不早于起始年度）',
  })
  @IsOptional()
  @IsGoalPeriodYear()
  goalPeriodEnd!: number | null;

  @ApiProperty({ type: IndicatorSetsDto })
  @IsDefined({ message: '缺少绩效指标' })
  @ValidateNested()
  @Type(() => IndicatorSetsDto)
  indicators!: IndicatorSetsDto;
}
