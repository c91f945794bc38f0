import { ChallengeSigner, newRecoveryCodes, RecoveryCodeHasher, SecretBox } from './second-factor-crypto';

const KEY = 'k'.repeat(40);

describe('second-factor crypto', () => {
  it('seals a TOTP secret so that only the same key opens it, and refuses an altered one', () => {
    const box = new SecretBox(KEY);
    const sealed = box.seal('JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.seal('JBSWY3DPEHPK3PXP')).not.toBe(sealed); // a fresh IV each time
    expect(box.open(sealed)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => new SecretBox('x'.repeat(40)).open(sealed)).toThrow();
    const [v, iv, tag, body] = sealed.split('.');
    // The first character: it always changes the first byte (the last one may carry only padding bits, which decode
    // to the same bytes — the test passed or failed by the random IV's luck).
    const flipped = (body.startsWith('A') ? 'B' : 'A') + body.slice(1);
    expect(() => box.open([v, iv, tag, flipped].join('.'))).toThrow();
  });

  it('accepts its own challenge until it expires, and nothing altered or signed with another key', () => {
    const signer = new ChallengeSigner(KEY);
    const challenge = { userId: 'u', tenantId: 't', username: 'boss', expiresAt: 2_000 };
    const token = signer.sign(challenge);
    expect(signer.verify(token, 1_999)).toEqual(challenge);
    expect(signer.verify(token, 2_000)).toBeNull();
    expect(new ChallengeSigner('x'.repeat(40)).verify(token, 1_000)).toBeNull();
    const forged = Buffer.from(JSON.stringify(['other', 't', 'boss', 2_000])).toString('base64url');
    expect(signer.verify(`${forged}.${token.split('.')[1]}`, 1_000)).toBeNull();
    expect(signer.verify('garbage', 1_000)).toBeNull();
  });

  it('makes ten distinct recovery codes and hashes them whatever the case or separators', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    const hasher = new RecoveryCodeHasher(KEY);
    expect(hasher.hash(codes[0].toUpperCase().replace(/-/g, ' '))).toBe(hasher.hash(codes[0]));
    expect(hasher.hash(codes[0])).not.toBe(hasher.hash(codes[1]));
  });
});
