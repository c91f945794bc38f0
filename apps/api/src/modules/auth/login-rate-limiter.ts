import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Db } from '../../database/access/db';
import { APP_DATA_SOURCE } from '../../database/database.module';
import { SessionRepository } from './session.repository';

/**
 * Counts failed logins per user name and per client address in PostgreSQL, so every API process
 * sees the same counters. Limits come from config (tests set them low).
 */
@Injectable()
export class LoginRateLimiter {
  /** Not tenant data, and no transaction: each statement on its own pooled connection. */
  private readonly pool: Db;

  constructor(
    @Inject(APP_DATA_SOURCE) dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionRepository,
  ) {
    this.pool = Db.pool(dataSource);
  }

  private keys(username: string, ip: string): { user: string; address: string } {
    return { user: `user:${username.trim().toLowerCase()}`, address: `addr:${ip}` };
  }

  async assertAllowed(username: string, ip: string): Promise<void> {
    const { maxFailuresPerUser, maxFailuresPerAddress, windowSeconds } = this.config.loginRateLimits;
    const keys = this.keys(username, ip);
    const rows = await this.sessions.recentFailures(this.pool, [keys.user, keys.address], windowSeconds);
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
    await this.sessions.recordFailure(this.pool, keys.user, keys.address);
  }

  /** A successful login clears that user's failures (not the address's) and prunes rows past the window. */
  async recordSuccess(username: string): Promise<void> {
    await this.sessions.clearFailures(
      this.pool,
      this.keys(username, '').user,
      this.config.loginRateLimits.windowSeconds,
    );
  }
}
