import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

/** PUT /api/deadlines/:year — a blank date removes that deadline. */
export class SetDeadlinesDto {
  @ApiPropertyOptional({ example: '2021-03-15', description: '单位提交截止日期' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '日期必须是 YYYY-MM-DD' })
  submit?: string | null;

  @ApiPropertyOptional({ example: '2021-03-31', description: '主管部门审核截止日期' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '日期必须是 YYYY-MM-DD' })
  supervisor_review?: string | null;

  @ApiPropertyOptional({ example: '2021-04-15', description: '财政审核截止日期' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '日期必须是 YYYY-MM-DD' })
  finance_review?: string | null;
}
