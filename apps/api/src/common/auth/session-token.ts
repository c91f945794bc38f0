import { createHmac, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'jxt_session';
export const CSRF_COOKIE = 'jxt_csrf';
export const CSRF_HEADER = 'x-csrf-token';

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only this keyed hash is stored, so the session table alone yields no usable token. */
export function hashToken(token: string, secret: string): string {
  return createHmac('sha256', secret).update(token).digest('hex');
}
