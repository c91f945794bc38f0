import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './app-config';

const NEW = 'n'.repeat(40);
const OLD = 'o'.repeat(40);

describe('loadConfig: the session secret', () => {
  let dataDir: string;
  let warnings: string[];
  const load = (env: NodeJS.ProcessEnv) =>
    loadConfig({ DATA_DIR: dataDir, ...env }, dataDir, (message) => warnings.push(message));

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'jxt-config-'));
    warnings = [];
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('reads SESSION_SECRET, without a warning', () => {
    expect(load({ SESSION_SECRET: NEW }).sessionSecret).toBe(NEW);
    expect(warnings).toEqual([]);
  });

  it('still reads the old name JWT_SECRET, and warns to rename it', () => {
    expect(load({ JWT_SECRET: OLD }).sessionSecret).toBe(OLD);
    expect(warnings).toEqual([
      'JWT_SECRET is deprecated: rename it to SESSION_SECRET (sessions are opaque tokens, not JWTs)',
    ]);
  });

  it('by default prints the warning once per process, however often the config is loaded (the CLI loads it twice)', () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      for (let i = 0; i < 3; i++) expect(loadConfig({ DATA_DIR: dataDir, JWT_SECRET: OLD }).sessionSecret).toBe(OLD);
      expect(warn.mock.calls).toEqual([
        ['[jixiaotong] JWT_SECRET is deprecated: rename it to SESSION_SECRET (sessions are opaque tokens, not JWTs)'],
      ]);
    } finally {
      warn.mockRestore();
    }
  });

  it('takes SESSION_SECRET when both are set, and says JWT_SECRET is ignored', () => {
    expect(load({ SESSION_SECRET: NEW, JWT_SECRET: OLD }).sessionSecret).toBe(NEW);
    expect(warnings).toEqual(['JWT_SECRET is ignored: SESSION_SECRET is set (remove JWT_SECRET)']);
  });

  it('refuses a short secret under the name it was given', () => {
    expect(() => load({ SESSION_SECRET: 'short' })).toThrow(
      new ConfigError('SESSION_SECRET must be at least 32 characters'),
    );
    expect(() => load({ JWT_SECRET: 'short' })).toThrow(new ConfigError('JWT_SECRET must be at least 32 characters'));
  });

  it('requires SESSION_SECRET in production', () => {
    expect(() => load({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x' })).toThrow(
      new ConfigError('SESSION_SECRET is required when NODE_ENV=production'),
    );
    expect(load({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x', JWT_SECRET: OLD }).sessionSecret).toBe(OLD);
  });

  it('outside production generates one into DATA_DIR/session-secret (0600) and reuses it', () => {
    const first = load({}).sessionSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    const file = join(dataDir, 'session-secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(load({}).sessionSecret).toBe(first);
    expect(warnings).toEqual([]);
  });

  it('keeps the key of a DATA_DIR from before the rename (its jwt-secret file), so sessions survive', () => {
    writeFileSync(join(dataDir, 'jwt-secret'), `${OLD}\n`, { mode: 0o600 });
    expect(load({}).sessionSecret).toBe(OLD);
    expect(readFileSync(join(dataDir, 'session-secret'), 'utf8').trim()).toBe(OLD);
    expect(existsSync(join(dataDir, 'jwt-secret'))).toBe(false);
  });
});

describe('loadConfig: login limits and the proxies to trust', () => {
  const prod = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x', SESSION_SECRET: NEW };
  const load = (env: NodeJS.ProcessEnv) => loadConfig({ DATA_DIR: '/nonexistent', ...env }, '/', () => undefined);

  it('trusts no proxy by default, in production too, and as many hops as TRUST_PROXY says', () => {
    expect(load(prod).trustProxyHops).toBe(0);
    expect(load({ ...prod, TRUST_PROXY: '2' }).trustProxyHops).toBe(2);
    expect(() => load({ ...prod, TRUST_PROXY: 'true' })).toThrow(
      new ConfigError('TRUST_PROXY must be a non-negative integer, got "true"'),
    );
  });

  it('has a progressive delay per user name and a strict limit per address, each a setting', () => {
    expect(load(prod).loginRateLimits).toEqual({
      maxFailuresPerUser: 5,
      userDelaySeconds: 1,
      userDelayMaxSeconds: 300,
      maxFailuresPerAddress: 30,
      windowSeconds: 900,
    });
    expect(
      load({ ...prod, LOGIN_USER_DELAY_SECONDS: '2', LOGIN_USER_DELAY_MAX_SECONDS: '60' }).loginRateLimits,
    ).toMatchObject({ userDelaySeconds: 2, userDelayMaxSeconds: 60 });
  });
});
