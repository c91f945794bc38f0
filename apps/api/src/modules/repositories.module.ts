import { Global, Module } from '@nestjs/common';
import { EvaluationHistoryRepository } from './evaluations/evaluation-history.repository';
import { EvaluationRepository } from './evaluations/evaluation.repository';
import { ScoringPolicyRepository } from './evaluations/scoring-policy.repository';
import { FormRepository } from './forms/form.repository';
import { ProjectRepository } from './projects/project.repository';
import { FormHistoryRepository } from './workflow/form-history.repository';
import { InboxRepository } from './workflow/inbox.repository';

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
];

@Global()
@Module({ providers: REPOSITORIES, exports: REPOSITORIES })
export class RepositoriesModule {}
