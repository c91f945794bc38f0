import { generateSecret, generateURI, verifySync } from 'otplib';

/** RFC 6238 with the authenticator apps' parameters: SHA-1, 6 digits, 30 s; one step of clock drift either way. */
const PERIOD = 30;
const TOLERANCE = PERIOD;

export const TOTP_ISSUER = '绩效通';

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, username: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: username, secret });
}

/** The time step of a right code (to refuse it, and any older one, from then on), or null. */
export function verifyTotp(secret: string, code: string, afterStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const result = verifySync({
    secret,
    token: code,
    period: PERIOD,
    epochTolerance: TOLERANCE,
    ...(afterStep !== null && { afterTimeStep: afterStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}
