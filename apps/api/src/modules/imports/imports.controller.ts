import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Authenticated, Roles } from '../../common/auth/access.decorators';
import { idParam } from '../../common/http/id-param';
import { APP_CONFIG, DEFAULT_IMPORT_MAX_MB, type AppConfig } from '../../config/app-config';
import { ApiErrorResponses } from '../../openapi/api-error.dto';
import { ImportConfirmDto, ImportConfirmResultDto } from './dto/import-confirm.dto';
import { ImportLimitsDto } from './dto/import-limits.response';
import { ImportPreviewDto } from './dto/import-preview.response';
import { ImportsService } from './imports.service';
import { readUploadedFile } from './upload';

@ApiTags('imports 导入')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    summary: `导入预览：上传 .xlsx（multipart/form-data，字段 file，最大 IMPORT_MAX_MB，默认 ${DEFAULT_IMPORT_MAX_MB} MB，超过为 413；加密、非 .xlsx、解压后过大、部件或工作表过多为 400/413，均有说明），按标签读取每个工作表，按项目编码（本人范围内）或项目名称（本单位）匹配项目，列出将新建或更新的填报表和每个问题所在的行列。只保存预览（24 小时内可确认），不改动任何填报表`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: '.xlsx 工作簿' } },
    },
  })
  @ApiOkResponse({ type: ImportPreviewDto })
  @ApiErrorResponses(400, 401, 413)
  async upload(@Req() request: FastifyRequest): Promise<ImportPreviewDto> {
    return this.imports.upload(await readUploadedFile(request, this.config.importMaxBytes));
  }

  /** The size limit in force, for the upload pages to say before a file is chosen (the 413 says it after). */
  @Get('limits')
  @Authenticated()
  @ApiOperation({ summary: '上传限制：单个文件的最大字节数（IMPORT_MAX_MB），导入与批量导入共用' })
  @ApiOkResponse({ type: ImportLimitsDto })
  @ApiErrorResponses(401)
  limits(): ImportLimitsDto {
    return { maxBytes: this.config.importMaxBytes };
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: '读取一次导入的预览（仅上传者本人）' })
  @ApiOkResponse({ type: ImportPreviewDto })
  @ApiErrorResponses(401, 404)
  get(@Param('id', idParam()) id: string): Promise<ImportPreviewDto> {
    return this.imports.get(id);
  }

  @Post(':id/confirm')
  @HttpCode(200)
  @Roles('filer')
  @ApiOperation({
    summary:
      '确认导入（仅上传者本人，一次）：在一个事务中按预览新建项目和草稿填报表、或更新草稿；任何一表被拒绝则全部不写入。有错误的表须选择不导入；已提交或已锁定的表不会改动',
  })
  @ApiOkResponse({ type: ImportConfirmResultDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  confirm(@Param('id', idParam()) id: string, @Body() dto: ImportConfirmDto): Promise<ImportConfirmResultDto> {
    return this.imports.confirm(id, dto);
  }
}
