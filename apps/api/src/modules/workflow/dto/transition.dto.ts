import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { FORM_ACTIONS, REVIEW_RESULTS, type FormAction, type ReviewResult } from '@jxt/contracts';

/** POST /api/forms/:id/transitions — one step of the approval workflow. */
export class TransitionDto {
  @ApiProperty({ enum: FORM_ACTIONS }) @IsIn([...FORM_ACTIONS], { message: `操作必须是 ${FORM_ACTIONS.join('、')} 之一` }) action!: FormAction;

  @ApiPropertyOptional({ description: '意见（退回、不予通过、调整时必填）' }) @IsOptional() @IsString() @MaxLength(4000) comment?: string | null;

  @ApiPropertyOptional({ enum: REVIEW_RESULTS, description: '审核结果（财政审核时必填）' })
  @IsOptional() @IsIn([...REVIEW_RESULTS], { message: '审核结果必须是 excellent、good、fair 或 poor' })
  reviewResult?: ReviewResult | null;

  @ApiProperty({ description: '读取表单时得到的 rowVersion' }) @IsInt({ message: 'rowVersion 必须是整数' }) @Min(1) rowVersion!: number;
}
