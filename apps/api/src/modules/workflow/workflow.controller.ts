import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { GoalForm } from '@jxt/contracts';
import { Authenticated } from '../../common/auth/access.decorators';
import { idParam } from '../../common/http/id-param';
import { TransitionDto } from './dto/transition.dto';
import { WorkflowService, type FormHistoryEntry } from './workflow.service';

@ApiTags('workflow 审批')
@ApiBearerAuth()
@Controller('forms/:id')
export class WorkflowController {
  constructor(private readonly workflow: WorkflowService) {}

  // Who may take which step is the workflow's own rule (libs/domain FORM_TRANSITIONS), checked per request.
  @Post('transitions')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: '审批操作：提交、撤回、审核通过、退回、不予通过、调整（rowVersion 过期返回 409）' })
  transition(@Param('id', idParam()) id: string, @Body() dto: TransitionDto): Promise<GoalForm> {
    return this.workflow.transition(id, dto);
  }

  @Get('history')
  @Authenticated()
  @ApiOperation({ summary: '表单历史：每次审批操作与每次保存的修改' })
  history(@Param('id', idParam()) id: string): Promise<FormHistoryEntry[]> {
    return this.workflow.history(id);
  }
}
