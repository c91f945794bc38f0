import { Column, Entity, Index } from 'typeorm';
import type { FormAction, FormStatus, ReviewResult } from '@jxt/contracts';
import { HistoryEventColumns } from '../../../common/history/history-event.columns';

/**
 * 表单历史: every transition (with finance's 审核结果 and the field a comment points at) and every saved change
 * of a 绩效目标填报表. Append-only: the database refuses UPDATE and DELETE.
 */
@Entity({ name: 'form_event' })
@Index('form_event_form_idx', ['formId', 'id'])
export class FormEventEntity extends HistoryEventColumns<FormAction, FormStatus> {
  /** No foreign key on purpose: the history outlives a deleted draft. */
  @Column({ name: 'form_id', type: 'uuid' })
  formId!: string;

  /** The form field a reviewer's comment points at (dotted path, as in field errors), if any. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  field!: string | null;

  /** 审核结果 recorded by finance */
  @Column({ name: 'review_result', type: 'varchar', length: 20, nullable: true })
  reviewResult!: ReviewResult | null;
}
