import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  FORM_ACTIONS,
  FORM_STATUSES,
  INBOX_REASONS,
  REVIEW_RESULTS,
  ROLES,
  type BatchTransitionResponse,
  type BatchTransitionResult,
  type FormAction,
  type FormFieldChange,
  type FormHistoryEntry,
  type FormStatus,
  type InboxCounts,
  type InboxItem,
  type InboxReason,
  type InboxResponse,
  type ReviewResult,
  type Role,
} from '@jxt/contracts';
import { SubmissionFilerDto } from '../../forms/dto/goal-form.response';

@ApiSchema({ name: 'FormFieldChange', description: '保存时改动的一个字段（历史与版本比较）' })
export class FormFieldChangeDto implements FormFieldChange {
  @ApiProperty({ type: String, description: '字段路径' }) field!: string;
  @ApiProperty({ type: String, description: '字段名称' }) label!: string;
  @ApiProperty({ type: String, nullable: true }) before!: string | null;
  @ApiProperty({ type: String, nullable: true }) after!: string | null;
}

@ApiSchema({ name: 'FormHistoryEntry', description: '表单历史的一条：一次审批操作或一次保存（只追加）' })
export class FormHistoryEntryDto implements FormHistoryEntry {
  @ApiProperty({ type: String, pattern: '^[0-9]+$', description: '历史记录的递增编号' }) id!: string;
  @ApiProperty({ enum: ['transition', 'save', 'import'], description: 'import：导入的历史记录（未经系统审核流程）' })
  kind!: 'transition' | 'save' | 'import';
  @ApiProperty({ enum: FORM_ACTIONS, enumName: 'FormAction', nullable: true }) action!: FormAction | null;
  @ApiProperty({ enum: FORM_STATUSES, enumName: 'FormStatus', nullable: true }) fromStatus!: FormStatus | null;
  @ApiProperty({ enum: FORM_STATUSES, enumName: 'FormStatus', nullable: true }) toStatus!: FormStatus | null;
  @ApiProperty({ type: String }) actorName!: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true }) actorRoles!: Role[];
  @ApiProperty({ type: String }) actorOrganizationName!: string;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '意见针对的字段路径' }) field!: string | null;
  @ApiProperty({ enum: REVIEW_RESULTS, enumName: 'ReviewResult', nullable: true }) reviewResult!: ReviewResult | null;
  @ApiProperty({ type: [FormFieldChangeDto], nullable: true, description: '保存与调整：改了什么' })
  changes!: FormFieldChangeDto[] | null;
  @ApiProperty({ type: SubmissionFilerDto, nullable: true, description: '提交的填报人与联系电话；其他操作为 null' })
  filer!: SubmissionFilerDto | null;
  @ApiProperty({ type: 'integer' }) rowVersion!: number;
  @ApiProperty({ type: String, format: 'date-time' }) at!: string;
}

@ApiSchema({ name: 'BatchTransitionResult' })
export class BatchTransitionResultDto implements BatchTransitionResult {
  @ApiProperty({ type: String, format: 'uuid' }) formId!: string;
  @ApiProperty({ type: Boolean }) ok!: boolean;
  @ApiPropertyOptional({ enum: FORM_STATUSES, enumName: 'FormStatus', description: '成功时的新状态' })
  status?: FormStatus;
  @ApiPropertyOptional({ type: 'integer', description: '成功时的新 rowVersion' }) rowVersion?: number;
  @ApiPropertyOptional({ type: 'integer', description: '失败时的 HTTP 状态码' }) statusCode?: number;
  @ApiPropertyOptional({ type: String, description: '失败原因' }) message?: string;
}

@ApiSchema({ name: 'BatchTransitionResponse' })
export class BatchTransitionResponseDto implements BatchTransitionResponse {
  @ApiProperty({ type: [BatchTransitionResultDto] }) results!: BatchTransitionResultDto[];
  @ApiProperty({ type: 'integer' }) succeeded!: number;
  @ApiProperty({ type: 'integer' }) failed!: number;
}

@ApiSchema({ name: 'InboxItem' })
export class InboxItemDto implements InboxItem {
  @ApiProperty({ type: String, format: 'uuid' }) formId!: string;
  @ApiProperty({ type: 'integer' }) rowVersion!: number;
  @ApiProperty({ type: String }) projectCode!: string;
  @ApiProperty({ type: String }) projectName!: string;
  @ApiProperty({ type: String }) organizationName!: string;
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ type: 'integer' }) revision!: number;
  @ApiProperty({ enum: FORM_STATUSES, enumName: 'FormStatus' }) status!: FormStatus;
  @ApiProperty({ enum: INBOX_REASONS, enumName: 'InboxReason' }) reason!: InboxReason;
  @ApiProperty({ type: String, format: 'date-time', description: '进入当前状态的时间' }) since!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: '本步骤的截止日期（如已设置）' })
  dueDate!: string | null;
  @ApiProperty({ type: Boolean }) overdue!: boolean;
  @ApiProperty({ type: String, nullable: true, description: '最新意见（如退回原因）' }) lastComment!: string | null;
}

@ApiSchema({ name: 'InboxCounts', description: '各待办原因的数量' })
export class InboxCountsDto implements InboxCounts {
  @ApiProperty({ type: 'integer' }) to_review!: number;
  @ApiProperty({ type: 'integer' }) to_report!: number;
  @ApiProperty({ type: 'integer' }) returned!: number;
  @ApiProperty({ type: 'integer' }) draft_unsubmitted!: number;
}

@ApiSchema({ name: 'InboxResponse' })
export class InboxResponseDto implements InboxResponse {
  @ApiProperty({ type: [InboxItemDto] }) items!: InboxItemDto[];
  @ApiProperty({ type: InboxCountsDto }) counts!: InboxCountsDto;
  @ApiProperty({ type: 'integer' }) total!: number;
  @ApiProperty({ type: 'integer' }) overdue!: number;
}
