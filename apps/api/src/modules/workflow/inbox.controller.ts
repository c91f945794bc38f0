import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Deadline, InboxResponse } from '@jxt/contracts';
import { parseYear } from '../../common/http/year-param';
import { Authenticated, Roles } from '../../common/auth/access.decorators';
import { ApiErrorResponses } from '../../openapi/api-error.dto';
import { DeadlineDto, SetDeadlinesDto } from './dto/deadlines.dto';
import { InboxResponseDto } from './dto/workflow.response';
import { InboxService } from './inbox.service';
import { Audited } from '../../common/audit/audited';

@ApiTags('workflow 审批')
@ApiBearerAuth()
@Controller()
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get('inbox')
  @Authenticated()
  @ApiOperation({ summary: '待办：等待本人处理的绩效目标表' })
  @ApiOkResponse({ type: InboxResponseDto })
  @ApiErrorResponses(401)
  get(): Promise<InboxResponse> {
    return this.inbox.inbox();
  }

  @Get('deadlines')
  @Authenticated()
  @ApiOperation({ summary: '本年度的截止日期' })
  @ApiQuery({ name: 'year', required: true, type: 'integer', example: 2021 })
  @ApiOkResponse({ type: [DeadlineDto] })
  @ApiErrorResponses(400, 401)
  deadlines(@Query('year') year: string): Promise<Deadline[]> {
    return this.inbox.deadlines(parseYear(year));
  }

  @Put('deadlines/:year')
  @Audited('deadline.update', { target: 'deadline', detail: true })
  @Roles('admin')
  @ApiOperation({ summary: '设置本年度的截止日期（空白则删除）' })
  @ApiParam({ name: 'year', type: 'integer', example: 2021 })
  @ApiOkResponse({ type: [DeadlineDto] })
  @ApiErrorResponses(400, 401, 403)
  setDeadlines(@Param('year') year: string, @Body() dto: SetDeadlinesDto): Promise<Deadline[]> {
    return this.inbox.setDeadlines(parseYear(year), dto);
  }
}
