import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { APP_DATA_SOURCE, SESSION_INVALIDATIONS } from '../../database/database.module';
import { RequestTransaction } from '../../database/access/request-transaction';
import type {
  SessionInvalidation,
  SessionInvalidationHandler,
  SessionInvalidationListener,
} from '../../database/access/session-invalidations';
import type { AuthUser } from '../tenancy/request-context';
import { type SessionRow, toAuthUser } from './session-user';

interface KeptSession {
  user: AuthUser;
  /** ms since the epoch: the session's expiry, or the end of the keeping time, whichever is first */
  validUntil: number;
}

/** Sessions kept at most; beyond that the oldest kept is dropped. */
const MAX_KEPT = 10_000;

/**
 * Each process keeps the session lookups it made, for at most SESSION_CACHE_SECONDS (60 by default; a lookup also
 * moves the session's last_seen_at, which the kept time leaves at most a minute or two behind), and still ends a
 * revoked session or a disabled user on the very next request, in every process: the database notifies every
 * change a lookup would see (migration SessionCacheInvalidation), and each request's first round trip reads the
 * epoch of the newest such change. A kept session is used only when this process has processed that change's
 * notification; otherwise the session is looked up again in the same transaction.
 * docs/adr/0013-session-cache-and-request-transaction.md.
 */
@Injectable()
export class SessionCache implements SessionInvalidationHandler, OnModuleInit {
  private readonly kept = new Map<string, KeptSession>();
  private readonly keepMs: number;

  constructor(
    @Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(SESSION_INVALIDATIONS) private readonly listener: SessionInvalidationListener,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.keepMs = config.sessionCacheSeconds * 1000;
  }

  onModuleInit(): void {
    this.listener.subscribe(this);
  }

  /**
   * Opens the request's transaction as the session of `tokenHash` (one round trip, two when a kept session may be
   * stale). `user` is undefined when no live session has that token; the caller then rolls back.
   */
  async open(tokenHash: string): Promise<{ tx: RequestTransaction; user: AuthUser | undefined }> {
    const kept = this.usable(tokenHash);
    if (kept) {
      const { tx, epoch } = await RequestTransaction.resume(this.dataSource, kept.user.tenantId, kept.user.userId);
      // Every change committed before this transaction began has been processed, and none of them (nor one
      // processed while the round trip was under way) dropped this session.
      if (epoch <= this.listener.seenEpoch && this.kept.get(tokenHash) === kept) return { tx, user: kept.user };
      this.kept.delete(tokenHash);
      try {
        const row = await tx.lookUp<SessionRow>(tokenHash);
        return { tx, user: row && this.keep(tokenHash, row) };
      } catch (err) {
        await tx.rollback();
        throw err;
      }
    }
    const { tx, session } = await RequestTransaction.open<SessionRow>(this.dataSource, tokenHash);
    return { tx, user: session && this.keep(tokenHash, session) };
  }

  /** How many sessions are kept (for tests). */
  get size(): number {
    return this.kept.size;
  }

  invalidate(change: SessionInvalidation): void {
    const field = change.kind === 'session' ? 'sessionId' : change.kind === 'user' ? 'userId' : 'tenantId';
    for (const [hash, entry] of this.kept) if (entry.user[field] === change.id) this.kept.delete(hash);
  }

  reset(): void {
    this.kept.clear();
  }

  private usable(tokenHash: string): KeptSession | undefined {
    const entry = this.kept.get(tokenHash);
    if (!entry) return undefined;
    if (entry.validUntil > Date.now() && this.listener.seenEpoch >= 0) return entry;
    this.kept.delete(tokenHash);
    return undefined;
  }

  /**
   * The user of a looked-up session, kept unless a notification newer than the lookup was already processed (it
   * may concern this session, and it would not be processed again).
   */
  private keep(tokenHash: string, row: SessionRow): AuthUser {
    const user = Object.freeze(toAuthUser(row));
    const seen = this.listener.seenEpoch;
    if (this.keepMs > 0 && seen >= 0 && seen <= Number(row.cache_epoch)) {
      if (this.kept.size >= MAX_KEPT) this.kept.delete(this.kept.keys().next().value as string);
      this.kept.set(tokenHash, {
        user,
        // Never past the moment the session would end idle: a kept lookup does not move last_seen_at.
        validUntil: Math.min(
          new Date(row.expires_at).getTime(),
          Date.now() + this.keepMs,
          new Date(row.seen_at).getTime() + row.idle_timeout_minutes * 60_000,
        ),
      });
    }
    return user;
  }
}
