import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { TenantEntity } from './tenant.entity';

/**
 * 截止提醒 of a tenant: how many days before a 提交 deadline the filers of unsubmitted forms are reminded
 * (modules/notifications/deadline-reminders.service.ts). A tenant without a row uses REMINDER_DAYS_DEFAULT.
 */
@Entity({ name: 'reminder_setting' })
export class ReminderSettingEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @OneToOne(() => TenantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tenant_id', foreignKeyConstraintName: 'reminder_setting_tenant_fk' })
  tenant?: TenantEntity;

  /** Days before the deadline on which to remind, e.g. {7,3,1}; 0 is the day itself; empty: no reminders. */
  @Column({ name: 'days_before', type: 'smallint', array: true })
  daysBefore!: number[];

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
