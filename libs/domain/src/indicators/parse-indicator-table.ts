import type { TaxonomyNode } from '@jxt/contracts';

/** One 三级指标 read from a pasted table, placed under the year's taxonomy. */
export interface PastedIndicator {
  level1Code: string;
  level2Code: string;
  name: string;
  rawValue: string;
}

export interface PastedTableProblem {
  /** 1-based line of the pasted text. */
  line: number;
  message: string;
}

export interface PastedTable {
  indicators: PastedIndicator[];
  problems: PastedTableProblem[];
}

/** Does this clipboard text look like cells copied from Excel or WPS (at least two tab-separated columns)? */
export function looksLikeIndicatorTable(text: string): boolean {
  return text.includes('\t');
}

// 产出指标 is also written 产出; full-width and surrounding blanks do not matter.
const labelKey = (label: string) => label.replace(/\s+/g, '').replace(/指标$/, '');

/** A cell as Excel copies it: a cell holding a tab, a quote or a line break comes quoted, with "" for ". */
function unquote(cell: string): string {
  const trimmed = cell.trim();
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed
        .slice(1, -1)
        .replace(/""/g, '"')
        .replace(/\s*[\r\n]+\s*/g, '')
    : trimmed;
}

/**
 * Reads an indicator table pasted from Excel or WPS (docs/domain.md §3): rows of 一级指标, 二级指标, 三级指标,
 * 指标值, tab-separated, as the printed form's indicator block is laid out. A blank 一级 or 二级 cell repeats the one
 * above (merged cells copy as blanks). Levels are matched to the year's taxonomy by label, with or without the
 * trailing 指标 (产出 = 产出指标), or by code. A header row (…三级指标…) is skipped. Rows that cannot be placed
 * are reported by line and left out, as are rows under a retired (停用) node; nothing is invented.
 */
export function parseIndicatorTable(text: string, taxonomy: readonly TaxonomyNode[]): PastedTable {
  const level1 = new Map<string, TaxonomyNode>();
  const level2 = new Map<string, TaxonomyNode[]>();
  for (const node of taxonomy) {
    if (node.level === 1) {
      level1.set(labelKey(node.label), node);
      level1.set(node.code, node);
    } else {
      for (const key of [labelKey(node.label), node.code]) level2.set(key, [...(level2.get(key) ?? []), node]);
    }
  }

  const indicators: PastedIndicator[] = [];
  const problems: PastedTableProblem[] = [];
  let current1: TaxonomyNode | undefined;
  let current2: TaxonomyNode | undefined;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((line, index) => {
    const number = index + 1;
    if (line.trim() === '') return;
    const cells = line.split('\t').map(unquote);
    // 一级, 二级, 三级, 指标值; three columns leave out 一级 (it follows from 二级), two are 三级 and 指标值 alone.
    const [c1, c2, name, rawValue] =
      cells.length >= 4 ? cells : cells.length === 3 ? ['', ...cells] : ['', '', cells[0], cells[1] ?? ''];
    if (name === '三级指标' || (c2 === '二级指标' && c1 === '一级指标')) return;

    if (c1) {
      const found = level1.get(labelKey(c1));
      if (!found) {
        problems.push({ line: number, message: `第 ${number} 行：一级指标“${c1}”不在本年度指标体系中` });
        current1 = undefined;
        current2 = undefined;
        return;
      }
      if (found !== current1) current2 = undefined;
      current1 = found;
    }
    if (c2) {
      const candidates = level2.get(labelKey(c2)) ?? [];
      // Under the 一级 in force; a three-column table names no 一级, so its 二级 must say which by itself.
      const placed =
        candidates.find((n) => n.parentCode === current1?.code) ??
        (cells.length < 4 && candidates.length === 1 ? candidates[0] : undefined);
      if (!placed) {
        problems.push({
          line: number,
          message: current1
            ? `第 ${number} 行：二级指标“${c2}”不属于${current1.label}`
            : `第 ${number} 行：二级指标“${c2}”不在本年度指标体系中`,
        });
        return;
      }
      current2 = placed;
      current1 = taxonomy.find((n) => n.level === 1 && n.code === placed.parentCode) ?? current1;
    }
    if (!name) {
      if (rawValue) problems.push({ line: number, message: `第 ${number} 行：缺少三级指标名称` });
      return;
    }
    if (!current1 || !current2) {
      problems.push({ line: number, message: `第 ${number} 行：“${name}”缺少一级或二级指标` });
      return;
    }
    // A retired node (停用) is offered for no new indicator; forms that use it keep theirs.
    const retired = current1.retired ? current1 : current2.retired ? current2 : undefined;
    if (retired) {
      const level = retired === current1 ? '一级' : '二级';
      problems.push({
        line: number,
        message: `第 ${number} 行：${level}指标“${retired.label}”已停用，不能新增“${name}”`,
      });
      return;
    }
    indicators.push({ level1Code: current1.code, level2Code: current2.code, name, rawValue: rawValue ?? '' });
  });
  return { indicators, problems };
}
