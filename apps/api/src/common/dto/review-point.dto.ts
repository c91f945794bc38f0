import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** A 审核要点 the reviewer ticked, attached to a 退回 (issue 14): what is wrong and the field it concerns. */
@ApiSchema({ name: 'ReviewPoint' })
export class ReviewPointDto {
  @ApiProperty({ enum: ['完整性', '相关性', '适当性', '可行性'], description: '审核要点' })
  @IsIn(['完整性', '相关性', '适当性', '可行性'], { message: '审核要点必须是 完整性、相关性、适当性 或 可行性' })
  group!: '完整性' | '相关性' | '适当性' | '可行性';

  @ApiPropertyOptional({ type: String, nullable: true, description: '对应的检查代码；审核人自己的意见为 null' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z0-9_.]{1,80}$/, { message: '检查代码格式不正确' })
  code?: string | null;

  @ApiProperty({
    type: String,
    description: '意见针对的字段路径，如 indicators.year.0.children.0.indicators.1.rawValue',
  })
  @IsString()
  @Matches(/^[A-Za-z0-9_.]{1,300}$/, { message: '字段路径格式不正确' })
  field!: string;

  @ApiProperty({ type: String, maxLength: 500 })
  @IsString()
  @MaxLength(500)
  message!: string;
}
