import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Login limits (modules/auth/login-throttle.ts): a progressive delay per user name, a strict limit per address. */
export interface LoginRateLimits {
  /** Failed logins of one user name before each further attempt must wait. */
  maxFailuresPerUser: number;
  /** The first wait; it doubles with each further failure … */
  userDelaySeconds: number;
  /** … up to this. */
  userDelayMaxSeconds: number;
  /** Failed logins from one client address per window; then 429 until the window ends. */
  maxFailuresPerAddress: number;
  /** The address's window, and the quiet time after which a user name's failures are forgotten. */
  windowSeconds: number;
}

export interface AppConfig {
  port: number;
  host: string;
  production: boolean;
  /** Owner connection (migrations, seeding, CLI). Null means: start the embedded server. */
  databaseUrl: string | null;
  /** The app's own connection, as the non-owner role that row-level security applies to. Null: derived. */
  appDatabaseUrl: string | null;
  dataDir: string;
  /** Keys the HMAC of session tokens (SESSION_SECRET). */
  sessionSecret: string;
  /**
   * Keys the encryption of TOTP secrets and the hashes of recovery codes (TOTP_SECRET_KEY, else SESSION_SECRET).
   * Set it apart so that SESSION_SECRET can be rotated without every second factor having to be enrolled again.
   */
  totpSecretKey: string;
  sessionTtlHours: number;
  /** How long a process keeps a session lookup (0: looks every session up on every request). */
  sessionCacheSeconds: number;
  loginRateLimits: LoginRateLimits;
  /**
   * How many proxies in front of the API to believe about the client's address (X-Forwarded-For); 0: none, the
   * address is the socket's. Fastify's `trustProxy`.
   */
  trustProxyHops: number;
  /** How long audit records are kept before `audit:purge` may delete them (AUDIT_RETENTION_DAYS, at least 180). */
  auditRetentionDays: number;
  /** Load the demo data (tenant 松江区 with its three forms and demo users) on first start. */
  seedDemo: boolean;
  /** Serve the built SPA from this folder when it exists. */
  webDistDir: string;
  logLevel: string;
  /** E-mail of 消息提醒 (SMTP_HOST …); null: no e-mail, messages stay in the app. */
  smtp: SmtpSettings | null;
  /** The app's address as users reach it (APP_PUBLIC_URL), for links in e-mails; null: no link. */
  publicUrl: string | null;
  /** When the 截止提醒 run is due (REMINDER_CRON, a cron in China's time; empty: never scheduled). */
  reminderCron: string | null;
  /** How long a bulk export's file is kept in DATA_DIR/exports before it is deleted (EXPORT_TTL_HOURS, default 24). */
  exportTtlHours: number;
  /** The largest workbook POST /api/imports takes, in bytes (IMPORT_MAX_MB, default 10): 413 above it. */
  importMaxBytes: number;
  /** The job runner (docs/adr/0021-job-runner.md). */
  jobs: {
    /** How often an idle worker polls its queue (JOB_POLL_SECONDS). */
    pollSeconds: number;
    /** How often a process checks whether a schedule is due (JOB_CRON_MONITOR_SECONDS). */
    cronMonitorSeconds: number;
  };
}

export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  user: string | null;
  password: string | null;
  /** The sender, e.g. `绩效通 <noreply@czj.example.gov.cn>`. */
  from: string;
}

