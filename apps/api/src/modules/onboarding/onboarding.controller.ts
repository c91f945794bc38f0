import { Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  type ApiBodyOptions,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Roles } from '../../common/auth/access.decorators';
import { DEFAULT_IMPORT_MAX_MB } from '../../config/app-config';
import { ApiErrorResponses } from '../../openapi/api-error.dto';
import { UploadedWorkbookService } from '../imports/uploaded-workbook.service';
import { OnboardingPreviewDto, OnboardingResultDto } from './dto/onboarding.response';
import { OnboardingService } from './onboarding.service';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FILE_BODY: ApiBodyOptions = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: { file: { type: 'string', format: 'binary', description: '填好的批量导入模板（.xlsx）' } },
  },
};

@ApiTags('onboarding 批量导入组织和用户')
@ApiBearerAuth()
@Controller('onboarding')
export class OnboardingController {
  constructor(
    private readonly onboarding: OnboardingService,
    private readonly workbooks: UploadedWorkbookService,
  ) {}

  @Get('template.xlsx')
  @Roles('admin')
  @ApiOperation({ summary: '下载批量导入模板（组织、用户、说明三个工作表，带下拉列表）' })
  @ApiOkResponse({
    description: '.xlsx 文件',
    content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrorResponses(401, 403)
  async template(@Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const file = Buffer.from(await (await this.onboarding.template()).xlsx.writeBuffer());
    void reply
      .header('content-type', XLSX_TYPE)
      .header(
        'content-disposition',
        `attachment; filename="onboarding-template.xlsx"; filename*=UTF-8''${encodeURIComponent('批量导入模板.xlsx')}`,
      );
    return file;
  }

  @Post('preview')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: `批量导入预览：上传填好的模板（multipart/form-data，字段 file，最大 IMPORT_MAX_MB，默认 ${DEFAULT_IMPORT_MAX_MB} MB），列出将新建或已存在的组织和用户、每个问题所在的工作表、行、列。不写入任何内容`,
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiOkResponse({ type: OnboardingPreviewDto })
  @ApiErrorResponses(400, 401, 403, 413)
  async preview(@Req() request: FastifyRequest): Promise<OnboardingPreviewDto> {
    return this.onboarding.preview(await this.workbooks.read(request));
  }

  @Post('confirm')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary:
      '确认批量导入：再次上传同一文件，在一个事务中新建组织（含单位类型、归口财政科室）和用户；有任何错误则全部不写入（400 列出每个问题）。应答中附每个新用户的初始密码，只显示这一次，用户首次登录须修改',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiOkResponse({ type: OnboardingResultDto })
  @ApiErrorResponses(400, 401, 403, 404, 409, 413)
  async confirm(@Req() request: FastifyRequest): Promise<OnboardingResultDto> {
    return this.onboarding.confirm(await this.workbooks.read(request));
  }
}
