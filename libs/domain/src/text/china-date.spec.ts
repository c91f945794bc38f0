import { chinaDateParts } from './china-date';

describe('chinaDateParts', () => {
  it('prints the date in China time: 16:30 UTC on 31 December is already 1 January in Shanghai', () => {
    expect(chinaDateParts('2021-12-31T16:30:00Z')).toEqual({ year: '2022', month: '1', day: '1' });
  });

  it('keeps the day when it is the same in both zones, without leading zeros', () => {
    expect(chinaDateParts('2021-03-05T02:00:00Z')).toEqual({ year: '2021', month: '3', day: '5' });
  });

  it('answers null for a text that is no moment', () => {
    expect(chinaDateParts('not a date')).toBeNull();
  });
});
