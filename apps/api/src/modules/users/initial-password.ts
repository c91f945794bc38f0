import { randomInt } from 'node:crypto';
import { checkPassword } from '@jxt/domain';

// No characters that are read one for the other when the admin reads the password out (0/O, 1/l/I).
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '#%+=@-_';
const ALL = UPPER + LOWER + DIGITS + SYMBOLS;

const pick = (alphabet: string) => alphabet[randomInt(alphabet.length)];

/**
 * An initial or reset password the admin hands over once (the user must change it at the first login): at least 14
 * characters from a CSPRNG, all four character classes, and it passes the same rules as any password.
 */
export function generateInitialPassword(username: string, minLength: number): string {
  const length = Math.max(14, minLength);
  for (;;) {
    const chars = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SYMBOLS)];
    while (chars.length < length) chars.push(pick(ALL));
    // Fisher–Yates, so the four guaranteed classes do not always lead.
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j], chars[i]];
    }
    const password = chars.join('');
    if (checkPassword(password, { username, minLength }).length === 0) return password;
  }
}
