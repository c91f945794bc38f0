import { groupMoneyInput, moneyForInput } from './group-money-input';
import { parseMoney } from './parse-money';

/** `|` marks the caret: `'1,23|4'` → text `1,234`, caret 4. */
const at = (marked: string) => ({ text: marked.replace('|', ''), caret: marked.indexOf('|') });

describe('groupMoneyInput', () => {
  it.each([
    ['1|', '1|'],
    ['1234|', '1,234|'],
    ['1896366|', '1,896,366|'],
    ['18963662.79|', '18,963,662.79|'],
    ['18,963,662.7|', '18,963,662.7|'],
    ['0.5|', '0.5|'],
    ['1234.|', '1,234.|'],
    ['.5|', '.5|'],
    ['|', '|'],
  ])('typing at the end: %s → %s', (typed, shown) => {
    expect(groupMoneyInput(at(typed).text, at(typed).caret)).toEqual(at(shown));
  });

  it.each([
    // a digit typed in the middle: the caret stays right after it
    ['12,36|45', '123,6|45'],
    ['5|1,234', '5|1,234'],
    ['5|234', '5|,234'],
    ['1,2345|,678', '12,345|,678'],
    // a digit deleted in the middle
    ['1,|34,567', '1|34,567'],
    // pasted with the separators in the wrong places
    ['1,2,3,4|', '1,234|'],
    // decimals are not grouped
    ['1234.5678|', '1,234.5678|'],
  ])('editing inside: %s → %s', (typed, shown) => {
    expect(groupMoneyInput(at(typed).text, at(typed).caret)).toEqual(at(shown));
  });

  it('Backspace right after a separator deletes the digit before it (not just the comma, which would come back)', () => {
    // "1,234,567" with the caret after the first comma; Backspace removes the comma …
    const previous = '1,234,567';
    expect(groupMoneyInput('1234,567', 1, { previous, direction: 'backward' })).toEqual(at('|234,567'));
    expect(groupMoneyInput('12,345678', 6, { previous: '12,345,678', direction: 'backward' })).toEqual(
      at('1,234|,678'),
    );
  });

  it('Delete right before a separator deletes the digit after it', () => {
    expect(groupMoneyInput('1234,567', 1, { previous: '1,234,567', direction: 'forward' })).toEqual(at('1|34,567'));
  });

  it('a deleted separator with no digit on that side changes nothing more', () => {
    // ",234" cannot happen from grouping, but pasted text can start with one
    expect(groupMoneyInput('234', 0, { previous: ',234', direction: 'backward' })).toEqual(at('|234'));
  });

  it.each([
    ['abc', 3],
    ['-1234', 5],
    ['１２３４', 4], // full-width digits: parseMoney reads them; grouping leaves them alone
    ['12 345', 6],
    ['0012', 4], // leading zeros: kept as typed (parseMoney reads 12)
    ['1.2.3', 5],
    ['1234元', 5],
  ])('leaves %s as typed (not an amount in the making)', (text, caret) => {
    expect(groupMoneyInput(text, caret)).toEqual({ text, caret });
  });

  it('never changes the amount: what it shows reads back as what was typed', () => {
    for (const typed of ['1', '12', '123456', '1234567.8', '9999999999999999.99', '0.00', '1000000']) {
      const shown = groupMoneyInput(typed, typed.length).text;
      expect(parseMoney(shown)).toEqual(parseMoney(typed));
    }
  });

  it('puts the caret at the end when none is given', () => {
    expect(groupMoneyInput('1234567')).toEqual(at('1,234,567|'));
  });
});

describe('moneyForInput', () => {
  it.each([
    ['18963662.79', '18,963,662.79'],
    ['8927300.00', '8,927,300.00'],
    ['0.00', '0.00'],
    ['1000', '1,000'],
    ['12.5', '12.5'],
  ])('a stored amount %s opens as %s (grouped, its decimals as stored)', (stored, shown) => {
    expect(moneyForInput(stored)).toBe(shown);
    expect(parseMoney(shown)).toEqual(parseMoney(stored));
  });

  it('blank stays blank', () => {
    expect(moneyForInput(null)).toBe('');
    expect(moneyForInput('')).toBe('');
  });
});
