import {
  FORM_FIELD_LABELS,
  INDICATOR_SET_LABELS,
  INDICATOR_SETS,
  type FieldIssue,
  type IndicatorInput,
  type IndicatorSet,
  type IndicatorSetsInput,
  type Level1GroupInput,
  type TaxonomyNode,
} from '@jxt/contracts';
import { removeWhitespace, toHalfWidth, isBlank } from '../text/normalize-width';
import { indicatorCountProblem } from '../indicators/count-indicators';
import { readTarget } from '../value-grammar/read-target';
import { fieldError, fieldWarning, ISSUE_CODES } from './issues';

const { level1: L1, level2: L2, level3: L3, weight: WEIGHT, targetValue: TARGET } = FORM_FIELD_LABELS;

interface Taxonomy {
  level1: ReadonlyMap<string, TaxonomyNode>;
  level2: ReadonlyMap<string, TaxonomyNode>;
}

function indexTaxonomy(nodes: readonly TaxonomyNode[]): Taxonomy {
  const level1 = new Map<string, TaxonomyNode>();
  const level2 = new Map<string, TaxonomyNode>();
  for (const node of nodes) (node.level === 1 ? level1 : level2).set(node.code, node);
  return { level1, level2 };
}

/** Where the check is: the dotted field path and a prefix for messages of the long-term set. */
interface SetContext {
  path: string;
  prefix: string;
  taxonomy: Taxonomy;
  issues: FieldIssue[];
}

/**
 * Checks the indicator tree(s) against the tenant taxonomy of the form's year (docs/domain.md §3):
 * codes known and at the right level, each group once and contiguous (the printed table merges
 * the cells of one 一级/二级指标), indicators named, values readable (one that starts like a quantity
 * but is none is kept in a draft, refused at 提交), weights non-negative; at most MAX_INDICATORS_PER_FORM 三级指标.
 */
export function checkIndicatorTree(sets: IndicatorSetsInput, taxonomy: readonly TaxonomyNode[]): FieldIssue[] {
  // Above the cap nothing else is checked: the form cannot be saved as it is, and thousands of issues help nobody.
  const tooMany = indicatorCountProblem(sets);
  if (tooMany) return [fieldError('indicators', ISSUE_CODES.tooManyIndicators, tooMany)];
  const index = indexTaxonomy(taxonomy);
  const issues: FieldIssue[] = [];
  for (const set of INDICATOR_SETS) {
    const groups = sets[set];
    if (groups == null) continue;
    const context: SetContext = { path: `indicators.${set}`, prefix: setPrefix(set), taxonomy: index, issues };
    if (set === 'year' && groups.length === 0) {
      issues.push(fieldWarning(context.path, ISSUE_CODES.indicatorsEmpty, `${INDICATOR_SET_LABELS.year}未填写`));
    }
    checkLevel1Groups(groups, context);
  }
  return issues;
}

function setPrefix(set: IndicatorSet): string {
  return set === 'year' ? '' : `${INDICATOR_SET_LABELS[set]}：`;
}

const labelOf = (node: TaxonomyNode | undefined, code: string) => node?.label ?? code;

/** 1-based positions of each code that appears more than once. */
function repeatedCodes(codes: readonly string[]): Map<string, number[]> {
  const positions = new Map<string, number[]>();
  codes.forEach((code, i) => positions.set(code, [...(positions.get(code) ?? []), i + 1]));
  return new Map([...positions].filter(([, at]) => at.length > 1));
}

function checkLevel1Groups(groups: readonly Level1GroupInput[], ctx: SetContext): void {
  const repeated = repeatedCodes(groups.map((group) => group.code));
  const reported = new Set<string>();

  groups.forEach((group, i) => {
    const path = `${ctx.path}.${i}`;
    const node = ctx.taxonomy.level1.get(group.code);
    const label = labelOf(node, group.code);
    if (!node) {
      const asLevel2 = ctx.taxonomy.level2.has(group.code)
        ? `（“${labelOf(ctx.taxonomy.level2.get(group.code), group.code)}”是${L2}）`
        : '';
      ctx.issues.push(
        fieldError(
          `${path}.code`,
          ISSUE_CODES.unknownLevel1,
          `${ctx.prefix}${L1}“${group.code}”不在指标体系中${asLevel2}`,
        ),
      );
    }
    const at = repeated.get(group.code);
    if (at && !reported.has(group.code)) {
      reported.add(group.code);
      const second = at[1] - 1;
      ctx.issues.push(
        fieldError(
          `${ctx.path}.${second}.code`,
          ISSUE_CODES.duplicateLevel1,
          `${ctx.prefix}${L1}“${label}”出现了 ${at.length} 次（第 ${at.join('、')} 组），同一${L1}的内容应合并在一起`,
        ),
      );
    }
    if (group.children.length === 0) {
      ctx.issues.push(
        fieldWarning(`${path}.children`, ISSUE_CODES.emptyLevel1, `${ctx.prefix}${L1}“${label}”下没有${L2}`),
      );
    }
    checkLevel2Groups(group, path, label, ctx);
  });
}

