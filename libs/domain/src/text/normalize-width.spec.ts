import { isBlank, removeWhitespace, toHalfWidth } from './normalize-width';

describe('toHalfWidth', () => {
  it('maps full-width ASCII forms to half-width', () => {
    expect(toHalfWidth('＝１００％')).toBe('=100%');
    expect(toHalfWidth('＞＝９９．５')).toBe('>=99.5');
    expect(toHalfWidth('１，０００')).toBe('1,000');
    expect(toHalfWidth('ＡＢｃ')).toBe('ABc');
  });

  it('keeps Chinese text and non-ASCII symbols unchanged', () => {
    expect(toHalfWidth('提升')).toBe('提升');
    expect(toHalfWidth('≧、。')).toBe('≧、。');
  });

  it('maps the ideographic space to a plain space', () => {
    expect(toHalfWidth('a\u3000b')).toBe('a b');
  });
});

describe('removeWhitespace / isBlank', () => {
  it('removes ASCII, ideographic and no-break spaces', () => {
    expect(removeWhitespace(' ≥ 90\t%\u3000\u00a0\n')).toBe('≥90%');
  });

  it('tells blank text apart', () => {
    expect(isBlank(null)).toBe(true);
    expect(isBlank(undefined)).toBe(true);
    expect(isBlank('')).toBe(true);
    expect(isBlank(' \u3000\n')).toBe(true);
    expect(isBlank(' 0 ')).toBe(false);
  });
});
