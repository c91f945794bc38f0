import { Column, Entity, Index, ManyToOne } from 'typeorm';
import type { EvaluationAction, EvaluationStatus } from '@jxt/contracts';
import { HistoryEventColumns } from '../../common/history/history-event.columns';
import { JoinSameTenant } from '../../common/tenancy/same-tenant';
import { SelfEvaluationEntity } from './self-evaluation.entity';

/** 自评表历史: every transition and every saved change of a 自评表, like form_event. Append-only in the database. */
@Entity({ name: 'evaluation_event' })
@Index('evaluation_event_evaluation_idx', ['evaluationId', 'id'])
export class EvaluationEventEntity extends HistoryEventColumns<EvaluationAction, EvaluationStatus> {
  @Column({ name: 'evaluation_id', type: 'uuid' })
  evaluationId!: string;

  // RESTRICT: a 自评表 with history is never deleted (the app role may not delete one at all).
  @ManyToOne(() => SelfEvaluationEntity, { onDelete: 'RESTRICT' })
  @JoinSameTenant('evaluation_id', 'evaluation_event_evaluation_fk')
  evaluation?: SelfEvaluationEntity;
}
