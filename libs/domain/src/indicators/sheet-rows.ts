/**
 * The rows of the printed 绩效指标 table: one per 三级指标, the 一级/二级指标 cells merged (rowSpan)
 * over their rows, as on the paper form. A group without rows still takes one row, so that it shows.
 * The web sheet, the editor and the .xlsx export lay the table out with it (docs/domain.md §3).
 */
export interface IndicatorTreeLike<I> {
  children: ReadonlyArray<{ indicators: readonly I[] }>;
}

export interface SheetRow<I> {
  /** Indices into the tree; `l2` is -1 for a level-1 group without level-2 groups. */
  l1: number;
  l2: number;
  /** -1 for a group without indicators. */
  index: number;
  indicator: I | null;
  /** rowSpan of the 一级指标 cell on this row; 0 when the cell above covers it. */
  level1Span: number;
  level2Span: number;
  /** 1-based number among the 三级指标 (0 for an empty group row). */
  rowNumber: number;
  /** First / last 三级指标 of its 二级指标 group. */
  first: boolean;
  last: boolean;
}

export function layoutIndicatorRows<I>(groups: ReadonlyArray<IndicatorTreeLike<I>>): SheetRow<I>[] {
  const rows: SheetRow<I>[] = [];
  let rowNumber = 0;
  groups.forEach((level1, l1) => {
    const level1Span = level1.children.reduce((sum, level2) => sum + Math.max(1, level2.indicators.length), 0) || 1;
    if (level1.children.length === 0) {
      rows.push({
        l1,
        l2: -1,
        index: -1,
        indicator: null,
        level1Span,
        level2Span: 1,
        rowNumber: 0,
        first: true,
        last: true,
      });
      return;
    }
    level1.children.forEach((level2, l2) => {
      const level2Span = Math.max(1, level2.indicators.length);
      const span1 = l2 === 0 ? level1Span : 0;
      if (level2.indicators.length === 0) {
        rows.push({
          l1,
          l2,
          index: -1,
          indicator: null,
          level1Span: span1,
          level2Span,
          rowNumber: 0,
          first: true,
          last: true,
        });
        return;
      }
      level2.indicators.forEach((indicator, index) => {
        rowNumber += 1;
        rows.push({
          l1,
          l2,
          index,
          indicator,
          level1Span: index === 0 ? span1 : 0,
          level2Span: index === 0 ? level2Span : 0,
          rowNumber,
          first: index === 0,
          last: index === level2.indicators.length - 1,
        });
      });
    });
  });
  return rows;
}
