import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { GoalForm, PreviousYear } from '@jxt/contracts';
import { Authenticated, Roles } from '../../common/auth/access.decorators';
import { idParam } from '../../common/http/id-param';
import { ApiErrorResponses } from '../../openapi/api-error.dto';
import { CreateFormDto } from './dto/create-form.dto';
import { GoalFormDto } from './dto/goal-form.response';
import { PreviousYearDto } from './dto/previous-year.response';
import { SaveFormDto } from './dto/save-form.dto';
import { FormsService } from './forms.service';
import { RetryOnConflict } from '../../common/tenancy/conflict-retry';

@ApiTags('forms 绩效目标表')
@ApiBearerAuth()
@Controller()
export class FormsController {
  constructor(private readonly forms: FormsService) {}

  @Get('forms/:id')
  @Authenticated()
  @ApiOperation({ summary: '读取整张绩效目标填报表（含 rowVersion、每个指标的原文与解析结果）' })
  @ApiOkResponse({ type: GoalFormDto })
  @ApiErrorResponses(401, 404)
  get(@Param('id', idParam()) id: string): Promise<GoalForm> {
    return this.forms.get(id);
  }

  @Get('forms/:id/previous-year')
  @Authenticated()
  @ApiOperation({ summary: '上年对照：结转来源版本（上一年度已审核）的各指标目标值，及其自评表中的实际值' })
  @ApiOkResponse({ type: PreviousYearDto })
  @ApiErrorResponses(401, 404)
  previousYear(@Param('id', idParam()) id: string): Promise<PreviousYear> {
    return this.forms.previousYear(id);
  }

  @Put('forms/:id')
  @Roles('filer')
  @ApiOperation({ summary: '保存整张表（一个事务）；rowVersion 过期返回 409' })
  @ApiOkResponse({ type: GoalFormDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  @RetryOnConflict()
  save(@Param('id', idParam()) id: string, @Body() dto: SaveFormDto): Promise<GoalForm> {
    return this.forms.save(id, dto);
  }

  @Post('projects/:id/forms')
  @Roles('filer')
  @ApiOperation({ summary: '生成下一年度填报表：由上一年度已审核版本带入表头（延续）、目标与指标，金额留空' })
  @ApiCreatedResponse({ type: GoalFormDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  create(@Param('id', idParam()) projectId: string, @Body() dto: CreateFormDto): Promise<GoalForm> {
    return this.forms.createForYear(projectId, dto.year, dto.copyLatest ?? true);
  }

  @Delete('forms/:id')
  @HttpCode(204)
  @Roles('filer')
  @ApiOperation({ summary: '删除草稿表单（项目最后一张表单不能删）' })
  @ApiNoContentResponse({ description: '已删除' })
  @ApiErrorResponses(401, 403, 404, 409)
  remove(@Param('id', idParam()) id: string): Promise<void> {
    return this.forms.remove(id);
  }
}
