import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import { DEADLINE_KINDS, type Deadline, type DeadlineKind, type SetDeadlinesRequest } from '@jxt/contracts';

const DATE = { type: String, format: 'date', nullable: true } as const;

/** PUT /api/deadlines/:year — a blank date removes that deadline. */
@ApiSchema({ name: 'SetDeadlinesRequest' })
export class SetDeadlinesDto implements SetDeadlinesRequest {
  @ApiPropertyOptional({ ...DATE, example: '2021-03-15', description: '单位提交截止日期' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '日期必须是 YYYY-MM-DD' })
  submit?: string | null;

  @ApiPropertyOptional({ ...DATE, example: '2021-03-31', description: '主管部门审核截止日期' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '日期必须是 YYYY-MM-DD' })
  supervisor_review?: string | null;

  @ApiPropertyOptional({ ...DATE, example: '2021-04-15', description: '财政审核截止日期' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: '日期必须是 YYYY-MM-DD' })
  finance_review?: string | null;
}

@ApiSchema({ name: 'Deadline', description: '截止日期（每个租户、每个年度，由管理员设置）' })
export class DeadlineDto implements Deadline {
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ enum: DEADLINE_KINDS, enumName: 'DeadlineKind' }) kind!: DeadlineKind;
  @ApiProperty({ type: String, format: 'date' }) dueDate!: string;
}
