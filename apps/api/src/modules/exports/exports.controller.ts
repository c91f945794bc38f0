import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authenticated } from '../../common/auth/access.decorators';
import { idParam } from '../../common/http/id-param';
import { ApiErrorResponses } from '../../openapi/api-error.dto';
import { EvaluationsService } from '../evaluations/evaluations.service';
import { FormsService } from '../forms/forms.service';
import { evaluationFileName, evaluationWorkbook } from './evaluation-workbook';
import { formFileName, formWorkbook } from './form-workbook';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `attachment` with an ASCII fallback name and the Chinese name in RFC 5987's filename*. */
export function attachment(fileName: string, fallback: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

@ApiTags('exports 导出')
@ApiBearerAuth()
@Controller()
export class ExportsController {
  constructor(
    private readonly forms: FormsService,
    private readonly evaluations: EvaluationsService,
  ) {}

  @Get('forms/:id/export.xlsx')
  @Authenticated()
  @ApiOperation({
    summary:
      '导出填报表（.xlsx，官方版式：合并单元格、边框、千分位金额、A4 纵向适应页宽、指标表头每页重复、页脚填报人）',
  })
  @ApiOkResponse({
    description: '.xlsx 文件',
    content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrorResponses(401, 404)
  async form(@Param('id', idParam()) id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    // Read through the forms service: the same scope rule as GET /api/forms/:id.
    const form = await this.forms.get(id);
    const file = Buffer.from(await formWorkbook(form).xlsx.writeBuffer());
    void reply
      .header('content-type', XLSX_TYPE)
      .header('content-disposition', attachment(formFileName(form), `form-${form.year}-${form.id}.xlsx`));
    return file;
  }

  @Get('evaluations/:id/export.xlsx')
  @Authenticated()
  @ApiOperation({ summary: '导出自评表（.xlsx，官方版式：分值、得分、总分与自评等级按表中所存）' })
  @ApiOkResponse({
    description: '.xlsx 文件',
    content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrorResponses(401, 404)
  async evaluation(
    @Param('id', idParam()) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    // Read through the evaluations service: the same scope rule as GET /api/evaluations/:id.
    const evaluation = await this.evaluations.get(id);
    const file = Buffer.from(await evaluationWorkbook(evaluation).xlsx.writeBuffer());
    void reply
      .header('content-type', XLSX_TYPE)
      .header(
        'content-disposition',
        attachment(evaluationFileName(evaluation), `evaluation-${evaluation.year}-${evaluation.id}.xlsx`),
      );
    return file;
  }
}
