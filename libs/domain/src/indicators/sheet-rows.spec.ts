import { layoutIndicatorRows } from './sheet-rows';

const tree = [
  { children: [{ indicators: ['a', 'b'] }, { indicators: ['c'] }] },
  { children: [{ indicators: [] }] },
  { children: [] },
];

describe('layoutIndicatorRows (the printed 绩效指标 table)', () => {
  const rows = layoutIndicatorRows(tree);

  it('gives each 三级指标 a row and an empty group one row, so that it shows', () => {
    expect(rows.map((r) => r.indicator)).toEqual(['a', 'b', 'c', null, null]);
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 3, 0, 0]);
  });

  it('merges the 一级 and 二级 cells over their rows: the span on the first row, 0 beneath', () => {
    expect(rows.map((r) => [r.level1Span, r.level2Span])).toEqual([
      [3, 2],
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 1],
    ]);
  });

  it('marks the first and last rows of each 二级 group', () => {
    expect(rows.slice(0, 3).map((r) => [r.first, r.last])).toEqual([
      [true, false],
      [false, true],
      [true, true],
    ]);
  });
});
