import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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

const submits = (o: { action?: unknown }) => o.action === 'submit';
const FILER_NAME = { description: '填报人（提交时必填，打印在表尾）', example: '张文' };
const FILER_PHONE = { description: '联系电话（提交时必填）：手机号或带区号的固定电话', example: '021-57821234' };

/** POST /api/forms/:id/transitions — one step of the approval workflow. */
export class TransitionDto implements TransitionRequest {
  @ApiProperty({ enum: FORM_ACTIONS })
  @IsIn([...FORM_ACTIONS], { message: `操作必须是 ${FORM_ACTIONS.join('、')} 之一` })
  action!: FormAction;

  @ApiPropertyOptional({ description: '意见（退回、不予通过、调整时必填）' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  comment?: string | null;

  @ApiPropertyOptional({ enum: REVIEW_RESULTS, description: '审核结果（财政审核时必填）' })
  @IsOptional()
  @IsIn([...REVIEW_RESULTS], { message: '审核结果必须是 excellent、good、fair 或 poor' })
  reviewResult?: ReviewResult | null;

  @ApiPropertyOptional({ description: '意见针对的字段，如 funds.totalAmount' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_.]{1,300}$/, { message: '字段路径格式不正确' })
  field?: string | null;

  // Only a 提交 records who filed it; other steps ignore these.
  @ApiPropertyOptional(FILER_NAME) @ValidateIf(submits) @IsFilerName() filerName?: string | null;
  @ApiPropertyOptional(FILER_PHONE) @ValidateIf(submits) @IsPhone() filerPhone?: string | null;

  @ApiProperty({ description: '读取表单时得到的 rowVersion' })
  @IsInt({ message: 'rowVersion 必须是整数' })
  @Min(1)
  rowVersion!: number;
}

export class BatchFormDto {
  @ApiProperty() @IsUUID('all', { message: '表单编号无效' }) id!: string;
  @ApiProperty() @IsInt({ message: 'rowVersion 必须是整数' }) @Min(1) rowVersion!: number;
}

/** POST /api/forms/batch-transitions — the same step on several forms, each on its own. */
export class BatchTransitionDto implements BatchTransitionRequest {
  @ApiProperty({ enum: FORM_ACTIONS })
  @IsIn([...FORM_ACTIONS], { message: `操作必须是 ${FORM_ACTIONS.join('、')} 之一` })
  action!: FormAction;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) comment?: string | null;
  @ApiPropertyOptional({ enum: REVIEW_RESULTS })
  @IsOptional()
  @IsIn([...REVIEW_RESULTS], { message: '审核结果必须是 excellent、good、fair 或 poor' })
  reviewResult?: ReviewResult | null;

  @ApiPropertyOptional(FILER_NAME) @ValidateIf(submits) @IsFilerName() filerName?: string | null;
  @ApiPropertyOptional(FILER_PHONE) @ValidateIf(submits) @IsPhone() filerPhone?: string | null;

  @ApiProperty({ type: [BatchFormDto] })
  @IsArray()
  @ArrayMinSize(1, { message: '请至少选择一张表' })
  @ArrayMaxSize(500, { message: '一次最多 500 张表' })
  @ValidateNested({ each: true })
  @Type(() => BatchFormDto)
  forms!: BatchFormDto[];
}
