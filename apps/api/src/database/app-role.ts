import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { AppConfig } from '../config/app-config';
import { withCredentials } from './urls';

/** The role the app connects as: owns nothing, cannot bypass row-level security (created by the TenantIsolation migration). */
export const APP_ROLE = 'jxt_app';

function appRolePassword(config: AppConfig): string {
  const fromEnv = process.env.APP_DB_PASSWORD;
  if (fromEnv) return fromEnv;
  const file = join(config.dataDir, 'app-db-password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, password + '\n', { mode: 0o600 });
  return password;
}

/**
 * Gives the app role a login and password (run as the owner after migrations) and returns the URL the app uses.
 * With APP_DATABASE_URL set, the operator manages that role and this does nothing.
 */
export async function ensureAppRole(ownerUrl: string, config: AppConfig): Promise<string> {
  if (config.appDatabaseUrl) return config.appDatabaseUrl;
  const password = appRolePassword(config);
  const appUrl = withCredentials(ownerUrl, APP_ROLE, password);
  // Several processes may start at once (API replicas, test workers): when the role already logs in with this
  // password there is nothing to change, and a concurrent ALTER ROLE would only race ("tuple concurrently updated").
  if (await canLogIn(appUrl)) return appUrl;
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const literal = "'" + password.replace(/'/g, "''") + "'";
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`ALTER ROLE ${APP_ROLE} WITH LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD ${literal}`);
        break;
      } catch (err) {
        if (attempt >= 3 || !/concurrently updated/.test((err as Error).message)) throw err;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
  } finally {
    await client.end();
  }
  return appUrl;
}

async function canLogIn(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
