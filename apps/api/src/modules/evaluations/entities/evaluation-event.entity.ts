import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { EvaluationAction, EvaluationStatus, Role } from '@jxt/contracts';
import type { FieldChange } from '@jxt/domain';

/**
 * 自评表历史: every transition and every saved change, like form_event. Append-only in the database.
 */
@Entity({ name: 'evaluation_event' })
@Index('evaluation_event_evaluation_idx', ['evaluationId', 'id'])
export class EvaluationEventEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @Column({ name: 'evaluation_id', type: 'uuid' })
  evaluationId!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: 'transition' | 'save';

  @Column({ type: 'varchar', length: 20, nullable: true })
  action!: EvaluationAction | null;

  @Column({ name: 'from_status', type: 'varchar', length: 20, nullable: true })
  fromStatus!: EvaluationStatus | null;

  @Column({ name: 'to_status', type: 'varchar', length: 20, nullable: true })
  toStatus!: EvaluationStatus | null;

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

  @Column({ type: 'jsonb', nullable: true })
  changes!: FieldChange[] | null;

  @Column({ name: 'row_version', type: 'integer' })
  rowVersion!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
