import { LoginAttemptEntity } from '../modules/auth/entities/login-attempt.entity';
import { LoginAuditEntity } from '../modules/auth/entities/login-audit.entity';
import { SessionEntity } from '../modules/auth/entities/session.entity';
import { CodeListItemEntity } from '../modules/catalog/entities/code-list-item.entity';
import { TaxonomyNodeEntity } from '../modules/catalog/entities/taxonomy-node.entity';
import { EvaluationEventEntity } from '../modules/evaluations/entities/evaluation-event.entity';
import { EvaluationIndicatorEntity } from '../modules/evaluations/entities/evaluation-indicator.entity';
import { ScoringJobEntity } from '../modules/evaluations/entities/scoring-job.entity';
import { ScoringPolicyEntity } from '../modules/evaluations/entities/scoring-policy.entity';
import { SelfEvaluationEntity } from '../modules/evaluations/entities/self-evaluation.entity';
import { GoalFormEntity } from '../modules/forms/entities/goal-form.entity';
import { IndicatorEntity } from '../modules/forms/entities/indicator.entity';
import { FinanceDivisionAssignmentEntity } from '../modules/organizations/entities/finance-division-assignment.entity';
import { OrganizationEntity } from '../modules/organizations/entities/organization.entity';
import { ProjectEntity } from '../modules/projects/entities/project.entity';
import { TenantEntity } from '../modules/tenants/entities/tenant.entity';
import { UserEntity } from '../modules/users/entities/user.entity';
import { FormEventEntity } from '../modules/workflow/entities/form-event.entity';
import { WorkflowDeadlineEntity } from '../modules/workflow/entities/workflow-deadline.entity';

export const ENTITIES = [
  TenantEntity,
  OrganizationEntity,
  UserEntity,
  SessionEntity,
  LoginAttemptEntity,
  LoginAuditEntity,
  CodeListItemEntity,
  TaxonomyNodeEntity,
  ProjectEntity,
  GoalFormEntity,
  IndicatorEntity,
  FormEventEntity,
  FinanceDivisionAssignmentEntity,
  WorkflowDeadlineEntity,
  ScoringPolicyEntity,
  SelfEvaluationEntity,
  EvaluationIndicatorEntity,
  EvaluationEventEntity,
  ScoringJobEntity,
];
