import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  EVALUATION_STATUSES,
  QUALITATIVE_BAND_CODES,
  type EvaluationStatus,
  type QualitativeBandCode,
  type SaveEvaluationRequest,
} from '@jxt/contracts';
import { IsMoney } from '../../../common/validation/is-money';
import { EachIsObject, INT4_MAX, NestedObject } from '../../../common/validation/nested';

/** A share of 分值 in [0, 1] with up to four decimals (90 % is "0.9"). */
export const SHARE_PATTERN = /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/;
export const SHARE_MESSAGE = '得分比例必须是 0 到 1 之间、最多四位小数的数（如 0.9 表示 90%）';
export const BAND_MESSAGE = `完成档次必须是 ${QUALITATIVE_BAND_CODES.join('、')} 之一`;

@ApiSchema({ name: 'EvaluationFundsInput' })
export class EvaluationFundsDto {
  @ApiProperty({ type: String, nullable: true, example: '213500.00', description: '全年预算数（元）' })
  @IsMoney()
  annualBudget!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '198000.00', description: '全年执行数（元）' })
  @IsMoney()
  executedAmount!: string | null;
}

@ApiSchema({ name: 'EvaluationIndicatorInput' })
export class EvaluationIndicatorInputDto {
  @ApiProperty({ type: String, format: 'uuid' }) @IsUUID('all', { message: '指标编号无效' }) id!: string;
  @ApiProperty({ type: String, nullable: true, maxLength: 300, example: '99%', description: '实际完成值' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  actualValue!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '0.9', description: '定性指标自评得分比例' })
  @IsOptional()
  @IsString()
  @Matches(SHARE_PATTERN, { message: SHARE_MESSAGE })
  selfShare!: string | null;
  @ApiPropertyOptional({
    enum: QUALITATIVE_BAND_CODES,
    enumName: 'QualitativeBandCode',
    nullable: true,
    description: '定性指标所选完成档次（省略时取包含该比例的第一个档次）',
  })
  @IsOptional()
  @IsIn([...QUALITATIVE_BAND_CODES], { message: BAND_MESSAGE })
  selfBand?: QualitativeBandCode | null;
  @ApiProperty({ type: String, nullable: true, maxLength: 4000, description: '偏差原因分析及改进措施' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  deviationReason!: string | null;
}

/** PUT /api/evaluations/:id — the unit's whole 自评表. */
@ApiSchema({ name: 'SaveEvaluationRequest' })
export class SaveEvaluationDto implements SaveEvaluationRequest {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: INT4_MAX })
  @IsInt({ message: 'rowVersion 必须是整数' })
  @Min(1)
  @Max(INT4_MAX)
  rowVersion!: number;
  @ApiProperty({ type: EvaluationFundsDto })
  @NestedObject(() => EvaluationFundsDto, '缺少资金（全年预算数、全年执行数）')
  funds!: EvaluationFundsDto;
  @ApiProperty({ type: String, nullable: true, maxLength: 8000, description: '年度总体目标实际完成情况' })
  @IsOptional()
  @IsString()
  @MaxLength(8000)
  actualGoal!: string | null;
  @ApiProperty({ type: [EvaluationIndicatorInputDto], maxItems: 500 })
  @IsArray()
  @ArrayMaxSize(500)
  @EachIsObject()
  @ValidateNested({ each: true })
  @Type(() => EvaluationIndicatorInputDto)
  indicators!: EvaluationIndicatorInputDto[];
}

/** GET /api/evaluations */
export class ListEvaluationsQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 2000, maximum: 2100, example: 2021 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
  @ApiPropertyOptional({ enum: EVALUATION_STATUSES, enumName: 'EvaluationStatus' })
  @IsOptional()
  @IsIn([...EVALUATION_STATUSES], { message: `状态必须是 ${EVALUATION_STATUSES.join('、')} 之一` })
  status?: EvaluationStatus;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: INT4_MAX, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(INT4_MAX)
  page?: number;
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize?: number;
}
