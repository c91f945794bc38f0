import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FinanceDivision, FinanceDivisionAssignment } from '@jxt/contracts';
import { Roles } from '../../common/auth/access.decorators';
import { idParam } from '../../common/http/id-param';
import { ApiErrorResponses } from '../../openapi/api-error.dto';
import { AssignDepartmentsDto, FinanceDivisionAssignmentDto, FinanceDivisionDto } from './dto/finance-division.dto';
import { FinanceDivisionsService } from './finance-divisions.service';
import { Audited } from '../../common/audit/audited';

@ApiTags('organizations 组织')
@ApiBearerAuth()
@Controller('finance-divisions')
export class FinanceDivisionsController {
  constructor(private readonly divisions: FinanceDivisionsService) {}

  @Get()
  @Roles('admin', 'finance')
  @ApiOperation({ summary: '财政科室及其负责审核的主管部门' })
  @ApiOkResponse({ type: [FinanceDivisionDto] })
  @ApiErrorResponses(401, 403)
  list(): Promise<FinanceDivision[]> {
    return this.divisions.list();
  }

  @Put(':id')
  @Audited('finance_division.update', { target: 'finance_division', detail: true })
  @Roles('admin')
  @ApiOperation({ summary: '设置财政科室负责审核的主管部门（整张列表）' })
  @ApiOkResponse({ type: FinanceDivisionAssignmentDto })
  @ApiErrorResponses(400, 401, 403, 404)
  assign(@Param('id', idParam()) id: string, @Body() dto: AssignDepartmentsDto): Promise<FinanceDivisionAssignment> {
    return this.divisions.assign(id, dto.departmentIds);
  }
}
