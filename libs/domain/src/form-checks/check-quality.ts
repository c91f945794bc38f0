import type { FieldIssue, IndicatorInput, Level1GroupInput, PublicServiceRule, TaxonomyNode } from '@jxt/contracts';
import { toMoneyDecimal } from '../money/money-decimal';
import { isBlank } from '../text/normalize-width';
import { readTarget as readTargetUncached } from '../value-grammar/read-target';
import { targetDirection } from '../value-grammar/target-direction';
import type { FormCheckInput } from './check-form';

/**
 * The editor runs the checks on every change, and a change touches one field: readings of values and texts seen before
 * are kept (a bounded cache, emptied when full), so a 60-indicator form is checked in well under 5 ms.
 */
const CACHE_LIMIT = 5000;
function cached<T>(compute: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    let value = seen.get(text);
    if (value === undefined) {
      if (seen.size >= CACHE_LIMIT) seen.clear();
      value = compute(text);
      seen.set(text, value);
    }
    return value;
  };
}
const readTarget = cached(readTargetUncached);

/**
 * The 审核要点 a goal-quality check belongs to (财预〔2015〕88号, docs/domain.md §3.3): the contract's `group` of an issue.
 * 完整性 completeness, 相关性 relevance, 适当性 appropriateness, 可行性 feasibility.
 */
export const QUALITY_GROUPS = ['完整性', '相关性', '适当性', '可行性'] as const;
export type QualityGroup = (typeof QUALITY_GROUPS)[number];

/** A goal-quality finding: a warning on the field it concerns, with its 审核要点. */
export type QualityIssue = FieldIssue & { group: QualityGroup };

/** Stable codes of the goal-quality checks (messages may change). */
export const QUALITY_CODES = {
  level1Missing: 'quality.level1_missing',
  timelinessMissing: 'quality.timeliness_missing',
  goalSentenceUncovered: 'quality.goal_sentence_uncovered',
  noQuantitativeOutput: 'quality.no_quantitative_output',
  onlyQualitative: 'quality.only_qualitative',
  percentOutOfRange: 'quality.percent_out_of_range',
  costAboveFunds: 'quality.cost_above_funds',
  plannedDatesExcludeYear: 'quality.planned_dates_exclude_year',
  satisfactionMissing: 'quality.satisfaction_missing',
  duplicateIndicator: 'quality.duplicate_indicator',
  targetWeakerThanLastYear: 'quality.target_weaker_than_last_year',
  unitDiffersFromLibrary: 'quality.unit_differs_from_library',
} as const;
export type QualityCode = (typeof QUALITY_CODES)[keyof typeof QUALITY_CODES];

/** Each goal-quality check with its 审核要点 and what it asks, for the policy screen and the reviewer's checklist. */
export const QUALITY_CHECKS: readonly { code: QualityCode; group: QualityGroup; label: string }[] = [
  { code: QUALITY_CODES.level1Missing, group: '完整性', label: '每个一级指标都有' },
  { code: QUALITY_CODES.satisfactionMissing, group: '完整性', label: '面向公众的项目有满意度指标' },
  {
    code: QUALITY_CODES.timelinessMissing,
    group: '完整性',
    label: '有完成时限的项目有时效指标（计划完成日期或年度总目标写明）',
  },
  { code: QUALITY_CODES.duplicateIndicator, group: '完整性', label: '指标不重复' },
  { code: QUALITY_CODES.goalSentenceUncovered, group: '相关性', label: '年度总目标每一条都有对应指标' },
  { code: QUALITY_CODES.noQuantitativeOutput, group: '相关性', label: '产出指标中有定量指标' },
  { code: QUALITY_CODES.onlyQualitative, group: '相关性', label: '指标不全是定性的（细化量化）' },
  { code: QUALITY_CODES.percentOutOfRange, group: '适当性', label: '百分比在 0–100% 之内（增长率除外）' },
  { code: QUALITY_CODES.costAboveFunds, group: '适当性', label: '成本指标不高于年度资金' },
  { code: QUALITY_CODES.targetWeakerThanLastYear, group: '适当性', label: '延续项目的指标值不低于上年度已审核值' },
  { code: QUALITY_CODES.unitDiffersFromLibrary, group: '适当性', label: '度量单位与指标库一致' },
  { code: QUALITY_CODES.plannedDatesExcludeYear, group: '可行性', label: '计划实施期覆盖本表年度' },
];

/** Last year's approved targets of the same project (延续), as the API finds them. */
export interface PreviousTargets {
  year: number;
  indicators: readonly { level1Code: string; level2Code: string; name: string; rawValue: string }[];
}

