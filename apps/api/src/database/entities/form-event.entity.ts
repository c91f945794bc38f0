import { Check, Column, Entity, Index } from 'typeorm';
import type { FormAction, FormStatus, ReviewPoint, ReviewResult } from '@jxt/contracts';
import { HistoryEventColumns } from '../../common/history/history-event.columns';

/**
 * 表单历史: every transition (with finance's 审核结果 and the field a comment points at) and every saved change
 * of a 绩效目标填报表. Append-only: the database refuses UPDATE and DELETE.
 */
@Entity({ name: 'form_event' })
@Index('form_event_form_idx', ['formId', 'id'])
// 填报人 and 联系电话 come together, and only with a 提交.
@Check(
  'form_event_filer_check',
  `(filer_name IS NULL) = (filer_phone IS NULL) AND (filer_name IS NULL OR action = 'submit')`,
)
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

  /** 填报人 as the 提交 named them (proposed from the submitter's profile): printed in the form's footer. */
  @Column({ name: 'filer_name', type: 'varchar', length: 100, nullable: true })
  filerName!: string | null;

  /** 联系电话 given with the 提交. */
  @Column({ name: 'filer_phone', type: 'varchar', length: 30, nullable: true })
  filerPhone!: string | null;

  /** The 审核要点 a reviewer ticked with a 退回 (issue 14), each pointing at its field; null when none. */
  @Column({ name: 'review_points', type: 'jsonb', nullable: true })
  reviewPoints!: ReviewPoint[] | null;
}
