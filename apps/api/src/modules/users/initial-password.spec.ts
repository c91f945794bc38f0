import { checkPassword, passwordClasses } from '@jxt/domain';
import { generateInitialPassword } from './initial-password';

describe('generateInitialPassword', () => {
  it('gives passwords that pass the password rules, with all four classes, long enough, and different each time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const password = generateInitialPassword('zhang.san', 10);
      expect(password.length).toBeGreaterThanOrEqual(14);
      expect(checkPassword(password, { username: 'zhang.san', minLength: 10 })).toEqual([]);
      expect(passwordClasses(password).every((c) => c.present)).toBe(true);
      expect(password).not.toMatch(/[0O1lI]/);
      seen.add(password);
    }
    expect(seen.size).toBe(200);
  });

  it("follows a tenant's longer minimum length", () => {
    expect(generateInitialPassword('li', 30)).toHaveLength(30);
  });
});
