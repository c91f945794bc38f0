import { findBadText, jsonNestsDeeperThan, MAX_JSON_DEPTH, textProblem } from './request-input';

describe('textProblem: what PostgreSQL cannot store', () => {
  it('names a NUL byte and an unpaired surrogate, and takes any other text', () => {
    expect(textProblem('a\u0000b')).toMatch(/空字符/);
    expect(textProblem('\uD800')).toMatch(/Unicode/);
    expect(textProblem('x\uDC00')).toMatch(/Unicode/);
    for (const ok of ['', '绩效目标', '😀 emoji (a pair)', '\u0001\u001f\t\n', 'é'.normalize('NFD')])
      expect(textProblem(ok)).toBeNull();
  });
});

describe('findBadText: the path of the first bad string or key', () => {
  it('walks objects and arrays and names the field with dots', () => {
    const body = {
      rowVersion: 1,
      indicators: { year: [{ children: [{ indicators: [{ name: 'ok' }, { name: 'x\u0000' }] }] }] },
    };
    expect(findBadText(body, 'body')).toEqual({
      field: 'indicators.year.0.children.0.indicators.1.name',
      message: expect.stringMatching(/空字符/),
    });
  });

  it('finds a bad key, a bad string alone, and nothing in clean input', () => {
    expect(findBadText({ weights: { 'out\u0000put': '50' } }, 'body')?.field).toBe('weights.out\u0000put');
    expect(findBadText('a\u0000', 'body')?.field).toBe('body');
    expect(findBadText({ a: [1, null, true, 'b'], c: { d: '绩效' } }, 'body')).toBeUndefined();
  });

  it('reports the first one in document order', () => {
    expect(findBadText({ a: 'x\u0000', b: 'y\u0000' }, 'body')?.field).toBe('a');
  });

  it('walks a structure far deeper than the stack allows to recurse', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(findBadText(deep, 'body')?.field).toMatch(/^(0\.){19999}0$/);
  });
});

describe('jsonNestsDeeperThan', () => {
  const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);

  it('counts objects and arrays inside each other, not beside each other', () => {
    expect(jsonNestsDeeperThan(nested(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
    expect(jsonNestsDeeperThan(nested(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
    expect(jsonNestsDeeperThan(JSON.stringify(Array(1000).fill({ a: [1] })), 3)).toBe(false);
    expect(jsonNestsDeeperThan('{"a":{"b":{"c":{}}}}', 3)).toBe(true);
  });

  it('ignores brackets in strings, escaped quotes included', () => {
    expect(jsonNestsDeeperThan(JSON.stringify({ a: '[[[[{{{{"\\"[[[[' }), 1)).toBe(false);
    expect(jsonNestsDeeperThan(Buffer.from(JSON.stringify({ 名称: '【[' + '['.repeat(50) }), 'utf8'), 1)).toBe(false);
  });
});
