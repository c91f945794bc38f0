import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * 登录尝试: one counter per key, `user:<name>` or `addr:<ip>`, in PostgreSQL so that every API process shares it.
 * A login locks its two rows and counts itself before any password is checked (login-rate-limiter.ts); a login that
 * succeeds clears its user's row and gives its address's count back. Not tenant data.
 */
@Entity({ name: 'login_attempt' })
export class LoginAttemptEntity {
  @PrimaryColumn({ type: 'varchar', length: 200, primaryKeyConstraintName: 'login_attempt_pkey' })
  key!: string;

  /** Attempts counted: an address's in its window; a user's since their last success or quiet window. */
  @Column({ type: 'integer', default: 0 })
  failures!: number;

  /** When the address's window began. */
  @Column({ name: 'first_at', type: 'timestamptz', default: () => 'now()' })
  firstAt!: Date;

  /** The latest attempt counted. */
  @Column({ name: 'last_at', type: 'timestamptz', default: () => 'now()' })
  lastAt!: Date;

  /** No attempt of this user before then (the progressive delay). */
  @Column({ name: 'blocked_until', type: 'timestamptz', nullable: true })
  blockedUntil!: Date | null;
}
