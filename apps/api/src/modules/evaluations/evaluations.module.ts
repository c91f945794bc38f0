import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { EvaluationHistoryRepository } from './evaluation-history.repository';
import { EvaluationInboxService } from './evaluation-inbox.service';
import { EvaluationWorkflowService } from './evaluation-workflow.service';
import { EvaluationsController } from './evaluations.controller';
import { EvaluationRepository } from './evaluation.repository';
import { EvaluationsService } from './evaluations.service';
import { ScoringJobsService } from './scoring-jobs.service';
import { ScoringPoliciesController } from './scoring-policies.controller';
import { ScoringPoliciesService } from './scoring-policies.service';
import { ScoringPolicyRepository } from './scoring-policy.repository';

/** 绩效自评: self-evaluations, their flow, the versioned scoring policy and background re-scoring. */
@Module({
  imports: [NotificationsModule],
  controllers: [EvaluationsController, ScoringPoliciesController],
  providers: [
    EvaluationsService,
    EvaluationInboxService,
    EvaluationWorkflowService,
    ScoringPoliciesService,
    ScoringJobsService,
    EvaluationRepository,
    EvaluationHistoryRepository,
    ScoringPolicyRepository,
  ],
  exports: [ScoringJobsService, EvaluationsService],
})
export class EvaluationsModule {}
