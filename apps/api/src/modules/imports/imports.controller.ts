import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated } from '../../common/auth/access.decorators';
import { IMPORT_BODY_LIMIT, WORKBOOK_CONTENT_TYPES } from '../../common/http/request-input';
import { ApiErrorResponses } from '../../openapi/api-error.dto';
import { ImportPreviewDto } from './dto/import-preview.response';
import { ImportsService } from './imports.service';

@ApiTags('imports 导入')
@ApiBearerAuth()
@Controller('imports')
export class ImportsController {
  constructor(private readonly imports: ImportsService) {}

  @Post('preview')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    summary: `导入预览：读取 .xlsx 每个工作表（请求体即文件本身，最大 ${IMPORT_BODY_LIMIT / 1024 / 1024} MB），按标签找到表头、资金、目标与指标表，按项目编码（本人范围内）或项目名称（本单位）匹配项目，列出将新建或更新的填报表和每个问题所在的行列。不写入任何数据`,
  })
  @ApiConsumes(...WORKBOOK_CONTENT_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: ImportPreviewDto })
  @ApiErrorResponses(400, 401, 413)
  preview(@Body() file: unknown): Promise<ImportPreviewDto> {
    return this.imports.preview(file);
  }
}
