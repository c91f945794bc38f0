import { Body, Controller, Get, HttpCode, Param, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { createReadStream } from 'node:fs';
import type { ExportJob } from '@jxt/contracts';
import { Audited } from '../../common/audit/audited';
import { Authenticated, Roles } from '../../common/auth/access.decorators';
import { idParam } from '../../common/http/id-param';
import { ApiErrorResponses } from '../../openapi/api-error.dto';
import { BulkExportsService } from './bulk-exports.service';
import { ExportJobDto, StartExportDto } from './dto/export-job.dto';
import { attachment, XLSX_TYPE } from './exports.controller';

const ZIP_TYPE = 'application/zip';

@ApiTags('exports 导出')
@ApiBearerAuth()
@Controller('exports')
export class BulkExportsController {
  constructor(private readonly exports: BulkExportsService) {}

  @Post()
  // A whole scope's forms leave the system: who asked for which, when, is kept (refusals too).
  @Audited('export.create', { target: 'export_job', detail: true })
  @HttpCode(200)
  @Roles('supervisor', 'finance')
  @ApiOperation({
    summary:
      '批量导出（主管部门、财政）：本人范围内某年度的全部填报表或自评表，一个工作簿（汇总 + 每表一页）或 .zip；后台任务，返回任务及进度',
  })
  @ApiOkResponse({ type: ExportJobDto })
  @ApiErrorResponses(400, 401, 403)
  start(@Body() dto: StartExportDto): Promise<ExportJob> {
    return this.exports.start(dto);
  }

  @Get()
  @Authenticated()
  @ApiOperation({ summary: '本人最近的批量导出任务，新的在前' })
  @ApiOkResponse({ type: [ExportJobDto] })
  @ApiErrorResponses(401)
  latest(): Promise<ExportJob[]> {
    return this.exports.latest();
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: '批量导出任务的状态与进度（仅发起人可见）' })
  @ApiOkResponse({ type: ExportJobDto })
  @ApiErrorResponses(401, 404)
  get(@Param('id', idParam()) id: string): Promise<ExportJob> {
    return this.exports.get(id);
  }

  @Get(':id/file')
  @Authenticated()
  @ApiOperation({ summary: '下载批量导出的文件（仅发起人；完成前 409，过期后 410）' })
  @ApiOkResponse({
    description: '.xlsx 或 .zip 文件',
    content: {
      [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } },
      [ZIP_TYPE]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiErrorResponses(401, 404, 409, 410)
  async file(
    @Param('id', idParam()) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { path, fileName, format } = await this.exports.file(id);
    void reply
      .header('content-type', format === 'zip' ? ZIP_TYPE : XLSX_TYPE)
      .header('content-disposition', attachment(fileName, `export-${id}.${format}`));
    return new StreamableFile(createReadStream(path));
  }
}
