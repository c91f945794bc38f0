import { ApiProperty } from '@nestjs/swagger';
import { IsArray, IsUUID } from 'class-validator';

/** PUT /api/finance-divisions/:id — the 主管部门 this 财政科室 reviews (the whole list). */
export class AssignDepartmentsDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @IsUUID('all', { each: true, message: '主管部门编号无效' })
  departmentIds!: string[];
}
