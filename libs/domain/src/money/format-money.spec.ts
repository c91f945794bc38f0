import { formatYuan, toWanYuan } from './format-money';
import { parseMoney } from './parse-money';

describe('formatYuan', () => {
  it.each([
    ['18963662.79', '18,963,662.79'],
    ['10590800', '10,590,800.00'],
    ['213500.00', '213,500.00'],
    ['999.9', '999.90'],
    ['1000', '1,000.00'],
    ['0', '0.00'],
    ['-1234.5', '-1,234.50'],
    ['9999999999999999.99', '9,999,999,999,999,999.99'],
  ])('%s → %s', (value, shown) => {
    expect(formatYuan(value)).toBe(shown);
  });

  it('round-trips through parseMoney', () => {
    const parsed = parseMoney(formatYuan('18963662.79'));
    expect(parsed).toEqual({ ok: true, value: '18963662.79' });
  });

  it('returns text that is not a number unchanged', () => {
    expect(formatYuan('abc')).toBe('abc');
  });
});

describe('toWanYuan', () => {
  it.each([
    ['18963662.79', '1896.37'],
    ['10590800.00', '1059.08'],
    ['213500', '21.35'],
    ['12312800', '1231.28'],
    ['50', '0.01'], // 0.005 rounds half up
    ['49.99', '0.00'],
    ['125', '0.01'], // 0.0125
    ['150', '0.02'], // 0.015 rounds half up, not to even
    ['0', '0.00'],
  ])('%s 元 → %s 万元', (yuan, wan) => {
    expect(toWanYuan(yuan)).toBe(wan);
  });

  it('throws on a value that is not a number', () => {
    expect(() => toWanYuan('1,000')).toThrow(RangeError);
  });
});
