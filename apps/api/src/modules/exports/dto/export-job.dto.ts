import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import {
  EXPORT_FORMATS,
  EXPORT_JOB_STATUSES,
  EXPORT_KINDS,
  type ExportFormat,
  type ExportJob,
  type ExportJobStatus,
  type ExportKind,
  type StartExportRequest,
} from '@jxt/contracts';

@ApiSchema({ name: 'StartExportRequest', description: '批量导出：本人范围内某年度的全部填报表或自评表' })
export class StartExportDto implements StartExportRequest {
  @ApiProperty({
    enum: EXPORT_KINDS,
    enumName: 'ExportKind',
    description: 'goal 绩效目标填报表，evaluation 绩效自评表',
  })
  @IsIn([...EXPORT_KINDS], { message: '导出内容须为 goal（填报表）或 evaluation（自评表）' })
  kind!: ExportKind;

  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, example: 2021 })
  @IsInt({ message: '年度须为整数' })
  @Min(2000, { message: '年度须在 2000–2100 之间' })
  @Max(2100, { message: '年度须在 2000–2100 之间' })
  year!: number;

  @ApiProperty({
    enum: EXPORT_FORMATS,
    enumName: 'ExportFormat',
    description: 'xlsx 一个工作簿（汇总表 + 每表一页），zip 每表一个工作簿的压缩包',
  })
  @IsIn([...EXPORT_FORMATS], { message: '文件格式须为 xlsx 或 zip' })
  format!: ExportFormat;
}

@ApiSchema({ name: 'ExportJob', description: '批量导出任务：后台进行，完成后可下载，文件保留 EXPORT_TTL_HOURS 小时' })
export class ExportJobDto implements ExportJob {
  @ApiProperty({ type: String, format: 'uuid' }) id!: string;
  @ApiProperty({ enum: EXPORT_KINDS, enumName: 'ExportKind' }) kind!: ExportKind;
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ enum: EXPORT_FORMATS, enumName: 'ExportFormat' }) format!: ExportFormat;
  @ApiProperty({ enum: EXPORT_JOB_STATUSES, enumName: 'ExportJobStatus', description: 'expired：文件已过期删除' })
  status!: ExportJobStatus;
  @ApiProperty({ type: 'integer', description: '要导出的表数' }) total!: number;
  @ApiProperty({ type: 'integer', description: '已写入的表数' }) done!: number;
  @ApiProperty({ type: String, nullable: true, description: '下载的文件名' }) fileName!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '文件大小（字节），完成后才有' })
  fileSize!: number | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '文件删除的时间' })
  expiresAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
}
