import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type {
  Evaluation,
  EvaluationHistoryEntry,
  EvaluationInboxResponse,
  EvaluationListResponse,
} from '@jxt/contracts';
import { Authenticated, Roles } from '../../common/auth/access.decorators';
import { idParam } from '../../common/http/id-param';
import { ApiErrorResponses } from '../../openapi/api-error.dto';
import { EvaluationTransitionDto } from './dto/evaluation-transition.dto';
import {
  EvaluationDto,
  EvaluationHistoryEntryDto,
  EvaluationInboxResponseDto,
  EvaluationListResponseDto,
} from './dto/evaluation.response';
import { ListEvaluationsQueryDto, SaveEvaluationDto } from './dto/save-evaluation.dto';
import { EvaluationInboxService } from './evaluation-inbox.service';
import { EvaluationWorkflowService } from './evaluation-workflow.service';
import { EvaluationsService } from './evaluations.service';
import { RetryOnConflict } from '../../common/tenancy/conflict-retry';

@ApiTags('evaluations 绩效自评')
@ApiBearerAuth()
@Controller()
export class EvaluationsController {
  constructor(
    private readonly evaluations: EvaluationsService,
    private readonly workflow: EvaluationWorkflowService,
    private readonly inbox: EvaluationInboxService,
  ) {}

  @Get('evaluation-inbox')
  @Authenticated()
  @ApiOperation({ summary: '待办中的绩效自评：单位待自评、被退回；复核人待复核、待定稿' })
  @ApiOkResponse({ type: EvaluationInboxResponseDto })
  @ApiErrorResponses(401)
  evaluationInbox(): Promise<EvaluationInboxResponse> {
    return this.inbox.inbox();
  }

  @Get('evaluations')
  @Authenticated()
  @ApiOperation({ summary: '自评表列表（本人可见范围内），含总分与等级' })
  @ApiOkResponse({ type: EvaluationListResponseDto })
  @ApiErrorResponses(400, 401)
  list(@Query() query: ListEvaluationsQueryDto): Promise<EvaluationListResponse> {
    return this.evaluations.list({
      year: query.year,
      status: query.status,
      page: query.page ?? 1,
      pageSize: query.pageSize ?? 50,
    });
  }

  @Post('forms/:id/evaluation')
  @HttpCode(200)
  @Roles('filer')
  @ApiOperation({ summary: '由财政已审核的绩效目标表生成自评表（已有则返回已有的）' })
  @ApiOkResponse({ type: EvaluationDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  create(@Param('id', idParam()) formId: string): Promise<Evaluation> {
    return this.evaluations.createFromForm(formId);
  }

  @Get('evaluations/:id')
  @Authenticated()
  @ApiOperation({ summary: '读取自评表：每个指标的得分及计算规则、预算执行率、总分与等级、所用评分规则版本' })
  @ApiOkResponse({ type: EvaluationDto })
  @ApiErrorResponses(401, 404)
  get(@Param('id', idParam()) id: string): Promise<Evaluation> {
    return this.evaluations.get(id);
  }

  @Put('evaluations/:id')
  @Roles('filer')
  @ApiOperation({ summary: '保存单位填写的自评内容（一个事务）；rowVersion 过期返回 409' })
  @ApiOkResponse({ type: EvaluationDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  @RetryOnConflict()
  save(@Param('id', idParam()) id: string, @Body() dto: SaveEvaluationDto): Promise<Evaluation> {
    return this.evaluations.save(id, dto);
  }

  // Who may take which step is the self-evaluation flow's own rule (libs/domain EVALUATION_TRANSITIONS).
  @Post('evaluations/:id/transitions')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: '自评流程：提交、撤回、退回、复核（可调整定性指标得分并说明理由）、定稿' })
  @ApiOkResponse({ type: EvaluationDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  @RetryOnConflict()
  transition(@Param('id', idParam()) id: string, @Body() dto: EvaluationTransitionDto): Promise<Evaluation> {
    return this.workflow.transition(id, dto);
  }

  @Get('evaluations/:id/history')
  @Authenticated()
  @ApiOperation({ summary: '自评表历史：每次流程操作与每次保存的修改' })
  @ApiOkResponse({ type: [EvaluationHistoryEntryDto] })
  @ApiErrorResponses(401, 404)
  history(@Param('id', idParam()) id: string): Promise<EvaluationHistoryEntry[]> {
    return this.workflow.history(id);
  }
}
