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
  EVALUATION_ACTIONS,
  QUALITATIVE_BAND_CODES,
  type EvaluationAction,
  type EvaluationTransitionRequest,
  type QualitativeBandCode,
  type ReviewerAdjustment,
} from '@jxt/contracts';
import { EachIsObject, INT4_MAX } from '../../../common/validation/nested';
import { BAND_MESSAGE, SHARE_MESSAGE, SHARE_PATTERN } from './save-evaluation.dto';

@ApiSchema({ name: 'ReviewerAdjustment', description: '复核对定性指标得分比例的调整，须说明理由' })
export class ReviewerAdjustmentDto implements ReviewerAdjustment {
  @ApiProperty({ type: String, format: 'uuid' }) @IsUUID('all', { message: '指标编号无效' }) indicatorId!: string;
  @ApiProperty({ type: String, nullable: true, example: '0.7', description: '复核后的得分比例（null 取消调整）' })
  @IsOptional()
  @IsString()
  @Matches(SHARE_PATTERN, { message: SHARE_MESSAGE })
  share!: string | null;
  @ApiPropertyOptional({
    enum: QUALITATIVE_BAND_CODES,
    enumName: 'QualitativeBandCode',
    nullable: true,
    description: '复核所选完成档次（省略时取包含该比例的第一个档次）',
  })
  @IsOptional()
  @IsIn([...QUALITATIVE_BAND_CODES], { message: BAND_MESSAGE })
  band?: QualitativeBandCode | null;
  @ApiProperty({ type: String, nullable: true, maxLength: 4000, description: '调整理由（调整时必填）' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  reason!: string | null;
}

/** POST /api/evaluations/:id/transitions — one step of the self-evaluation flow. */
@ApiSchema({ name: 'EvaluationTransitionRequest' })
export class EvaluationTransitionDto implements EvaluationTransitionRequest {
  @ApiProperty({ enum: EVALUATION_ACTIONS, enumName: 'EvaluationAction' })
  @IsIn([...EVALUATION_ACTIONS], { message: `操作必须是 ${EVALUATION_ACTIONS.join('、')} 之一` })
  action!: EvaluationAction;
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 4000, description: '意见（退回时必填）' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string | null;
  @ApiPropertyOptional({ type: [ReviewerAdjustmentDto], maxItems: 500, description: '复核时对定性指标得分的调整' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @EachIsObject()
  @ValidateNested({ each: true })
  @Type(() => ReviewerAdjustmentDto)
  adjustments?: ReviewerAdjustmentDto[];
  @ApiProperty({ type: 'integer', minimum: 1, maximum: INT4_MAX })
  @IsInt({ message: 'rowVersion 必须是整数' })
  @Min(1)
  @Max(INT4_MAX)
  rowVersion!: number;
}
