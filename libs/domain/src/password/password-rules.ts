import { COMMON_PASSWORDS } from './common-passwords';

/** The shortest password any tenant may allow; a tenant's setting may only raise it (等保 2.0 level 3). */
export const PASSWORD_MIN_LENGTH = 10;
/** Longer passwords are refused at the edge (argon2 would hash them, but nobody types 200 characters). */
export const PASSWORD_MAX_LENGTH = 200;

export type PasswordRule = 'length' | 'classes' | 'username' | 'common';

export interface PasswordProblem {
  rule: PasswordRule;
  /** Chinese, for the user: what to change. */
  message: string;
}

export interface PasswordContext {
  /** The account's login name: the password may neither be it nor contain it. */
  username: string;
  /** The tenant's minimum length (never below PASSWORD_MIN_LENGTH). */
  minLength?: number;
}

const CLASSES: { test: RegExp; label: string }[] = [
  { test: /\p{Lu}/u, label: '大写字母' },
  { test: /\p{Ll}/u, label: '小写字母' },
  { test: /\p{Nd}/u, label: '数字' },
  // Anything that is not a letter, digit or white space counts as a symbol (全角 punctuation too).
  { test: /[^\p{L}\p{Nd}\s]/u, label: '符号' },
];

let common: ReadonlySet<string> | null = null;
const commonPasswords = () => (common ??= new Set(COMMON_PASSWORDS));

/** Which of upper case, lower case, digits and symbols the password uses. */
export function passwordClasses(password: string): { label: string; present: boolean }[] {
  return CLASSES.map(({ test, label }) => ({ label, present: test.test(password) }));
}

/**
 * Every rule a new password breaks, in the order the user should fix them (empty: acceptable). The same function
 * refuses the password in the API (400 naming the field) and gives the SPA its live feedback.
 */
export function checkPassword(password: string, context: PasswordContext): PasswordProblem[] {
  const minLength = Math.max(PASSWORD_MIN_LENGTH, context.minLength ?? PASSWORD_MIN_LENGTH);
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < minLength) problems.push({ rule: 'length', message: `密码至少 ${minLength} 个字符` });
  if (length > PASSWORD_MAX_LENGTH)
    problems.push({ rule: 'length', message: `密码最多 ${PASSWORD_MAX_LENGTH} 个字符` });
  const present = passwordClasses(password).filter((c) => c.present).length;
  if (present < 3) problems.push({ rule: 'classes', message: '密码须包含大写字母、小写字母、数字、符号中的至少三类' });
  const name = context.username.trim().toLowerCase();
  const lower = password.toLowerCase();
  if (name.length > 0 && lower.includes(name))
    problems.push({ rule: 'username', message: '密码不能是用户名，也不能包含用户名' });
  if (commonPasswords().has(lower)) problems.push({ rule: 'common', message: '密码过于常见，请换一个' });
  return problems;
}

/** The first problem's message, or null when the password is acceptable. */
export function passwordRefusal(password: string, context: PasswordContext): string | null {
  return checkPassword(password, context)[0]?.message ?? null;
}
