import type { FiscalYearCopied } from '@jxt/contracts';

/** What 开启新年度 copied, in one line: 从 2021 年度复制：指标体系 12 项、功能分类科目 30 项、评分规则（第 2 版）、截止日期 3 项. */
export function copiedText(copied: FiscalYearCopied): string {
  const parts = [
    `指标体系 ${copied.taxonomyNodes} 项`,
    `功能分类科目 ${copied.functionClasses} 项`,
    copied.scoringPolicyVersion === null
      ? '评分规则（上年度未保存，沿用默认规则）'
      : `评分规则（第 ${copied.scoringPolicyVersion} 版）`,
    `截止日期 ${copied.deadlines} 项`,
  ];
  return `从 ${copied.fromYear} 年度复制：${parts.join('、')}`;
}

/** The year 开启新年度 opens next: the one after the latest opened (or this year when none was). */
export function nextYear(years: readonly { year: number; status: string | null }[], now: number): number {
  const opened = years.filter((y) => y.status !== null).map((y) => y.year);
  return opened.length ? Math.max(...opened) + 1 : now;
}