/** What the checks read beyond the form: last year's approved targets and the tenant's rule for public service. */
export interface QualityContext {
  previous?: PreviousTargets | null;
  publicService?: PublicServiceRule;
  /** The 指标库's typical 度量单位 by indicator name, of the entries the form's unit sees (共性, its own, above it). */
  libraryUnits?: Readonly<Record<string, string>> | null;
}

/**
 * Projects that serve the public and so should ask their users (满意度): by 项目类别, by 功能分类科目 (教育, 文化旅游体育与
 * 传媒, 社会保障和就业, 卫生健康, 城乡社区, 住房保障) or by words of the project's name. A tenant sets its own.
 */
export const DEFAULT_PUBLIC_SERVICE_RULE: PublicServiceRule = {
  categoryCodes: [],
  functionClassPrefixes: ['205', '207', '208', '210', '212', '221'],
  nameWords: ['市民', '公众', '群众', '居民', '服务对象', '学生', '患者', '老年'],
};

const OUTPUT = 'output';
const SATISFACTION = 'satisfaction';
const TIMELINESS = 'timeliness';
const COST = 'cost';

/**
 * Function words and words every goal and indicator shares, left out before goal sentences and indicator names are
 * compared: a sentence is not "covered" by an indicator because both say 完成 or 工作.
 */
const STOP_WORDS = [
  '是否',
  '完成',
  '工作',
  '做好',
  '确保',
  '保障',
  '全年度',
  '全年',
  '年度',
  '年末',
  '相关',
  '进行',
  '开展',
  '情况',
  '及时',
  '有效',
  '要求',
  '项目',
  '费用',
];

/** A growth or increase rate may exceed 100 %. */
const GROWTH = /增长|增幅|增速|提高率|提升率|上升率/;

/**
 * The goal-quality checks of docs/domain.md §3.3 that read the form alone: every 一级指标 present, a 时效指标 when the
 * project has a planned end, each 年度总目标 sentence covered by an indicator (character bigrams), a quantitative
 * 产出指标, not only qualitative values, percentages within 0–100 % (growth rates excepted), a 成本指标 not above the
 * year's funds, and the planned dates covering the form's year. All are warnings: they never block a save.
 */
