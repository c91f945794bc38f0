import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Deadline, InboxResponse } from '@jxt/contracts';
import { parseYear } from '../../common/http/year-param';
import { Authenticated, Roles } from '../../common/auth/access.decorators';
import { SetDeadlinesDto } from './dto/deadlines.dto';
import { InboxService } from './inbox.service';

@ApiTags('workflow 审批')
@ApiBearerAuth()
@Controller()
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get('inbox')
  @Authenticated()
  get(): Promise<InboxResponse> {
    return this.inbox.inbox();
  }

  @Get('deadlines')
  @Authenticated()
  deadlines(@Query('year') year: string): Promise<Deadline[]> {
    return this.inbox.deadlines(parseYear(year));
  }

  @Put('deadlines/:year')
  @Roles('admin')
  setDeadlines(@Param('year') year: string, @Body() dto: SetDeadlinesDto): Promise<Deadline[]> {
    return this.inbox.setDeadlines(parseYear(year), dto);
  }
}
