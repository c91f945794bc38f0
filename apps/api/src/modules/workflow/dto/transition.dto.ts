import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
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
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  FORM_ACTIONS,
  REVIEW_RESULTS,
  type BatchTransitionRequest,
  type FormAction,
  type ReviewResult,
  type TransitionRequest,
} from '@jxt/contracts';
import { IsFilerName, IsPhone } from '../../../common/validation/is-filer';
import { ReviewPointDto } from '../../../common/dto/review-point.dto';
import { EachIsObject, INT4_MAX } from '../../../common/validation/nested';

const submits = (o: { action?: unknown }) => o.action === 'submit';
const FILER_NAME = {
  type: String,
  nullable: true,
  description: '填报人（提交时必填，打印在表尾）',
  example: '张文',
} as const;
const FILER_PHONE = {
  type: String,
  nullable: true,
  description: '联系电话（提交时必填）：手机号或带区号的固定电话',
  example: '021-57821234',
} as const;
const COMMENT = { type: String, nullable: true, maxLength: 4000 } as const;

/** POST /api/forms/:id/transitions — one step of the approval workflow. */
@ApiSchema({ name: 'TransitionRequest' })
export class TransitionDto implements TransitionRequest {
  @ApiProperty({ enum: FORM_ACTIONS, enumName: 'FormAction' })
  @IsIn([...FORM_ACTIONS], { message: `操作必须是 ${FORM_ACTIONS.join('、')} 之一` })
  action!: FormAction;

  @ApiPropertyOptional({ ...COMMENT, description: '意见（退回、不予通过、调整时必填）' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string | null;

  @ApiPropertyOptional({
    enum: REVIEW_RESULTS,
    enumName: 'ReviewResult',
    nullable: true,
    description: '审核结果（财政审核时必填）',
  })
  @IsOptional()
  @IsIn([...REVIEW_RESULTS], { message: '审核结果必须是 excellent、good、fair 或 poor' })
  reviewResult?: ReviewResult | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '意见针对的字段，如 funds.totalAmount' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_.]{1,300}$/, { message: '字段路径格式不正确' })
  field?: string | null;

  @ApiPropertyOptional({ type: [ReviewPointDto], description: '退回时勾选的审核要点，各指向一个字段' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @EachIsObject()
  @ValidateNested({ each: true })
  @Type(() => ReviewPointDto)
  points?: ReviewPointDto[];

  // Only a 提交 records who filed it; other steps ignore these.
  @ApiPropertyOptional(FILER_NAME) @ValidateIf(submits) @IsFilerName() filerName?: string | null;
  @ApiPropertyOptional(FILER_PHONE) @ValidateIf(submits) @IsPhone() filerPhone?: string | null;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: INT4_MAX, description: '读取表单时得到的 rowVersion' })
  @IsInt({ message: 'rowVersion 必须是整数' })
  @Min(1)
  @Max(INT4_MAX)
  rowVersion!: number;
}

@ApiSchema({ name: 'BatchTransitionForm' })
export class BatchFormDto {
  @ApiProperty({ type: String, format: 'uuid' }) @IsUUID('all', { message: '表单编号无效' }) id!: string;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: INT4_MAX })
  @IsInt({ message: 'rowVersion 必须是整数' })
  @Min(1)
  @Max(INT4_MAX)
  rowVersion!: number;
}

/** POST /api/forms/batch-transitions — the same step on several forms, each on its own. */
@ApiSchema({ name: 'BatchTransitionRequest' })
export class BatchTransitionDto implements BatchTransitionRequest {
  @ApiProperty({ enum: FORM_ACTIONS, enumName: 'FormAction' })
  @IsIn([...FORM_ACTIONS], { message: `操作必须是 ${FORM_ACTIONS.join('、')} 之一` })
  action!: FormAction;
  @ApiPropertyOptional(COMMENT) @IsOptional() @IsString() @MaxLength(4000) comment?: string | null;
  @ApiPropertyOptional({ enum: REVIEW_RESULTS, enumName: 'ReviewResult', nullable: true })
  @IsOptional()
  @IsIn([...REVIEW_RESULTS], { message: '审核结果必须是 excellent、good、fair 或 poor' })
  reviewResult?: ReviewResult | null;

  @ApiPropertyOptional(FILER_NAME) @ValidateIf(submits) @IsFilerName() filerName?: string | null;
  @ApiPropertyOptional(FILER_PHONE) @ValidateIf(submits) @IsPhone() filerPhone?: string | null;

  @ApiProperty({ type: [BatchFormDto], minItems: 1, maxItems: 500 })
  @IsArray()
  @ArrayMinSize(1, { message: '请至少选择一张表' })
  @ArrayMaxSize(500, { message: '一次最多 500 张表' })
  @EachIsObject()
  @ValidateNested({ each: true })
  @Type(() => BatchFormDto)
  forms!: BatchFormDto[];
}
