import { Global, Module } from '@nestjs/common';
import { EvaluationHistoryRepository } from './evaluations/evaluation-history.repository';
import { EvaluationRepository } from './evaluations/evaluation.repository';
import { ScoringPolicyRepository } from './evaluations/scoring-policy.repository';
import { LoginAttemptRepository } from './auth/login-attempt.repository';
import { SessionRepository } from './auth/session.repository';
import { CatalogRepository } from './catalog/catalog.repository';
import { FormRepository } from './forms/form.repository';
import { HealthRepository } from './health/health.repository';
import { OrganizationRepository } from './organizations/organization.repository';
import { ProjectRepository } from './projects/project.repository';
import { UserRepository } from './users/user.repository';
import { FormHistoryRepository } from './workflow/form-history.repository';
import { InboxRepository } from './workflow/inbox.repository';
import { YearRepository } from './years/year.repository';

// Every repository, once, for every module. Repositories hold no state and depend on nothing but the Db a
// caller passes, so sharing them does not tie modules together the way importing each other's modules would
// (forms ↔ projects ↔ workflow would be a cycle).
const REPOSITORIES = [
  FormRepository,
  ProjectRepository,
  FormHistoryRepository,
  InboxRepository,
  EvaluationRepository,
  EvaluationHistoryRepository,
  ScoringPolicyRepository,
  OrganizationRepository,
  UserRepository,
  SessionRepository,
  LoginAttemptRepository,
  CatalogRepository,
  YearRepository,
  HealthRepository,
];

@Global()
@Module({ providers: REPOSITORIES, exports: REPOSITORIES })
export class RepositoriesModule {}
