import { Client } from 'pg';
import { CONNECT_TIMEOUT_MS } from '../connect-timeout';

/** What a committed change made stale: one session, every session of a user, or every session of a tenant. */
export interface SessionInvalidation {
  epoch: number;
  kind: 'session' | 'user' | 'tenant';
  id: string;
}

export interface SessionInvalidationHandler {
  invalidate(change: SessionInvalidation): void;
  /** Everything kept may be stale (the listening connection was lost or is new). */
  reset(): void;
}

const CHANNEL = 'jxt_session_cache';
const MAX_RETRY_MS = 5_000;
const PAYLOAD = /^(\d+) (session|user|tenant) ([0-9a-f-]{36})$/;

/**
 * The listening side of the session cache (migration SessionCacheInvalidation,
 * docs/adr/0013-session-cache-and-request-transaction.md): one connection of its own that LISTENs for the
 * notifications the database sends when a committed change alters what a session lookup answers, and remembers the
 * newest epoch it has processed.
 * `seenEpoch` is -1 while it is not listening: then no kept lookup may be used. A lost connection is re-opened
 * (1 s, 2 s, 4 s, then every 5 s: a restarted embedded server is listened to again within seconds) and everything
 * kept is dropped, since a notification may have been missed meanwhile.
 */
export class SessionInvalidationListener {
  private client: Client | null = null;
  private seen = -1;
  private stopped = false;
  private retryMs = 1_000;
  private retryTimer: NodeJS.Timeout | null = null;
  /** when the listening connection was lost (null while listening or before the first start) */
  private lostAt: number | null = null;
  private readonly handlers: SessionInvalidationHandler[] = [];

  constructor(
    private readonly url: string,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  /** The newest epoch whose notification has been processed; -1 while not listening. */
  get seenEpoch(): number {
    return this.seen;
  }

  subscribe(handler: SessionInvalidationHandler): void {
    this.handlers.push(handler);
  }

  /** Connects and listens; a failure here is the caller's (the app does not start without it). */
  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    this.seen = -1;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.url,
      application_name: 'jixiaotong-session-cache',
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    client.on('notification', (message) => {
      if (message.channel === CHANNEL) this.receive(message.payload ?? '');
    });
    client.on('error', (err) => this.lost(client, err.message));
    client.on('end', () => this.lost(client, 'connection ended'));
    await client.connect();
    try {
      await client.query(`LISTEN ${CHANNEL}`);
      // Read after LISTEN: a change committed before this read is in the epoch, one committed after it is notified.
      const { rows } = await client.query<{ epoch: string }>('SELECT epoch FROM session_cache_epoch');
      for (const handler of this.handlers) handler.reset();
      this.client = client;
      this.seen = Number(rows[0].epoch);
      this.retryMs = 1_000;
      if (this.lostAt !== null) {
        this.log(
          `session cache: listening again after ${Date.now() - this.lostAt} ms (all kept sessions were dropped)`,
        );
        this.lostAt = null;
      }
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
  }

  private receive(payload: string): void {
    const match = PAYLOAD.exec(payload);
    if (!match) {
      // Not ours to understand: drop everything rather than keep something stale.
      this.log(`session cache: unexpected notification "${payload}"`);
      for (const handler of this.handlers) handler.reset();
      return;
    }
    const change: SessionInvalidation = {
      epoch: Number(match[1]),
      kind: match[2] as SessionInvalidation['kind'],
      id: match[3],
    };
    for (const handler of this.handlers) handler.invalidate(change);
    if (change.epoch > this.seen && this.seen >= 0) this.seen = change.epoch;
  }

  private lost(client: Client, why: string): void {
    if (this.client !== client) return;
    this.client = null;
    this.seen = -1;
    this.lostAt = Date.now();
    for (const handler of this.handlers) handler.reset();
    if (this.stopped) return;
    this.log(`session cache: listening connection lost (${why}); sessions are looked up until it is back`);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.stopped) return;
      this.connect().catch((err: Error) => {
        this.log(`session cache: cannot listen yet (${err.message})`);
        this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
        this.scheduleReconnect();
      });
    }, this.retryMs);
    this.retryTimer.unref();
  }
}
