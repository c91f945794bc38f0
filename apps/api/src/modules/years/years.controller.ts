import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { OpenYearResponse, YearSummary, YearsResponse } from '@jxt/contracts';
import { Audited } from '../../common/audit/audited';
import { Authenticated, Roles } from '../../common/auth/access.decorators';
import { parseYear } from '../../common/http/year-param';
import { ApiErrorResponses } from '../../openapi/api-error.dto';
import { OpenYearResponseDto, YearSummaryDto, YearsResponseDto } from './dto/years.response';
import { YearsService } from './years.service';

@ApiTags('years 年度')
@ApiBearerAuth()
@Controller()
export class YearsController {
  constructor(private readonly years: YearsService) {}

  // Counts in the caller's scope (forms, 自评表) and the tenant's (taxonomy, 评分规则): nothing another unit could not see listed.
  @Get('years')
  @Authenticated()
  @ApiOperation({
    summary:
      '年度：开启过或有数据的年度（开启状态、本人可见范围内的项目与自评表、本租户的指标体系与评分规则），新的在前',
  })
  @ApiOkResponse({ type: YearsResponseDto })
  @ApiErrorResponses(401)
  list(): Promise<YearsResponse> {
    return this.years.years();
  }

  @Post('years/:year/open')
  @HttpCode(200)
  @Audited('year.open', { target: 'year' })
  @Roles('admin')
  @ApiOperation({
    summary:
      '开启新年度：复制上一年度的指标体系、功能分类科目和评分规则，按同月同日建议截止日期；已开启的年度再次开启不做任何改动',
  })
  @ApiParam({ name: 'year', type: 'integer', example: 2022 })
  @ApiOkResponse({ type: OpenYearResponseDto })
  @ApiErrorResponses(400, 401, 403, 409)
  open(@Param('year') year: string): Promise<OpenYearResponse> {
    return this.years.open(parseYear(year));
  }

  @Post('years/:year/close')
  @HttpCode(200)
  @Audited('year.close', { target: 'year' })
  @Roles('admin')
  @ApiOperation({ summary: '关闭年度：该年度的草稿不再列入待办，已填的表仍可查阅' })
  @ApiParam({ name: 'year', type: 'integer', example: 2021 })
  @ApiOkResponse({ type: YearSummaryDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  close(@Param('year') year: string): Promise<YearSummary> {
    return this.years.close(parseYear(year));
  }
}
