import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { APP_DATA_SOURCE } from '../../database/database.module';

/**
 * Counts failed logins per user name and per client address in PostgreSQL, so every API process
 * sees the same counters. Limits come from config (tests set them low).
 */
@Injectable()
export class LoginRateLimiter {
  constructor(
    @Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private keys(username: string, ip: string): { user: string; address: string } {
    return { user: `user:${username.trim().toLowerCase()}`, address: `addr:${ip}` };
  }

  async assertAllowed(username: string, ip: string): Promise<void> {
    const { maxFailuresPerUser, maxFailuresPerAddress, windowSeconds } = this.config.loginRateLimits;
    const keys = this.keys(username, ip);
    const rows: { key: string; failures: number; oldest: Date }[] = await this.dataSource.query(
      `SELECT key, count(*)::int AS failures, min(attempted_at) AS oldest FROM login_attempt
       WHERE key = ANY($1) AND attempted_at > now() - make_interval(secs => $2) GROUP BY key`,
      [[keys.user, keys.address], windowSeconds],
    );
    for (const row of rows) {
      const limit = row.key === keys.user ? maxFailuresPerUser : maxFailuresPerAddress;
      if (row.failures >= limit) {
        const retryAfter = Math.max(1, Math.ceil((row.oldest.getTime() + windowSeconds * 1000 - Date.now()) / 1000));
        throw new HttpException(
          {
            statusCode: 429,
            error: 'Too Many Requests',
            message: `登录失败次数过多，请 ${Math.ceil(retryAfter / 60)} 分钟后再试`,
            retryAfter,
          },
          HttpStatus.TOO_MANY_REQUESTS,
        );
      }
    }
  }

  async recordFailure(username: string, ip: string): Promise<void> {
    const keys = this.keys(username, ip);
    await this.dataSource.query(`INSERT INTO login_attempt (key) VALUES ($1), ($2)`, [keys.user, keys.address]);
  }

  /** A successful login clears that user's failures (not the address's) and prunes rows past the window. */
  async recordSuccess(username: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM login_attempt WHERE key = $1 OR attempted_at < now() - make_interval(secs => $2)`,
      [this.keys(username, '').user, this.config.loginRateLimits.windowSeconds],
    );
  }
}
