import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { HealthApp, HealthDatabase, HealthReport } from '@jxt/contracts';

@ApiSchema({ name: 'HealthApp' })
export class HealthAppDto implements HealthApp {
  @ApiProperty({ enum: ['up'] }) status!: 'up';
  @ApiProperty({ type: 'integer' }) uptimeSeconds!: number;
}

@ApiSchema({ name: 'HealthDatabase' })
export class HealthDatabaseDto implements HealthDatabase {
  @ApiProperty({ enum: ['up', 'down'] }) status!: 'up' | 'down';
  @ApiProperty({ type: Number, nullable: true, description: '数据库一次往返的毫秒数；不通时为 null' })
  latencyMs!: number | null;
}

@ApiSchema({ name: 'HealthReport', description: '应用及其数据库的状态' })
export class HealthReportDto implements HealthReport {
  @ApiProperty({ enum: ['ok', 'error'] }) status!: 'ok' | 'error';
  @ApiProperty({ type: HealthAppDto }) app!: HealthAppDto;
  @ApiProperty({ type: HealthDatabaseDto }) database!: HealthDatabaseDto;
}
