import { Column, CreateDateColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from '@jxt/contracts';
import type { FieldChange } from '@jxt/domain';

/**
 * The columns every append-only history table has (form_event, evaluation_event): each transition (who, role,
 * organisation, when, from, to, comment) and each saved change (which fields, old and new values). The actor's
 * name and organisation are copied, so history reads as it was even after users move. Each table adds the id of
 * what it is the history of, and its own columns.
 */
export abstract class HistoryEventColumns<Action extends string, Status extends string> {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  /** transition | save */
  @Column({ type: 'varchar', length: 20 })
  kind!: 'transition' | 'save';

  @Column({ type: 'varchar', length: 20, nullable: true })
  action!: Action | null;

  @Column({ name: 'from_status', type: 'varchar', length: 30, nullable: true })
  fromStatus!: Status | null;

  @Column({ name: 'to_status', type: 'varchar', length: 30, nullable: true })
  toStatus!: Status | null;

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

  /** The record's rowVersion after this event. */
  @Column({ name: 'row_version', type: 'integer' })
  rowVersion!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
