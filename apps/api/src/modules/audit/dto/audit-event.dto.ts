import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { AUDIT_EVENT_TYPES, type AuditEvent, type AuditEventListResponse, type AuditEventType } from '@jxt/contracts';

/** GET /api/audit-events (and .csv): the filters; the list is newest first. */
export class AuditEventQueryDto {
  @ApiPropertyOptional({ type: String, format: 'uuid', description: '用户编号' })
  @IsOptional()
  @IsUUID('all', { message: '用户编号无效' })
  userId?: string;

  @ApiPropertyOptional({ type: String, maxLength: 100, description: '用户名或姓名（包含）' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  user?: string;

  @ApiPropertyOptional({ enum: AUDIT_EVENT_TYPES, enumName: 'AuditEventType', description: '事件类型' })
  @IsOptional()
  @IsIn(AUDIT_EVENT_TYPES, { message: '事件类型无效' })
  eventType?: AuditEventType;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: '起始时间（含）' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: '起始时间必须是 ISO 8601 日期时间' })
  from?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: '截止时间（不含）' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: '截止时间必须是 ISO 8601 日期时间' })
  to?: string;

  @ApiPropertyOptional({ enum: ['success', 'failure'], description: '结果：成功（状态码 < 400）或失败' })
  @IsOptional()
  @IsIn(['success', 'failure'], { message: '结果只能是 success 或 failure' })
  outcome?: 'success' | 'failure';

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100000, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  page?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

@ApiSchema({ name: 'AuditEvent', description: '一条审计日志' })
export class AuditEventDto implements AuditEvent {
  @ApiProperty({ type: String, example: '1024' }) id!: string;
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
  @ApiProperty({ enum: AUDIT_EVENT_TYPES, enumName: 'AuditEventType' }) eventType!: AuditEventType;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) userId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '用户名（登录失败时为所填写的用户名）' })
  username!: string | null;
  @ApiProperty({ type: String, nullable: true }) displayName!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) organizationId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '所属组织（当前名称）' }) organizationName!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'PATCH' }) method!: string | null;
  @ApiProperty({ type: String, nullable: true, example: '/api/users/:id' }) route!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'user' }) targetType!: string | null;
  @ApiProperty({ type: String, nullable: true }) targetId!: string | null;
  @ApiProperty({ type: 'integer', description: 'HTTP 状态码：< 400 为成功，否则被拒绝、未作任何修改' }) status!: number;
  @ApiProperty({ type: String, nullable: true, description: '请求编号（X-Request-Id）' }) requestId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '客户端地址' }) ip!: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent!: string | null;
  @ApiProperty({
    type: 'object',
    // Any JSON value under any key: what the request sent, as it sent it.
    additionalProperties: {},
    nullable: true,
    description: '请求内容（不含密码等机密）',
  })
  detail!: Record<string, unknown> | null;
}

@ApiSchema({ name: 'AuditEventListResponse' })
export class AuditEventListResponseDto implements AuditEventListResponse {
  @ApiProperty({ type: [AuditEventDto] }) items!: AuditEventDto[];
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'integer' }) page!: number;
  @ApiProperty({ type: 'integer' }) pageSize!: number;
}
