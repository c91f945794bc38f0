import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { YearsResponse } from '@jxt/contracts';
import { Authenticated } from '../../common/auth/access.decorators';
import { ApiErrorResponses } from '../../openapi/api-error.dto';
import { YearsResponseDto } from './dto/years.response';
import { YearsService } from './years.service';

@ApiTags('years 年度')
@ApiBearerAuth()
@Controller()
export class YearsController {
  constructor(private readonly years: YearsService) {}

  // Counts in the caller's scope (forms, 自评表) and the tenant's (taxonomy, 评分规则): nothing another unit could not see listed.
  @Get('years')
  @Authenticated()
  @ApiOperation({ summary: '有数据的年度（本人可见范围内的项目与自评表、本租户的指标体系与评分规则），新的在前' })
  @ApiOkResponse({ type: YearsResponseDto })
  @ApiErrorResponses(401)
  list(): Promise<YearsResponse> {
    return this.years.years();
  }
}
