import type { LoginRateLimits } from '../../config/app-config';

/** One key's counter (login_attempt), as locked at the start of a login. */
export interface LoginCounter {
  failures: number;
  firstAt: Date;
  lastAt: Date;
  blockedUntil: Date | null;
}

export type LoginAttemptDecision =
  | { allowed: true; address: LoginCounter; user: LoginCounter }
  | { allowed: false; limit: 'address' | 'user'; retryAfterSeconds: number };

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/**
 * May a login from this address for this user name check a password now, and what do the two counters become if it
 * does? Every attempt is counted before its password is checked (a success gives it back: clearSuccess).
 *
 * - Per address, strict: at most `maxFailuresPerAddress` in a window of `windowSeconds` from its first attempt.
 * - Per user name, a progressive delay rather than a lock-out, so that knowing a name is not enough to keep its owner
 *   out for long: the first `maxFailuresPerUser` attempts are free, then each further one must wait
 *   `userDelaySeconds` × 2^k (k = 0, 1, 2 …) after the one before, at most `userDelayMaxSeconds`. The count is
 *   forgotten after a quiet window (no attempt for `windowSeconds`).
 */
export function decideLoginAttempt(
  address: LoginCounter,
  user: LoginCounter,
  now: Date,
  limits: LoginRateLimits,
): LoginAttemptDecision {
  const window = limits.windowSeconds * 1000;
  const t = now.getTime();

  const addressFresh = address.firstAt.getTime() + window <= t;
  const addressFailures = addressFresh ? 0 : address.failures;
  const addressStart = addressFresh ? now : address.firstAt;
  if (addressFailures >= limits.maxFailuresPerAddress)
    return { allowed: false, limit: 'address', retryAfterSeconds: seconds(addressStart.getTime() + window - t) };

  const userQuiet = user.lastAt.getTime() + window <= t;
  const userFailures = userQuiet ? 0 : user.failures;
  const blockedUntil = userQuiet ? null : user.blockedUntil;
  if (blockedUntil && blockedUntil.getTime() > t)
    return { allowed: false, limit: 'user', retryAfterSeconds: seconds(blockedUntil.getTime() - t) };

  const failures = userFailures + 1;
  const beyond = failures - limits.maxFailuresPerUser;
  const delay =
    beyond < 0 ? 0 : Math.min(limits.userDelayMaxSeconds, limits.userDelaySeconds * 2 ** Math.min(beyond, 30));
  return {
    allowed: true,
    address: { failures: addressFailures + 1, firstAt: addressStart, lastAt: now, blockedUntil: null },
    user: {
      failures,
      firstAt: userQuiet ? now : user.firstAt,
      lastAt: now,
      blockedUntil: delay > 0 ? new Date(t + delay * 1000) : null,
    },
  };
}

/** `42 秒` or `5 分钟`: how long to wait, for the 429's message. */
export function waitText(retryAfterSeconds: number): string {
  return retryAfterSeconds < 60 ? `${retryAfterSeconds} 秒` : `${Math.ceil(retryAfterSeconds / 60)} 分钟`;
}
