import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ReminderSettings } from '@jxt/contracts';
import { Roles } from '../../common/auth/access.decorators';
import { ApiErrorResponses } from '../../openapi/api-error.dto';
import { DeadlineRemindersService } from './deadline-reminders.service';
import { ReminderSettingsDto, SetReminderSettingsDto } from './dto/notification.dto';

@ApiTags('notifications 消息提醒')
@ApiBearerAuth()
@Controller()
export class ReminderSettingsController {
  constructor(private readonly reminders: DeadlineRemindersService) {}

  @Get('reminder-settings')
  @Roles('admin')
  @ApiOperation({ summary: '截止提醒：提交截止日期前几天提醒（本租户）' })
  @ApiOkResponse({ type: ReminderSettingsDto })
  @ApiErrorResponses(401, 403)
  get(): Promise<ReminderSettings> {
    return this.reminders.settings();
  }

  @Put('reminder-settings')
  @Roles('admin')
  @ApiOperation({ summary: '设置截止提醒的提前天数' })
  @ApiOkResponse({ type: ReminderSettingsDto })
  @ApiErrorResponses(400, 401, 403)
  set(@Body() dto: SetReminderSettingsDto): Promise<ReminderSettings> {
    return this.reminders.setSettings(dto.daysBefore);
  }
}
