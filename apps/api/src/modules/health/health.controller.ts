import { Controller, Get, Inject, Logger, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import type { HealthReport } from '@jxt/contracts';
import { Public } from '../../common/auth/access.decorators';
import { Db } from '../../database/access/db';
import { APP_DATA_SOURCE } from '../../database/database.module';
import { HealthReportDto } from './dto/health.response';
import { HealthRepository } from './health.repository';

@ApiTags('health')
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Health');

  /** No request transaction: the check runs on a pooled connection of its own. */
  private readonly pool: Db;

  constructor(
    @Inject(APP_DATA_SOURCE) dataSource: DataSource,
    private readonly repository: HealthRepository,
  ) {
    this.pool = Db.pool(dataSource);
  }

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
      await this.repository.ping(this.pool);
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
