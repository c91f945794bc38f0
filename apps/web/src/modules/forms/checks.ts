import type { FieldIssue, PreviousYear, QualityPolicy, SaveFormRequest, TaxonomyNode } from '@jxt/contracts';
import {
  atSubmission,
  checkForm,
  groupOfCode,
  QUALITY_CODES,
  QUALITY_GROUPS,
  qualityIssues,
  type PreviousTargets,
  type QualityGroup,
} from '@jxt/domain';

/** The checks of one 审核要点, errors first. */
export interface CheckGroup {
  group: QualityGroup;
  issues: FieldIssue[];
}

/** Issues by 审核要点 in the rules' order (完整性, 相关性, 适当性, 可行性); a group with none is left out. */
export function groupChecks(issues: readonly FieldIssue[]): CheckGroup[] {
  return QUALITY_GROUPS.map((group) => ({
    group,
    issues: issues
      .filter((issue) => (issue.group ?? groupOfCode(issue.code)) === group)
      .sort((a, b) => Number(b.severity === 'error') - Number(a.severity === 'error')),
  })).filter((g) => g.issues.length > 0);
}

/** The obvious fix of a check, said to the filer; null when only the filer can judge. */
export function fixOf(issue: FieldIssue): string | null {
  switch (issue.code) {
    case QUALITY_CODES.satisfactionMissing:
      return '在指标表中添加一级指标“满意度指标”，如“服务对象满意度 ≥90%”';
    case QUALITY_CODES.level1Missing:
      return '在指标表末尾“添加一级指标”';
    case QUALITY_CODES.timelinessMissing:
      return '在产出指标下添加“时效指标”，如“按期完成率 =100%”';
    case QUALITY_CODES.goalSentenceUncovered:
      return '为这条目标添加一个指标，或把目标写得与已有指标一致';
    case QUALITY_CODES.noQuantitativeOutput:
    case QUALITY_CODES.onlyQualitative:
      return '把指标值写成数值，如“=2次”“≥90%”';
    case QUALITY_CODES.percentOutOfRange:
      return '百分比应在 0–100% 之间';
    case QUALITY_CODES.duplicateIndicator:
      return '删除重复的指标，或改成不同的名称';
    case QUALITY_CODES.targetWeakerThanLastYear:
      return '提高指标值，或填写下调理由';
    default:
      return null;
  }
}

/** Last year's targets as the checks read them, from the 上年对照 the editor already loads. */
export function previousTargetsOf(previous: PreviousYear | undefined): PreviousTargets | null {
  if (!previous) return null;
  return {
    year: previous.year,
    indicators: previous.indicators
      .filter((i) => i.indicatorSet === 'year')
      .map((i) => ({ level1Code: i.level1Code, level2Code: i.level2Code, name: i.name, rawValue: i.target })),
  };
}

/**
 * Every check of the form being edited, as 提交 applies them (the same the API answers with the saved form): the
 * form's checks and the goal-quality checks at the levels of the year's policy; `libraryUnits` is the form's (the
 * 指标库's 度量单位 of its indicators' names, as the API read them). Pure, for the editor to run live.
 */
export function liveChecks(
  request: SaveFormRequest,
  taxonomy: readonly TaxonomyNode[],
  year: number,
  policy: QualityPolicy | undefined,
  previous: PreviousTargets | null,
  libraryUnits: Readonly<Record<string, string>> = {},
): FieldIssue[] {
  const own = atSubmission(checkForm(request, taxonomy));
  if (!policy) return own;
  return [...own, ...qualityIssues(request, taxonomy, { year, policy, previous, libraryUnits })];
}
