import { Controller, Get, Inject, Logger, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import type { HealthReport } from '@jxt/contracts';
import { Public } from '../../common/auth/access.decorators';
import { APP_DATA_SOURCE } from '../../database/database.module';
import { HealthReportDto } from './dto/health.response';

@ApiTags('health')
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Health');

  constructor(@Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** The app and its database; 503 when the database does not answer. */
  @Get()
  @Public()
  @ApiOperation({ summary: '健康检查：应用与数据库' })
  @ApiOkResponse({ type: HealthReportDto })
  @ApiServiceUnavailableResponse({ type: HealthReportDto, description: '数据库无响应' })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    const started = process.hrtime.bigint();
    let database: HealthReport['database'];
    try {
      await this.dataSource.query('SELECT 1');
      database = { status: 'up', latencyMs: Number(process.hrtime.bigint() - started) / 1e6 };
    } catch (err) {
      // The reason goes to the log, not to an unauthenticated caller.
      this.logger.error(`database check failed: ${err instanceof Error ? err.message : String(err)}`);
      database = { status: 'down', latencyMs: null };
    }
    const ok = database.status === 'up';
    if (!ok) reply.status(503);
    return {
      status: ok ? 'ok' : 'error',
      app: { status: 'up', uptimeSeconds: Math.round(process.uptime()) },
      database,
    };
  }
}
