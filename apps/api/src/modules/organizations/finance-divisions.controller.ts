import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { FinanceDivisionAssignment } from '@jxt/contracts';
import { Roles } from '../../common/auth/access.decorators';
import { idParam } from '../../common/http/id-param';
import { AssignDepartmentsDto } from './dto/finance-division.dto';
import { FinanceDivisionsService } from './finance-divisions.service';

@ApiTags('organizations 组织')
@ApiBearerAuth()
@Controller('finance-divisions')
export class FinanceDivisionsController {
  constructor(private readonly divisions: FinanceDivisionsService) {}

  @Get()
  @Roles('admin', 'finance')
  list() {
    return this.divisions.list();
  }

  @Put(':id')
  @Roles('admin')
  assign(@Param('id', idParam()) id: string, @Body() dto: AssignDepartmentsDto): Promise<FinanceDivisionAssignment> {
    return this.divisions.assign(id, dto.departmentIds);
  }
}
