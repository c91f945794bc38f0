import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Db } from '../../database/access/db';
import { APP_DATA_SOURCE } from '../../database/database.module';
import { LoginAttemptRepository } from './login-attempt.repository';
import { decideLoginAttempt, waitText } from './login-throttle';

/** A 429 of the login limits; the exception filter sends `retryAfter` as the Retry-After header (seconds). */
export class TooManyLoginAttempts extends HttpException {
  constructor(
    readonly retryAfter: number,
    limit: 'address' | 'user',
  ) {
    const who = limit === 'user' ? '该账号' : '该地址';
    super(
      {
        statusCode: 429,
        error: 'Too Many Requests',
        message: `${who}登录失败次数过多，请 ${waitText(retryAfter)}后再试`,
        retryAfter,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/**
 * The login limits, shared by every API process through PostgreSQL (login_attempt). Each login first counts
 * itself against its user name and its client address, both rows locked in one short transaction, and only then is
 * a password checked: a burst of parallel attempts cannot check more passwords than the limits allow. The rule is
 * login-throttle.ts; the numbers are settings (tests set them).
 */
@Injectable()
export class LoginRateLimiter {
  /** Not tenant data: its own short transactions, and single statements on the pool. */
  private readonly pool: Db;

  constructor(
    @Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly attempts: LoginAttemptRepository,
  ) {
    this.pool = Db.pool(dataSource);
  }

  /** Counts this attempt, or refuses it with 429 and Retry-After; nothing is counted for a refused one. */
  async reserve(username: string, ip: string): Promise<void> {
    // The tenant's 安全设置 replace the process's per-user limits; the per-address limit stays the process's.
    const tenant = await this.attempts.tenantLimits(this.pool, username.trim());
    const limits = { ...this.config.loginRateLimits, ...tenant };
    await this.dataSource.transaction(async (manager) => {
      const db = Db.of(manager);
      const { address, user } = await this.attempts.lock(db, username.trim(), ip);
      // Each row's clock is read as it is locked: the user name's, locked last, is after every wait.
      const decision = decideLoginAttempt(address, user, user.now, limits);
      if (!decision.allowed) throw new TooManyLoginAttempts(decision.retryAfterSeconds, decision.limit);
      await this.attempts.save(db, [
        { key: address.key, ...decision.address },
        { key: user.key, ...decision.user },
      ]);
    });
  }

  /** The attempt got in: the user name starts afresh and the address gets its attempt back. */
  async recordSuccess(username: string, ip: string): Promise<void> {
    await this.attempts.succeeded(this.pool, username.trim(), ip, this.config.loginRateLimits.windowSeconds);
  }
}
