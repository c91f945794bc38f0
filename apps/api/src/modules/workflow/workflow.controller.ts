import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { BatchTransitionResponse, FormHistoryEntry, GoalForm } from '@jxt/contracts';
import { Authenticated } from '../../common/auth/access.decorators';
import { idParam } from '../../common/http/id-param';
import { ApiErrorResponses } from '../../openapi/api-error.dto';
import { GoalFormDto } from '../forms/dto/goal-form.response';
import { BatchTransitionDto, TransitionDto } from './dto/transition.dto';
import { BatchTransitionResponseDto, FormHistoryEntryDto } from './dto/workflow.response';
import { WorkflowService } from './workflow.service';
import { RetryOnConflict } from '../../common/tenancy/conflict-retry';

@ApiTags('workflow 审批')
@ApiBearerAuth()
@Controller('forms')
export class WorkflowController {
  constructor(private readonly workflow: WorkflowService) {}

  // Who may take which step is the workflow's own rule (libs/domain FORM_TRANSITIONS), checked per request.
  @Post(':id/transitions')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: '审批操作：提交、撤回、审核通过、退回、不予通过、调整（rowVersion 过期返回 409）' })
  @ApiOkResponse({ type: GoalFormDto, description: '操作后的表单；调整返回新版本' })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  @RetryOnConflict()
  transition(@Param('id', idParam()) id: string, @Body() dto: TransitionDto): Promise<GoalForm> {
    return this.workflow.transition(id, dto);
  }

  @Get(':id/history')
  @Authenticated()
  @ApiOperation({ summary: '表单历史：每次审批操作与每次保存的修改' })
  @ApiOkResponse({ type: [FormHistoryEntryDto] })
  @ApiErrorResponses(401, 404)
  history(@Param('id', idParam()) id: string): Promise<FormHistoryEntry[]> {
    return this.workflow.history(id);
  }

  @Post('batch-transitions')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: '批量审核、汇总报送：每张表单独校验与提交，逐张报告结果' })
  @ApiOkResponse({ type: BatchTransitionResponseDto })
  @ApiErrorResponses(400, 401, 403)
  @RetryOnConflict()
  batch(@Body() dto: BatchTransitionDto): Promise<BatchTransitionResponse> {
    return this.workflow.batch(dto);
  }
}