function checkLevel2Groups(parent: Level1GroupInput, parentPath: string, parentLabel: string, ctx: SetContext): void {
  const repeated = repeatedCodes(parent.children.map((group) => group.code));
  const reported = new Set<string>();

  parent.children.forEach((group, j) => {
    const path = `${parentPath}.children.${j}`;
    const node = ctx.taxonomy.level2.get(group.code);
    const label = labelOf(node, group.code);
    if (!node) {
      ctx.issues.push(
        fieldError(`${path}.code`, ISSUE_CODES.unknownLevel2, `${ctx.prefix}${L2}“${group.code}”不在指标体系中`),
      );
    } else if (node.parentCode !== parent.code && ctx.taxonomy.level1.has(parent.code)) {
      const rightParent = labelOf(
        node.parentCode ? ctx.taxonomy.level1.get(node.parentCode) : undefined,
        node.parentCode ?? '',
      );
      ctx.issues.push(
        fieldError(
          `${path}.code`,
          ISSUE_CODES.level2WrongParent,
          `${ctx.prefix}${L2}“${label}”不属于${L1}“${parentLabel}”${rightParent ? `，应在“${rightParent}”下` : ''}`,
        ),
      );
    }
    const at = repeated.get(group.code);
    if (at && !reported.has(group.code)) {
      reported.add(group.code);
      ctx.issues.push(
        fieldError(
          `${parentPath}.children.${at[1] - 1}.code`,
          ISSUE_CODES.duplicateLevel2,
          `${ctx.prefix}${L2}“${label}”在“${parentLabel}”下出现了 ${at.length} 次（第 ${at.join('、')} 组），同一${L2}的${L3}应合并在一起`,
        ),
      );
    }
    if (group.indicators.length === 0) {
      ctx.issues.push(
        fieldWarning(`${path}.indicators`, ISSUE_CODES.emptyLevel2, `${ctx.prefix}${L2}“${label}”下没有${L3}`),
      );
    }
    checkIndicators(group.indicators, `${path}.indicators`, `${parentLabel} / ${label}`, ctx);
  });
}

/** Names compared as a person reads them: width and whitespace do not make two names different. */
const nameKey = (name: string) => removeWhitespace(toHalfWidth(name));

function checkIndicators(
  indicators: readonly IndicatorInput[],
  groupPath: string,
  groupLabel: string,
  ctx: SetContext,
): void {
  const seen = new Set<string>();
  indicators.forEach((indicator, k) => {
    const path = `${groupPath}.${k}`;
    const name = typeof indicator.name === 'string' ? indicator.name.trim() : '';
    const who = name ? `${L3}「${name}」` : `${groupLabel} 第 ${k + 1} 个${L3}`;

    if (isBlank(name)) {
      ctx.issues.push(
        fieldError(
          `${path}.name`,
          ISSUE_CODES.indicatorNameBlank,
          `${ctx.prefix}${groupLabel} 第 ${k + 1} 个${L3}名称未填写`,
        ),
      );
    } else if (seen.has(nameKey(name))) {
      ctx.issues.push(
        fieldWarning(`${path}.name`, ISSUE_CODES.duplicateIndicatorName, `${ctx.prefix}${who}在“${groupLabel}”下重复`),
      );
    } else {
      seen.add(nameKey(name));
    }

    const reading = readTarget(indicator.rawValue);
    if (reading.target.kind === 'invalid') {
      // A draft keeps it as typed (a warning here); atSubmission makes it an error.
      const typed = indicator.rawValue.trim();
      ctx.issues.push(
        fieldWarning(
          `${path}.rawValue`,
          ISSUE_CODES.valueInvalid,
          `${ctx.prefix}${who}：${TARGET}“${typed}”${reading.warning}`,
        ),
      );
    } else if (reading.warning) {
      const code = reading.target.kind === 'empty' ? ISSUE_CODES.valueBlank : ISSUE_CODES.valueUnrecognised;
      ctx.issues.push(fieldWarning(`${path}.rawValue`, code, `${ctx.prefix}${who}：${reading.warning}`));
    }

    const weight = indicator.weight;
    if (weight != null && !isBlank(weight) && !isNonNegativeDecimal(weight)) {
      ctx.issues.push(
        fieldError(
          `${path}.weight`,
          ISSUE_CODES.weightInvalid,
          `${ctx.prefix}${who}的${WEIGHT}应为不小于 0 的数字，不能是“${String(weight).trim()}”`,
        ),
      );
    }
  });
}

function isNonNegativeDecimal(text: string): boolean {
  return typeof text === 'string' && /^\d+(?:\.\d+)?$/.test(removeWhitespace(toHalfWidth(text)));
}
