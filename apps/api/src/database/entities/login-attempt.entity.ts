import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * 登录尝试: one row per failed login, keyed by `user:<name>` and `addr:<ip>`.
 * Kept in PostgreSQL so that several API processes share the counters. Not tenant data.
 */
@Entity({ name: 'login_attempt' })
@Index('login_attempt_key_time_idx', ['key', 'attemptedAt'])
export class LoginAttemptEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  key!: string;

  @Column({ name: 'attempted_at', type: 'timestamptz', default: () => 'now()' })
  attemptedAt!: Date;
}
