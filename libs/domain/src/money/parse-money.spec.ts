import { amountForRequest, moneyOrNull, parseMoney } from './parse-money';

describe('parseMoney', () => {
  it.each([
    ['213500', '213500.00'],
    ['1450000.00', '1450000.00'],
    ['1,450,000.00', '1450000.00'],
    ['8927300', '8927300.00'],
    ['  213500  ', '213500.00'],
    ['\u3000213500\u3000', '213500.00'],
    ['２１３５００', '213500.00'],
    ['１，４５０，０００．００', '1450000.00'],
    ['18963662.79', '18963662.79'],
    ['0', '0.00'],
    ['0.5', '0.50'],
    ['007', '7.00'],
    ['9999999999999999.99', '9999999999999999.99'],
  ])('reads %j as %s', (text, value) => {
    expect(parseMoney(text)).toEqual({ ok: true, value });
  });

  it('keeps the exact cents of large amounts (no float rounding)', () => {
    expect(parseMoney('9007199254740993.01')).toEqual({ ok: true, value: '9007199254740993.01' });
  });

  it.each([
    ['1.005', '最多保留两位小数'],
    ['1450000.001', '最多保留两位小数'],
    ['abc', '应为金额数字'],
    ['1 450 000', '应为金额数字'],
    ['1,45,000', '应为金额数字'],
    ['12.', '应为金额数字'],
    ['1e6', '应为金额数字'],
    ['¥100', '应为金额数字'],
    ['-1', '不能为负数'],
    ['－100.00', '不能为负数'],
    ['10000000000000000', '整数部分最多 16 位'],
    ['', '未填写'],
    ['   ', '未填写'],
  ])('refuses %j', (text, fragment) => {
    const result = parseMoney(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(fragment);
  });

  it('names the field in its message', () => {
    expect(parseMoney('x', '项目资金总额')).toEqual({
      ok: false,
      message: '项目资金总额应为金额数字（如 1,450,000.00），不能是“x”',
    });
    expect(parseMoney('-5', '上年结转资金')).toEqual({ ok: false, message: '上年结转资金不能为负数' });
  });

  it('allows 16 integer digits after leading zeros', () => {
    expect(parseMoney('0001234567890123456').ok).toBe(true);
  });
});

describe('moneyOrNull and amountForRequest', () => {
  it('store blank and unreadable amounts as null, and send unreadable ones as typed for the server to name', () => {
    expect(moneyOrNull(' 1,450,000 ')).toBe('1450000.00');
    expect(moneyOrNull('  ')).toBeNull();
    expect(moneyOrNull('八百万')).toBeNull();
    expect(moneyOrNull(null)).toBeNull();
    expect(amountForRequest('8,480,935')).toBe('8480935.00');
    expect(amountForRequest(' ')).toBeNull();
    expect(amountForRequest('八百万')).toBe('八百万');
  });
});
