import { LoginAttemptEntity } from './login-attempt.entity';
import { LoginAuditEntity } from './login-audit.entity';
import { AuditEventEntity } from './audit-event.entity';
import { SessionEntity } from './session.entity';
import { CodeListItemEntity } from './code-list-item.entity';
import { TaxonomyNodeEntity } from './taxonomy-node.entity';
import { EvaluationEventEntity } from './evaluation-event.entity';
import { EvaluationIndicatorEntity } from './evaluation-indicator.entity';
import { ScoringJobEntity } from './scoring-job.entity';
import { ScoringPolicyEntity } from './scoring-policy.entity';
import { QualityPolicyEntity } from './quality-policy.entity';
import { SelfEvaluationEntity } from './self-evaluation.entity';
import { GoalFormEntity } from './goal-form.entity';
import { IndicatorEntity } from './indicator.entity';
import { FinanceDivisionAssignmentEntity } from './finance-division-assignment.entity';
import { OrganizationEntity } from './organization.entity';
import { ProjectEntity } from './project.entity';
import { TenantEntity } from './tenant.entity';
import { UserEntity } from './user.entity';
import { FormEventEntity } from './form-event.entity';
import { WorkflowDeadlineEntity } from './workflow-deadline.entity';
import { SecuritySettingEntity } from './security-setting.entity';
import { NotificationEntity } from './notification.entity';
import { ReminderSettingEntity } from './reminder-setting.entity';
import { FiscalYearEntity } from './fiscal-year.entity';
import { ImportBatchEntity } from './import-batch.entity';
import { ExportJobEntity } from './export-job.entity';
import { IndicatorLibraryEntryEntity } from './indicator-library-entry.entity';

export const ENTITIES = [
  TenantEntity,
  OrganizationEntity,
  UserEntity,
  SessionEntity,
  LoginAttemptEntity,
  LoginAuditEntity,
  AuditEventEntity,
  CodeListItemEntity,
  TaxonomyNodeEntity,
  ProjectEntity,
  GoalFormEntity,
  IndicatorEntity,
  FormEventEntity,
  FinanceDivisionAssignmentEntity,
  WorkflowDeadlineEntity,
  ScoringPolicyEntity,
  QualityPolicyEntity,
  SelfEvaluationEntity,
  EvaluationIndicatorEntity,
  EvaluationEventEntity,
  ScoringJobEntity,
  SecuritySettingEntity,
  NotificationEntity,
  ReminderSettingEntity,
  FiscalYearEntity,
  ImportBatchEntity,
  ExportJobEntity,
  IndicatorLibraryEntryEntity,
];
