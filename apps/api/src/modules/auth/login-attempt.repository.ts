import { Injectable } from '@nestjs/common';
import type { Db } from '../../database/access/db';
import { sql } from '../../database/access/statement';
import type { LoginAttemptEntity } from '../../database/entities/login-attempt.entity';

type CounterRow = Pick<LoginAttemptEntity, 'key' | 'failures' | 'firstAt' | 'lastAt' | 'blockedUntil'>;
type LockedCounter = CounterRow & { now: Date };

// Creates the two counters of a login if missing and locks them, the address's first, then the user name's (so two
// logins never wait for each other crosswise); the no-op update is what takes the row lock. The name is lower-cased
// here as auth_find_login() does, so no spelling of a name gets a counter of its own. `now` is the database's clock,
// the one every API process shares, read as each row is locked (now() would be the transaction's start, before any
// wait for a lock).
const LOCK = sql<CounterRow & { now: Date }, [username: string, ip: string]>(
  'loginAttempts.lock',
  `INSERT INTO login_attempt AS a (key)
   SELECT k FROM (VALUES (1, 'addr:' || $2::text), (2, 'user:' || lower($1::text))) AS v(n, k) ORDER BY n
   ON CONFLICT (key) DO UPDATE SET key = a.key
   RETURNING a.key, a.failures, a.first_at AS "firstAt", a.last_at AS "lastAt", a.blocked_until AS "blockedUntil",
     clock_timestamp() AS now`,
);

const SAVE = sql<
  object,
  [keys: string[], failures: number[], firstAt: Date[], lastAt: Date[], blockedUntil: (Date | null)[]]
>(
  'loginAttempts.save',
  `UPDATE login_attempt AS a SET failures = v.failures, first_at = v.first_at, last_at = v.last_at,
     blocked_until = v.blocked_until
   FROM unnest($1::text[], $2::int[], $3::timestamptz[], $4::timestamptz[], $5::timestamptz[])
     AS v(key, failures, first_at, last_at, blocked_until)
   WHERE a.key = v.key`,
);

// A login that got in: its user name starts afresh, its address gets its attempt back, and counters nobody has used
// for a window (and that hold no delay) are dropped.
const SUCCEEDED = sql<object, [username: string, ip: string, windowSeconds: number]>(
  'loginAttempts.succeeded',
  `WITH keys AS (SELECT 'user:' || lower($1::text) AS user_key, 'addr:' || $2::text AS address_key),
   cleared AS (DELETE FROM login_attempt WHERE key = (SELECT user_key FROM keys)),
   refunded AS (UPDATE login_attempt SET failures = greatest(failures - 1, 0) WHERE key = (SELECT address_key FROM keys))
   DELETE FROM login_attempt WHERE key NOT IN (SELECT user_key FROM keys UNION ALL SELECT address_key FROM keys)
     AND last_at < now() - make_interval(secs => $3) AND (blocked_until IS NULL OR blocked_until < now())`,
);

/** The per-user limits the user name's tenant set (安全设置); none when it set none or the name is unknown. */
type TenantLimitsRow = { maxFailuresPerUser: number; userDelaySeconds: number; userDelayMaxSeconds: number };
const TENANT_LIMITS = sql<TenantLimitsRow, [username: string]>(
  'loginAttempts.tenantLimits',
  `SELECT max_failures_per_user AS "maxFailuresPerUser", user_delay_seconds AS "userDelaySeconds",
     user_delay_max_seconds AS "userDelayMaxSeconds" FROM auth_login_limits($1)`,
);

/** login_attempt: the counters of the login limits (not tenant data). */
@Injectable()
export class LoginAttemptRepository {
  /** The counters of a login's address and user name, created if missing and locked until the transaction ends. */
  async lock(db: Db, username: string, ip: string): Promise<{ address: LockedCounter; user: LockedCounter }> {
    const rows = await db.rows(LOCK, [username, ip]);
    return {
      address: rows.find((r) => r.key.startsWith('addr:'))!,
      user: rows.find((r) => r.key.startsWith('user:'))!,
    };
  }

  async save(db: Db, counters: CounterRow[]): Promise<void> {
    await db.run(SAVE, [
      counters.map((c) => c.key),
      counters.map((c) => c.failures),
      counters.map((c) => c.firstAt),
      counters.map((c) => c.lastAt),
      counters.map((c) => c.blockedUntil),
    ]);
  }

  tenantLimits(db: Db, username: string): Promise<TenantLimitsRow | undefined> {
    return db.one(TENANT_LIMITS, [username]);
  }

  async succeeded(db: Db, username: string, ip: string, windowSeconds: number): Promise<void> {
    await db.run(SUCCEEDED, [username, ip, windowSeconds]);
  }
}
