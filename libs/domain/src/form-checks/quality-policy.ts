import type { CheckLevel, FieldError, FieldIssue, QualityPolicy, TaxonomyNode } from '@jxt/contracts';
import { checkGoalQuality, DEFAULT_PUBLIC_SERVICE_RULE, QUALITY_CHECKS, type PreviousTargets } from './check-quality';
import type { FormCheckInput } from './check-form';

/** Every goal-quality check a warning (they never block until the tenant raises one to error); the built-in rule. */
export const DEFAULT_QUALITY_POLICY: QualityPolicy = {
  checks: QUALITY_CHECKS.map(({ code }) => ({ code, level: 'warning' })),
  publicService: DEFAULT_PUBLIC_SERVICE_RULE,
};

const KNOWN = new Set<string>(QUALITY_CHECKS.map((c) => c.code));

/** The level the policy gives a check: a check it does not list is a warning. */
export function qualityLevel(policy: QualityPolicy, code: string): CheckLevel {
  return policy.checks.find((c) => c.code === code)?.level ?? 'warning';
}

/** The policy applied: checks set off are dropped, the others take their level (error blocks 提交). */
export function applyQualityPolicy<T extends FieldIssue>(issues: readonly T[], policy: QualityPolicy): T[] {
  const out: T[] = [];
  for (const issue of issues) {
    const level = qualityLevel(policy, issue.code);
    if (level !== 'off') out.push(level === issue.severity ? issue : { ...issue, severity: level });
  }
  return out;
}

/** What is wrong with a policy a client sent, by field (empty when none): unknown or repeated checks. */
export function validateQualityPolicy(policy: QualityPolicy): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  policy.checks.forEach((check, n) => {
    const field = `policy.checks.${n}.code`;
    if (!KNOWN.has(check.code)) problems.push({ field, message: `没有这项检查：${check.code}`, value: check.code });
    else if (seen.has(check.code)) problems.push({ field, message: `检查 ${check.code} 重复`, value: check.code });
    seen.add(check.code);
  });
  return problems;
}

/**
 * The goal-quality findings of a form as its tenant's policy of the year sets them (docs/domain.md §3.3): what the
 * form's `issues` list carries beside checkForm's, and what 提交 refuses when a check is an error.
 */
export function qualityIssues(
  content: FormCheckInput,
  taxonomy: readonly TaxonomyNode[],
  options: {
    year?: number;
    policy: QualityPolicy;
    previous?: PreviousTargets | null;
    libraryUnits?: Readonly<Record<string, string>> | null;
  },
): FieldIssue[] {
  const found = checkGoalQuality(content, taxonomy, options.year, {
    previous: options.previous,
    libraryUnits: options.libraryUnits,
    publicService: options.policy.publicService,
  });
  return applyQualityPolicy(found, options.policy);
}