export function checkGoalQuality(
  content: FormCheckInput,
  taxonomy: readonly TaxonomyNode[],
  year?: number,
  context: QualityContext = {},
): QualityIssue[] {
  const issues: QualityIssue[] = [];
  const warn = (group: QualityGroup, field: string, code: QualityCode, message: string) =>
    issues.push({ field, severity: 'warning', code, message, group });
  const groups = content.indicators.year;
  const indicators = flatten(groups);

  // 完整性
  const present = new Set(groups.filter((g) => g.children.some((c) => c.indicators.length)).map((g) => g.code));
  const servesPublic = servesThePublic(content.project, context.publicService ?? DEFAULT_PUBLIC_SERVICE_RULE);
  for (const level1 of taxonomy.filter((n) => n.level === 1 && !n.retired)) {
    if (present.has(level1.code)) continue;
    // A project serving the public hears of its missing 满意度 once, by the stronger check.
    if (level1.code === SATISFACTION && servesPublic)
      warn(
        '完整性',
        'indicators.year',
        QUALITY_CODES.satisfactionMissing,
        `项目面向公众，年度绩效指标应有${level1.label}（如服务对象满意度）`,
      );
    else warn('完整性', 'indicators.year', QUALITY_CODES.level1Missing, `年度绩效指标缺少${level1.label}`);
  }
  // The same indicator under two 二级指标 (within one, checkIndicatorTree already says so).
  const firstPlace = new Map<string, string>();
  for (const i of indicators) {
    const key = nameKey(i.indicator.name);
    if (!key) continue;
    const seen = firstPlace.get(key);
    if (seen === undefined) firstPlace.set(key, i.level2);
    else if (seen !== i.level2)
      warn('完整性', `${i.path}.name`, QUALITY_CODES.duplicateIndicator, `指标“${i.indicator.name.trim()}”重复出现`);
  }
  const deadline = content.project.plannedEnd ? null : deadlineIn(content.annualGoal ?? '');
  if (
    (content.project.plannedEnd || deadline) &&
    indicators.length &&
    !indicators.some((i) => i.level2 === TIMELINESS && i.indicator.name.trim())
  )
    warn(
      '完整性',
      'indicators.year',
      QUALITY_CODES.timelinessMissing,
      deadline
        ? `年度总目标写有完成时限“${deadline}”，年度绩效指标中没有时效指标`
        : '项目有计划完成日期，年度绩效指标中没有时效指标',
    );

  // 相关性
  const names = indicators.map((i) => bigrams(i.indicator.name));
  goalSentences(content.annualGoal ?? '').forEach((sentence, n) => {
    const words = bigrams(sentence);
    if (words.size && indicators.length && !names.some((name) => [...name].some((w) => words.has(w))))
      warn(
        '相关性',
        'annualGoal',
        QUALITY_CODES.goalSentenceUncovered,
        `年度总目标第 ${n + 1} 条“${shorten(sentence)}”没有对应的绩效指标`,
      );
  });
  const targets = indicators.map((i) => ({ ...i, target: readTarget(i.indicator.rawValue).target }));
  const outputs = targets.filter((t) => t.level1 === OUTPUT);
  if (outputs.length && !outputs.some((t) => t.target.kind === 'quantitative'))
    warn('相关性', 'indicators.year', QUALITY_CODES.noQuantitativeOutput, '产出指标中没有定量指标（如“=2次”“>=90%”）');
  const judged = targets.filter((t) => t.target.kind !== 'empty' && t.target.kind !== 'invalid');
  // 是/否 is no more quantified than a word.
  if (judged.length && judged.every((t) => t.target.kind === 'qualitative' || t.target.kind === 'boolean'))
    warn('相关性', 'indicators.year', QUALITY_CODES.onlyQualitative, '年度绩效指标全部为定性指标，未细化量化');

  // 适当性
  const annual = content.funds.annualAmount;
  for (const t of targets) {
    if (t.target.kind !== 'quantitative') continue;
    const value = toMoneyDecimal(t.target.value);
    if (t.target.unit === '%' && !GROWTH.test(t.indicator.name) && (value.lessThan(0) || value.greaterThan(100)))
      warn(
        '适当性',
        `${t.path}.rawValue`,
        QUALITY_CODES.percentOutOfRange,
        `“${t.indicator.name}”的指标值 ${t.indicator.rawValue} 超出 0–100%`,
      );
    const yuan = t.target.unit === '元' ? value : t.target.unit === '万元' ? value.times(10000) : null;
    if (t.level2 === COST && yuan && annual && yuan.greaterThan(toMoneyDecimal(annual)))
      warn(
        '适当性',
        `${t.path}.rawValue`,
        QUALITY_CODES.costAboveFunds,
        `成本指标“${t.indicator.name}”${t.indicator.rawValue} 高于年度资金申请总额`,
      );
  }

  const libraryUnits = context.libraryUnits ?? {};
  for (const t of targets) {
    const typical = Object.hasOwn(libraryUnits, t.indicator.name.trim()) ? libraryUnits[t.indicator.name.trim()] : '';
    const unit = t.target.kind === 'quantitative' ? (t.target.unit ?? '') : null;
    if (unit !== null && typical && unitKey(unit) !== unitKey(typical))
      warn(
        '适当性',
        `${t.path}.rawValue`,
        QUALITY_CODES.unitDiffersFromLibrary,
        `“${t.indicator.name.trim()}”的单位${unit ? `“${unit}”` : '未写'}，与指标库的“${typical}”不一致`,
      );
  }

  if (context.previous) {
    const before = new Map(
      context.previous.indicators.map((p) => [`${p.level1Code}/${p.level2Code}/${nameKey(p.name)}`, p.rawValue]),
    );
    for (const t of targets) {
      const raw = before.get(`${t.level1}/${t.level2}/${nameKey(t.indicator.name)}`);
      if (raw === undefined || !isBlank(t.indicator.weakerTargetReason)) continue;
      if (isWeaker(t.target, readTarget(raw).target, t.level1, t.level2))
        warn(
          '适当性',
          `${t.path}.rawValue`,
          QUALITY_CODES.targetWeakerThanLastYear,
          `“${t.indicator.name}”的指标值 ${t.indicator.rawValue} 低于 ${context.previous.year} 年已审核的 ${raw}；确需下调请填写下调理由`,
        );
    }
  }

  // 可行性
  const { plannedStart, plannedEnd } = content.project;
  if (year !== undefined && plannedStart && plannedEnd) {
    const [from, to] = [Number(plannedStart.slice(0, 4)), Number(plannedEnd.slice(0, 4))];
    if (from <= to && (year < from || year > to))
      warn(
        '可行性',
        'project.plannedEnd',
        QUALITY_CODES.plannedDatesExcludeYear,
        `计划实施期（${from}–${to}年）不含本表年度 ${year} 年`,
      );
  }
  return issues;
}

