import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/** A key for one purpose, derived from the configured secret (HKDF-SHA256), so no two uses share a key. */
function subkey(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'jixiaotong', purpose, 32));
}

/**
 * TOTP secrets at rest: AES-256-GCM under a key derived from TOTP_SECRET_KEY (or SESSION_SECRET), so a copy of the
 * database alone (a backup, a dump) does not yield anyone's second factor. `v1.<iv>.<tag>.<ciphertext>`, base64url.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = subkey(secret, 'totp-secret');
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  }

  open(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('unknown sealed secret format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  }
}

/** What a password that was right buys: the right to try a code for this user for a few minutes (no session yet). */
export interface LoginChallenge {
  userId: string;
  tenantId: string;
  username: string;
  /** ms since the epoch */
  expiresAt: number;
}

/** The pending state between the password and the code: signed, short-lived, held by the client. */
export class ChallengeSigner {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = subkey(secret, 'login-challenge');
  }

  sign(challenge: LoginChallenge): string {
    const body = Buffer.from(
      JSON.stringify([challenge.userId, challenge.tenantId, challenge.username, challenge.expiresAt]),
    ).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  /** The challenge, or null when it was not made here, was altered or has expired. */
  verify(token: string, now = Date.now()): LoginChallenge | null {
    const [body, mac] = token.split('.');
    if (!body || !mac) return null;
    const expected = Buffer.from(this.mac(body));
    const sent = Buffer.from(mac);
    if (sent.length !== expected.length || !timingSafeEqual(sent, expected)) return null;
    try {
      const [userId, tenantId, username, expiresAt] = JSON.parse(Buffer.from(body, 'base64url').toString()) as [
        string,
        string,
        string,
        number,
      ];
      return expiresAt > now ? { userId, tenantId, username, expiresAt } : null;
    } catch {
      return null;
    }
  }

  private mac(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url');
  }
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten one-time recovery codes like `k7mq-x3pa-t9dz` (about 70 bits each). */
export function newRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const chars = [...randomBytes(12)].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

/** Recovery codes at rest: a keyed hash (they are random, so a fast hash suffices; the key keeps a dump useless). */
export class RecoveryCodeHasher {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = subkey(secret, 'recovery-code');
  }

  hash(code: string): string {
    const normal = code.toLowerCase().replace(/[^a-z0-9]/g, '');
    return createHmac('sha256', this.key).update(normal).digest('hex');
  }
}
