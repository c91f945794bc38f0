import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsInt,
  IsOptional,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import {
  NOTIFICATION_KINDS,
  type MarkAllReadResponse,
  type Notification,
  type NotificationKind,
  type NotificationEmailSettings,
  type NotificationListResponse,
  type SetNotificationEmailRequest,
  type ReminderSettings,
  type SetReminderSettingsRequest,
} from '@jxt/contracts';

/** GET /api/notifications: the caller's own messages, newest first. */
export class NotificationQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100000, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '页码必须是整数' })
  @Min(1, { message: '页码至少为 1' })
  @Max(100000, { message: '页码过大' })
  page?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '每页条数必须是整数' })
  @Min(1, { message: '每页至少 1 条' })
  @Max(100, { message: '每页最多 100 条' })
  pageSize?: number;

  @ApiPropertyOptional({ type: Boolean, description: '只看未读' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: '只看未读只能是 true 或 false' })
  unread?: boolean;
}

@ApiSchema({ name: 'Notification', description: '一条消息提醒' })
export class NotificationDto implements Notification {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NOTIFICATION_KINDS, enumName: 'NotificationKind' }) kind!: NotificationKind;
  @ApiProperty({ type: String, example: '上海市松江区科技创新服务中心提交了“项目服务管理”2021年绩效目标表，请审核' })
  message!: string;
  @ApiProperty({ type: String, nullable: true, description: '操作人（截止提醒为空）' }) actorName!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) formId!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) evaluationId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '应用内链接', example: '/forms/…' }) link!: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt!: string | null;
}

@ApiSchema({ name: 'NotificationListResponse' })
export class NotificationListResponseDto implements NotificationListResponse {
  @ApiProperty({ type: [NotificationDto] }) items!: NotificationDto[];
  @ApiProperty({ type: 'integer', description: '条数（按筛选）' }) total!: number;
  @ApiProperty({ type: 'integer', description: '未读条数' }) unread!: number;
  @ApiProperty({ type: 'integer' }) page!: number;
  @ApiProperty({ type: 'integer' }) pageSize!: number;
}

@ApiSchema({ name: 'MarkAllReadResponse' })
export class MarkAllReadResponseDto implements MarkAllReadResponse {
  @ApiProperty({ type: 'integer', description: '标为已读的条数' }) updated!: number;
}

@ApiSchema({ name: 'ReminderSettings', description: '截止提醒：提交截止日期前几天提醒未提交的填报人' })
export class ReminderSettingsDto implements ReminderSettings {
  @ApiProperty({ type: [Number], example: [7, 3, 1, 0], description: '提前天数（0 为截止当天），从多到少' })
  daysBefore!: number[];
  @ApiProperty({ type: Boolean, description: '未设置时使用默认值' }) isDefault!: boolean;
}

@ApiSchema({ name: 'SetReminderSettingsRequest' })
export class SetReminderSettingsDto implements SetReminderSettingsRequest {
  @ApiProperty({
    type: 'array',
    items: { type: 'integer', minimum: 0, maximum: 60 },
    maxItems: 6,
    example: [7, 3, 1, 0],
    description: '提前天数（0–60，最多 6 个；空数组为不提醒）',
  })
  @IsArray({ message: '提前天数必须是数组' })
  @ArrayMaxSize(6, { message: '最多设置 6 个提醒日' })
  @IsInt({ each: true, message: '提前天数必须是整数' })
  @Min(0, { each: true, message: '提前天数不能小于 0' })
  @Max(60, { each: true, message: '提前天数不能大于 60' })
  daysBefore!: number[];
}

@ApiSchema({ name: 'NotificationEmailSettings', description: '邮件提醒：本人的邮箱；服务器未配置 SMTP 时不发送' })
export class NotificationEmailSettingsDto implements NotificationEmailSettings {
  @ApiProperty({ type: String, nullable: true, example: 'zhangwen@example.gov.cn' }) email!: string | null;
  @ApiProperty({ type: Boolean, description: '服务器是否发送邮件提醒（已配置 SMTP）' }) enabled!: boolean;
}

@ApiSchema({ name: 'SetNotificationEmailRequest' })
export class SetNotificationEmailDto implements SetNotificationEmailRequest {
  @ApiProperty({ type: String, nullable: true, maxLength: 254, description: '接收提醒的邮箱；null 为不接收' })
  @ValidateIf((_o, value) => value !== null)
  @IsEmail({}, { message: '邮箱格式不正确' })
  @MaxLength(254, { message: '邮箱过长' })
  email!: string | null;
}
