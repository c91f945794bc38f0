import type { LoginRateLimits } from '../../config/app-config';
import { decideLoginAttempt, type LoginCounter, waitText } from './login-throttle';

const limits: LoginRateLimits = {
  maxFailuresPerUser: 5,
  userDelaySeconds: 1,
  userDelayMaxSeconds: 300,
  maxFailuresPerAddress: 30,
  windowSeconds: 900,
};
const start = new Date('2026-01-01T00:00:00Z');
const at = (s: number) => new Date(start.getTime() + s * 1000);
const fresh = (now: Date): LoginCounter => ({ failures: 0, firstAt: now, lastAt: now, blockedUntil: null });

/** One name attacked from ever new addresses, each attempt as soon as it is allowed: the waits it meets. */
function waitsOfAStranger(attempts: number, l = limits): number[] {
  let user = fresh(start);
  let now = start;
  const waits: number[] = [];
  for (let i = 0; i < attempts; i++) {
    let decision = decideLoginAttempt(fresh(now), user, now, l);
    if (!decision.allowed) {
      waits.push(decision.retryAfterSeconds);
      now = at((now.getTime() - start.getTime()) / 1000 + decision.retryAfterSeconds);
      decision = decideLoginAttempt(fresh(now), user, now, l);
    } else waits.push(0);
    if (!decision.allowed) throw new Error('refused after waiting as told');
    user = decision.user;
  }
  return waits;
}

describe('decideLoginAttempt', () => {
  it('lets 5 attempts of a name through at once, then makes each further one wait 1, 2, 4 … s, at most 300 s', () => {
    expect(waitsOfAStranger(16)).toEqual([0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300]);
  });

  it('counts every attempt before its password is checked: a burst gets exactly the free ones', () => {
    let user = fresh(start);
    let allowed = 0;
    for (let i = 0; i < 30; i++) {
      const decision = decideLoginAttempt(fresh(start), user, start, limits);
      if (decision.allowed) {
        allowed++;
        user = decision.user;
      } else expect(decision).toEqual({ allowed: false, limit: 'user', retryAfterSeconds: 1 });
    }
    expect(allowed).toBe(5);
  });

  it('forgets a name’s count after a quiet window, not before', () => {
    const user: LoginCounter = { failures: 9, firstAt: start, lastAt: start, blockedUntil: at(16) };
    expect(decideLoginAttempt(fresh(at(10)), user, at(10), limits)).toMatchObject({ allowed: false, limit: 'user' });
    const later = decideLoginAttempt(fresh(at(899)), user, at(899), limits);
    expect(later).toMatchObject({ allowed: true, user: { failures: 10, blockedUntil: at(899 + 32) } });
    expect(decideLoginAttempt(fresh(at(900)), user, at(900), limits)).toMatchObject({
      allowed: true,
      user: { failures: 1, blockedUntil: null },
    });
  });

  it('holds an address strictly to its number per window, whatever names it tries', () => {
    const address: LoginCounter = { failures: 30, firstAt: start, lastAt: at(10), blockedUntil: null };
    expect(decideLoginAttempt(address, fresh(at(100)), at(100), limits)).toEqual({
      allowed: false,
      limit: 'address',
      retryAfterSeconds: 800,
    });
    expect(decideLoginAttempt(address, fresh(at(900)), at(900), limits)).toMatchObject({
      allowed: true,
      address: { failures: 1, firstAt: at(900) },
    });
    const almost = { ...address, failures: 29 };
    expect(decideLoginAttempt(almost, fresh(at(5)), at(5), limits)).toMatchObject({
      allowed: true,
      address: { failures: 30, firstAt: start, lastAt: at(5) },
    });
  });

  it('asks the address first: a refused address does not count against the name', () => {
    const address: LoginCounter = { failures: 30, firstAt: start, lastAt: start, blockedUntil: null };
    const user: LoginCounter = { failures: 7, firstAt: start, lastAt: start, blockedUntil: at(4) };
    expect(decideLoginAttempt(address, user, at(1), limits)).toMatchObject({ allowed: false, limit: 'address' });
  });

  it('says how long to wait in seconds under a minute, else in whole minutes', () => {
    expect(waitText(1)).toBe('1 秒');
    expect(waitText(59)).toBe('59 秒');
    expect(waitText(60)).toBe('1 分钟');
    expect(waitText(61)).toBe('2 分钟');
  });
});
