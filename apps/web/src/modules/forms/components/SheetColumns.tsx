/**
 * The grid of the paper form: the block labels, then five columns shared by every part —
 * header (label | value×3 | label | value), funds (label | amount×2 | label | amount),
 * goals (项目总目标×3 | 年度总目标×2) and indicators (一级 | 二级 | 三级×2 | 年度指标值).
 */
export function SheetColumns({ actions = false }: { actions?: boolean }) {
  return (
    <colgroup>
      <col className="sheet-col-side" />
      <col className="sheet-col-a" />
      <col className="sheet-col-b" />
      <col className="sheet-col-c1" />
      <col className="sheet-col-c2" />
      <col className="sheet-col-e" />
      {actions && <col className="sheet-col-actions" />}
    </colgroup>
  );
}
