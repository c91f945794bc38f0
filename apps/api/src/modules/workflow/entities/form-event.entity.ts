import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { FormAction, FormStatus, ReviewResult, Role } from '@jxt/contracts';
import type { FieldChange } from '@jxt/domain';

/**
 * 表单历史: every transition (who, role, organisation, when, from, to, comment, 审核结果) and every saved
 * change (which fields, old and new values). Append-only: the database refuses UPDATE and DELETE.
 * The actor's name and organisation are copied, so history reads as it was even after users move.
 */
@Entity({ name: 'form_event' })
@Index('form_event_form_idx', ['formId', 'id'])
export class FormEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  /** No foreign key on purpose: the history outlives a deleted draft. */
  @Column({ name: 'form_id', type: 'uuid' })
  formId!: string;

  /** transition | save */
  @Column({ type: 'varchar', length: 20 })
  kind!: 'transition' | 'save';

  @Column({ type: 'varchar', length: 20, nullable: true })
  action!: FormAction | null;

  @Column({ name: 'from_status', type: 'varchar', length: 30, nullable: true })
  fromStatus!: FormStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 30, nullable: true })
  toStatus!: FormStatus | null;

  @Column({ name: 'actor_id', type: 'uuid' })
  actorId!: string;

  @Column({ name: 'actor_name', type: 'varchar', length: 100 })
  actorName!: string;

  @Column({ name: 'actor_roles', type: 'text', array: true })
  actorRoles!: Role[];

  @Column({ name: 'actor_organization_id', type: 'uuid' })
  actorOrganizationId!: string;

  @Column({ name: 'actor_organization_name', type: 'varchar', length: 200 })
  actorOrganizationName!: string;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  /** The form field a reviewer's comment points at (dotted path, as in field errors), if any. */
  @Column({ type: 'varchar', length: 300, nullable: true })
  field!: string | null;

  /** 审核结果 recorded by finance */
  @Column({ name: 'review_result', type: 'varchar', length: 20, nullable: true })
  reviewResult!: ReviewResult | null;

  @Column({ type: 'jsonb', nullable: true })
  changes!: FieldChange[] | null;

  /** The form's rowVersion after this event. */
  @Column({ name: 'row_version', type: 'integer' })
  rowVersion!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
