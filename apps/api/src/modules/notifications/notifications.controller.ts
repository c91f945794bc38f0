import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { NotificationEmailSettings, NotificationListResponse } from '@jxt/contracts';
import { Authenticated } from '../../common/auth/access.decorators';
import { idParam } from '../../common/http/id-param';
import { ApiErrorResponses } from '../../openapi/api-error.dto';
import {
  MarkAllReadResponseDto,
  NotificationEmailSettingsDto,
  NotificationListResponseDto,
  NotificationQueryDto,
  SetNotificationEmailDto,
} from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications 消息提醒')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  @Authenticated()
  @ApiOperation({ summary: '本人的消息提醒（分页，最新在前）与未读条数' })
  @ApiOkResponse({ type: NotificationListResponseDto })
  @ApiErrorResponses(400, 401)
  list(@Query() query: NotificationQueryDto): Promise<NotificationListResponse> {
    return this.notifications.list(query);
  }

  @Post('notifications/:id/read')
  @Authenticated()
  @HttpCode(204)
  @ApiOperation({ summary: '将本人的一条消息标为已读' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: '已标为已读' })
  @ApiErrorResponses(401, 404)
  markRead(@Param('id', idParam()) id: string): Promise<void> {
    return this.notifications.markRead(id);
  }

  @Post('notifications/read-all')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({ summary: '将本人的全部消息标为已读' })
  @ApiOkResponse({ type: MarkAllReadResponseDto })
  @ApiErrorResponses(401)
  markAllRead(): Promise<MarkAllReadResponseDto> {
    return this.notifications.markAllRead();
  }

  @Get('notifications/email')
  @Authenticated()
  @ApiOperation({ summary: '本人的邮件提醒设置' })
  @ApiOkResponse({ type: NotificationEmailSettingsDto })
  @ApiErrorResponses(401)
  email(): Promise<NotificationEmailSettings> {
    return this.notifications.emailSettings();
  }

  @Put('notifications/email')
  @Authenticated()
  @ApiOperation({ summary: '设置本人接收提醒的邮箱（null 为不接收）' })
  @ApiOkResponse({ type: NotificationEmailSettingsDto })
  @ApiErrorResponses(400, 401)
  setEmail(@Body() dto: SetNotificationEmailDto): Promise<NotificationEmailSettings> {
    return this.notifications.setEmail(dto.email?.trim() ?? null);
  }
}