/** SMTP_HOST turns e-mail on; SMTP_FROM is then required. */
function smtpSettings(env: NodeJS.ProcessEnv): SmtpSettings | null {
  const host = env.SMTP_HOST?.trim();
  if (!host) return null;
  const from = env.SMTP_FROM?.trim();
  if (!from) throw new ConfigError('SMTP_FROM is required when SMTP_HOST is set (the sender of notification e-mails)');
  const port = intSetting(env, 'SMTP_PORT', 587);
  const secure = env.SMTP_SECURE ? env.SMTP_SECURE === 'true' : port === 465;
  return { host, port, secure, user: env.SMTP_USER || null, password: env.SMTP_PASSWORD || null, from };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

/** 等保 2.0 asks that audit records be kept at least six months: no setting may keep them for less. */
export const AUDIT_MIN_RETENTION_DAYS = 180;

/** Refuses a retention below the minimum (the setting and the purge command's --days alike). */
export function checkAuditRetention(days: number, name = 'AUDIT_RETENTION_DAYS'): number {
  if (!Number.isInteger(days) || days < AUDIT_MIN_RETENTION_DAYS)
    throw new ConfigError(
      `${name} must be a whole number of days, at least ${AUDIT_MIN_RETENTION_DAYS}; got "${days}"`,
    );
  return days;
}

export class ConfigError extends Error {}

/** IMPORT_MAX_MB's default: a 100-form workbook is well under 5 MB. */
export const DEFAULT_IMPORT_MAX_MB = 10;

function intSetting(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new ConfigError(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

/** Where a setting's problems are told (once per message: the CLI loads the config more than once). */
export type ConfigWarn = (message: string) => void;

const warned = new Set<string>();
const warnOnce: ConfigWarn = (message) => {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`[jixiaotong] ${message}`);
};

/**
 * SESSION_SECRET keys the HMAC of the opaque session tokens (no JWTs are issued, ADR 0004), so a leaked
 * database alone does not yield usable tokens. Its old name JWT_SECRET is still read, with a warning.
 * Generated into DATA_DIR when absent; production must set it explicitly.
 */
function resolveSecret(env: NodeJS.ProcessEnv, dataDir: string, production: boolean, warn: ConfigWarn): string {
  let name = 'SESSION_SECRET';
  let fromEnv = env.SESSION_SECRET;
  if (env.JWT_SECRET) {
    if (fromEnv) warn('JWT_SECRET is ignored: SESSION_SECRET is set (remove JWT_SECRET)');
    else {
      name = 'JWT_SECRET';
      fromEnv = env.JWT_SECRET;
      warn('JWT_SECRET is deprecated: rename it to SESSION_SECRET (sessions are opaque tokens, not JWTs)');
    }
  }
  if (fromEnv) {
    if (fromEnv.length < 32) throw new ConfigError(`${name} must be at least 32 characters`);
    return fromEnv;
  }
  if (production) throw new ConfigError('SESSION_SECRET is required when NODE_ENV=production');
  const file = join(dataDir, 'session-secret');
  // A DATA_DIR from before the rename keeps its key (changing it would end every session).
  const oldFile = join(dataDir, 'jwt-secret');
  if (!existsSync(file) && existsSync(oldFile)) renameSync(oldFile, file);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
  warn: ConfigWarn = warnOnce,
): AppConfig {
  const production = env.NODE_ENV === 'production';
  const dataDir = resolve(cwd, env.DATA_DIR || '.data');
  const databaseUrl = env.DATABASE_URL || null;
  // The embedded server is for development and the demo; a production deployment names its database.
  if (production && !databaseUrl) throw new ConfigError('DATABASE_URL is required when NODE_ENV=production');
  const sessionSecret = resolveSecret(env, dataDir, production, warn);
  const totpSecretKey = env.TOTP_SECRET_KEY || sessionSecret;
  if (totpSecretKey.length < 32) throw new ConfigError('TOTP_SECRET_KEY must be at least 32 characters');
  return Object.freeze({
    port: intSetting(env, 'PORT', 3000),
    host: env.HOST || '0.0.0.0',
    production,
    databaseUrl,
    appDatabaseUrl: env.APP_DATABASE_URL || null,
    dataDir,
    sessionSecret,
    totpSecretKey,
    sessionTtlHours: intSetting(env, 'SESSION_TTL_HOURS', 12),
    sessionCacheSeconds: intSetting(env, 'SESSION_CACHE_SECONDS', 60),
    loginRateLimits: {
      maxFailuresPerUser: intSetting(env, 'LOGIN_MAX_FAILURES_PER_USER', 5),
      userDelaySeconds: intSetting(env, 'LOGIN_USER_DELAY_SECONDS', 1),
      userDelayMaxSeconds: intSetting(env, 'LOGIN_USER_DELAY_MAX_SECONDS', 300),
      maxFailuresPerAddress: intSetting(env, 'LOGIN_MAX_FAILURES_PER_ADDRESS', 30),
      windowSeconds: intSetting(env, 'LOGIN_RATE_WINDOW_SECONDS', 900),
    },
    // None by default, in production too: without a proxy that sets it, X-Forwarded-For is whatever the client wrote.
    trustProxyHops: intSetting(env, 'TRUST_PROXY', 0),
    auditRetentionDays: checkAuditRetention(intSetting(env, 'AUDIT_RETENTION_DAYS', 365)),
    // Demo users with the password "demo" exist only on the embedded default, never in production.
    seedDemo: !production && !databaseUrl && env.SEED_DEMO !== 'false',
    webDistDir: resolve(__dirname, '../../../web/dist'),
    logLevel: env.LOG_LEVEL || (production ? 'info' : 'warn'),
    smtp: smtpSettings(env),
    publicUrl: env.APP_PUBLIC_URL?.trim().replace(/\/+$/, '') || null,
    reminderCron: env.REMINDER_CRON === undefined ? '0 8 * * *' : env.REMINDER_CRON.trim() || null,
    exportTtlHours: Math.max(1, intSetting(env, 'EXPORT_TTL_HOURS', 24)),
    importMaxBytes: Math.max(1, intSetting(env, 'IMPORT_MAX_MB', DEFAULT_IMPORT_MAX_MB)) * 1024 * 1024,
    jobs: {
      pollSeconds: Math.max(1, intSetting(env, 'JOB_POLL_SECONDS', 1)),
      cronMonitorSeconds: Math.max(1, intSetting(env, 'JOB_CRON_MONITOR_SECONDS', 30)),
    },
  });
}
