import { COMMON_PASSWORDS } from './common-passwords';
import { checkPassword, passwordClasses, passwordRefusal, PASSWORD_MIN_LENGTH } from './password-rules';

const rules = (password: string, username = 'zhangsan', minLength?: number) =>
  checkPassword(password, { username, minLength }).map((p) => p.rule);

describe('checkPassword', () => {
  it('accepts ten characters of three classes that are neither the name nor common', () => {
    expect(rules('Kx7#pqrmwz')).toEqual([]);
    expect(rules('kx7#pqrmwzab')).toEqual([]); // lower, digit, symbol
    expect(rules('KX7PQRMWZab')).toEqual([]); // upper, lower, digit
    expect(passwordRefusal('Kx7#pqrmwz', { username: 'zhangsan' })).toBeNull();
  });

  it('refuses fewer than ten characters, and fewer than the tenant asks for', () => {
    expect(rules('Kx7#pqrmw')).toEqual(['length']);
    expect(checkPassword('Kx7#pqrmw', { username: 'u' })[0].message).toBe('密码至少 10 个字符');
    expect(rules('Kx7#pqrmwzab', 'zhangsan', 14)).toEqual(['length']);
    expect(checkPassword('Kx7#pqrmwzab', { username: 'u', minLength: 14 })[0].message).toBe('密码至少 14 个字符');
  });

  it('never lets a tenant lower the minimum below ten', () => {
    expect(rules('Kx7#pqrm', 'zhangsan', 6)).toEqual(['length']);
    expect(PASSWORD_MIN_LENGTH).toBe(10);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(rules('密码Kx7#pqrmw')).toEqual([]);
    expect(rules('😀😀😀😀Kx7#a')).toEqual(['length']);
  });

  it('needs three of upper case, lower case, digits and symbols', () => {
    expect(rules('abcdefghijk')).toEqual(['classes']);
    expect(rules('abcdefghij12')).toEqual(['classes']);
    expect(rules('ABCDEFGHij')).toEqual(['classes']);
    expect(rules('abcdefgh!!')).toEqual(['classes']);
    expect(rules('abcdefgh！9')).toEqual([]); // a 全角 symbol counts
    expect(passwordClasses('aB3!').every((c) => c.present)).toBe(true);
    expect(passwordClasses('ab').map((c) => c.present)).toEqual([false, true, false, false]);
  });

  it('refuses the user name, or any password containing it, whatever the case', () => {
    expect(rules('ZhangSan1!x', 'zhangsan')).toEqual(['username']);
    expect(rules('x!9ZHANGSAN', 'ZhangSan')).toEqual(['username']);
    expect(checkPassword('ZhangSan1!x', { username: 'zhangsan' })[0].message).toBe(
      '密码不能是用户名，也不能包含用户名',
    );
    expect(rules('Kx7#pqrmwz', '')).toEqual([]);
  });

  it('refuses a common password in any case', () => {
    expect(rules('Password123!', 'u')).toEqual(['common']);
    expect(rules('P@ssw0rd123', 'u')).toEqual(['common']);
    expect(rules('Woaini1314!', 'u')).toEqual([]);
    expect(rules('WOAINI1314', 'u')).toEqual(['classes', 'common']);
    expect(checkPassword('Password123!', { username: 'u' })[0].message).toBe('密码过于常见，请换一个');
  });

  it('lists every rule broken, in the order to fix them', () => {
    expect(rules('zhangsan', 'zhangsan')).toEqual(['length', 'classes', 'username']);
  });

  it('ships the commonest passwords long enough to matter, lower-cased and without repeats', () => {
    expect(COMMON_PASSWORDS.length).toBeGreaterThan(1500);
    expect(COMMON_PASSWORDS).toContain('password123');
    expect(COMMON_PASSWORDS).toContain('1qaz2wsx3edc');
    expect(COMMON_PASSWORDS.every((p) => p.length >= 10 && p === p.toLowerCase())).toBe(true);
    expect(new Set(COMMON_PASSWORDS).size).toBe(COMMON_PASSWORDS.length);
  });
});