type Target = ReturnType<typeof readTargetUncached>['target'];

/** `=` targets where more is better: counts and quality rates, benefits, satisfaction (not cost, not dates). */
const MORE_IS_BETTER_LEVEL2 = new Set(['quantity', 'quality']);
const MORE_IS_BETTER_LEVEL1 = new Set(['benefit', 'satisfaction']);

/**
 * A target weaker than last year's: the same unit and direction, and a lower bar (≥ 95% after ≥ 98%) or, for a
 * "lower is better" target (≤ 3 天), a higher one. `=` targets count only where more is better.
 */
function isWeaker(now: Target, before: Target, level1: string, level2: string): boolean {
  if (now.kind !== 'quantitative' || before.kind !== 'quantitative') return false;
  if ((now.unit ?? '') !== (before.unit ?? '')) return false;
  const direction = targetDirection(before.operator);
  if (targetDirection(now.operator) !== direction) return false;
  const change = toMoneyDecimal(now.value).comparedTo(toMoneyDecimal(before.value));
  if (direction === 'forward') return change < 0;
  if (direction === 'reverse') return change > 0;
  return (MORE_IS_BETTER_LEVEL2.has(level2) || MORE_IS_BETTER_LEVEL1.has(level1)) && change < 0;
}

function servesThePublic(project: FormCheckInput['project'], rule: PublicServiceRule): boolean {
  const category = project.categoryCode ?? '';
  const functionClass = project.functionClassCode ?? '';
  const name = project.name ?? '';
  return (
    (category !== '' && rule.categoryCodes.includes(category)) ||
    (functionClass !== '' && rule.functionClassPrefixes.some((prefix) => functionClass.startsWith(prefix))) ||
    rule.nameWords.some((word) => word !== '' && name.includes(word))
  );
}

/** Names compared without spaces and full-width differences. */
const nameKey = (name: string) => name.normalize('NFKC').replace(/\s+/g, '');

interface Placed {
  level1: string;
  level2: string;
  path: string;
  indicator: IndicatorInput;
}

function flatten(groups: readonly Level1GroupInput[]): Placed[] {
  return groups.flatMap((l1, i) =>
    l1.children.flatMap((l2, j) =>
      l2.indicators.map((indicator, k) => ({
        level1: l1.code,
        level2: l2.code,
        path: `indicators.year.${i}.children.${j}.indicators.${k}`,
        indicator,
      })),
    ),
  );
}

/** The 年度总目标's sentences: one per line or per numbered item (`1、`, `2.`), without the numbering. */
export function goalSentences(goal: string): string[] {
  return goal
    .split(/\r?\n|(?=(?:^|[。；;\s])\d{1,2}[、.．)）](?!\d))/)
    .map((s) => s.replace(/^[\s。；;]*\d{1,2}[、.．)）]\s*/, '').trim())
    .filter((s) => /[\u4e00-\u9fff]/.test(s));
}

/** A 度量单位 compared: full-width ％ is %, spaces do not count. */
const unitKey = (unit: string) => unit.replace(/\s+/g, '').replace(/％/g, '%');

/**
 * A deadline the goal text states (docs/domain.md §3.3: 时效 where the project has a deadline), as written: "6月底前",
 * "年底前完成", "12月31日前", "截至9月", "按期完成" … ; null when it states none. A month or date followed by 前/以前/之前,
 * 年底/年内/上半年/下半年 with 前 or 完成, 截至/截止 with a date, or 按期/如期/按时 with 完成 or 办结.
 */
export function deadlineIn(text: string): string | null {
  return DEADLINE.exec(text)?.[0] ?? null;
}

const DEADLINE =
  /(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}日|[底末]|份)?(?:以前|之前|前)|(?:年底|年末|上半年|下半年|年内)(?:以前|之前|前)?完成|(?:年底|年末)(?:以前|之前|前)|截[至止](?:\d{4}年)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}日|[底末])?|(?:按期|如期|按时)(?:完成|办结|交付)/;

/** The character bigrams of a text's Chinese runs, after the stop words are taken out. */
export const bigrams = cached(bigramsOf);

function bigramsOf(text: string): Set<string> {
  let rest = text;
  for (const word of STOP_WORDS) rest = rest.split(word).join(' ');
  const out = new Set<string>();
  for (const run of rest.match(/[\u4e00-\u9fff]+/g) ?? [])
    for (let i = 0; i + 1 < run.length; i++) out.add(run.slice(i, i + 2));
  return out;
}

const shorten = (text: string) => (text.length > 24 ? `${text.slice(0, 24)}…` : text);
