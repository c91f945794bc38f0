import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import type { NotificationKind } from '@jxt/contracts';
import { JoinSameTenant } from '../../common/tenancy/same-tenant';
import { GoalFormEntity } from './goal-form.entity';
import { SelfEvaluationEntity } from './self-evaluation.entity';
import { TenantEntity } from './tenant.entity';
import { UserEntity } from './user.entity';

/**
 * 消息提醒: one message to one user, written in the transaction of the step that makes them the next actor (or by the
 * deadline reminder run). The user's list reads newest first through `notification_user_created_idx`; the unread
 * count through the partial `notification_user_unread_idx`. Both carry `tenant_id` after the user, so row-level
 * security's `tenant_id = app_current_tenant()` is a condition of the index, not a filter on every row (10,000 messages
 * of one user are counted in a few milliseconds: tools/bench/notifications.mjs). `dedup_key` keeps a reminder from
 * being sent twice.
 */
@Entity({ name: 'notification' })
@Index('notification_user_created_idx', ['userId', 'tenantId', 'createdAt', 'id'])
@Index('notification_user_unread_idx', ['userId', 'tenantId'], { where: 'read_at IS NULL' })
@Index('notification_form_idx', ['formId'], { where: 'form_id IS NOT NULL' })
@Index('notification_evaluation_idx', ['evaluationId'], { where: 'evaluation_id IS NOT NULL' })
@Unique('notification_dedup_key', ['tenantId', 'userId', 'dedupKey'])
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @ManyToOne(() => TenantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'notification_tenant_fk' })
  tenant?: TenantEntity;

  /** The recipient. */
  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinSameTenant('user_id', 'notification_user_fk')
  user?: UserEntity;

  @Column({ type: 'varchar', length: 40 })
  kind!: NotificationKind;

  /** The form it is about (the link opens it); gone with a deleted draft. */
  @Column({ name: 'form_id', type: 'uuid', nullable: true })
  formId!: string | null;

  @ManyToOne(() => GoalFormEntity, { onDelete: 'CASCADE' })
  @JoinSameTenant('form_id', 'notification_form_fk')
  form?: GoalFormEntity;

  @Column({ name: 'evaluation_id', type: 'uuid', nullable: true })
  evaluationId!: string | null;

  @ManyToOne(() => SelfEvaluationEntity, { onDelete: 'CASCADE' })
  @JoinSameTenant('evaluation_id', 'notification_evaluation_fk')
  evaluation?: SelfEvaluationEntity;

  /** The message as the user reads it (Chinese), written when it is sent. */
  @Column({ type: 'varchar', length: 300 })
  message!: string;

  /** Who took the step (null for a reminder). */
  @Column({ name: 'actor_name', type: 'varchar', length: 100, nullable: true })
  actorName!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  /** Set for reminders: one per form, deadline and day (`reminder:<form>:<kind>:<due date>:<days before>`). */
  @Column({ name: 'dedup_key', type: 'varchar', length: 200, nullable: true })
  dedupKey!: string | null;

  /** When the e-mail of it was sent (null: not sent, or no SMTP / no address). */
  @Column({ name: 'emailed_at', type: 'timestamptz', nullable: true })
  emailedAt!: Date | null;
}
