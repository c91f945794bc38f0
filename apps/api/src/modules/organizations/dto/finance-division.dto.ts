import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsArray, IsUUID } from 'class-validator';
import type { FinanceDivision, FinanceDivisionAssignment } from '@jxt/contracts';

@ApiSchema({ name: 'FinanceDivisionAssignment', description: '财政科室负责审核的主管部门' })
export class FinanceDivisionAssignmentDto implements FinanceDivisionAssignment {
  @ApiProperty({ type: String, format: 'uuid' }) divisionId!: string;
  @ApiProperty({ type: [String], format: 'uuid' }) departmentIds!: string[];
}

@ApiSchema({ name: 'FinanceDivision' })
export class FinanceDivisionDto extends FinanceDivisionAssignmentDto implements FinanceDivision {
  @ApiProperty({ type: String }) name!: string;
}

/** PUT /api/finance-divisions/:id — the 主管部门 this 财政科室 reviews (the whole list). */
@ApiSchema({ name: 'AssignDepartmentsRequest' })
export class AssignDepartmentsDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @IsUUID('all', { each: true, message: '主管部门编号无效' })
  departmentIds!: string[];
}
