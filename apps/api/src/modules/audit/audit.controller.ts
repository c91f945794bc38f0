import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../../common/auth/access.decorators';
import { ApiErrorResponses } from '../../openapi/api-error.dto';
import { AuditService } from './audit.service';
import { AuditEventListResponseDto, AuditEventQueryDto } from './dto/audit-event.dto';

@ApiTags('audit 日志')
@ApiBearerAuth()
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('audit-events')
  @Roles('admin', 'auditor')
  @ApiOperation({ summary: '审计日志：本人可见范围内用户的登录与管理操作（分页，最新在前）' })
  @ApiOkResponse({ type: AuditEventListResponseDto })
  @ApiErrorResponses(400, 401, 403)
  list(@Query() query: AuditEventQueryDto): Promise<AuditEventListResponseDto> {
    return this.audit.list(query);
  }

  @Get('audit-events.csv')
  @Roles('admin', 'auditor')
  @ApiOperation({ summary: '导出审计日志（CSV，UTF-8 带 BOM，最多 50,000 条，最新在前）' })
  @ApiOkResponse({ description: 'CSV 文件', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiErrorResponses(400, 401, 403)
  async csv(@Query() query: AuditEventQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const body = await this.audit.csv(query);
    const day = new Date().toISOString().slice(0, 10);
    void reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header(
        'content-disposition',
        `attachment; filename="audit-${day}.csv"; filename*=UTF-8''${encodeURIComponent(`审计日志-${day}.csv`)}`,
      );
    return body;
  }
}
