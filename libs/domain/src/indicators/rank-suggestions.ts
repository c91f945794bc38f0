import type { SuggestionReason } from '@jxt/contracts';
import { bigrams, goalSentences } from '../form-checks/check-quality';

/**
 * Suggestions of 三级指标 for a form (issue 14 point 2, docs/domain.md §3.4): the 指标库's entries and the indicators
 * of similar projects of the same year, ranked for the form. Pure: the API reads the candidates in two queries and
 * ranks them here; the editor reads the same reasons.
 */

/** The form as the ranking reads it: its project's name, 年度总目标, 功能分类科目 and the indicators it has. */
export interface SuggestionForm {
  projectName: string;
  annualGoal: string | null;
  functionClassCode: string | null;
  indicators: readonly { level1Code: string; level2Code: string; name: string }[];
}

/** A 指标库 entry the caller sees, of a 二级指标 of the form's year. */
export interface SuggestionCandidate {
  id: string;
  name: string;
  level1Code: string;
  level2Code: string;
  valueForm: string | null;
  unit: string | null;
  definition: string | null;
  shared: boolean;
  functionClassCodes: readonly string[];
}

/** An in-scope project using an indicator: its form, name and value. Never built for a project beyond the scope. */
export interface SuggestionExample {
  formId: string;
  projectName: string;
  value: string;
  unit: string | null;
}

/**
 * An indicator name used by similar projects of the year: how many (any unit: a count) and, for those in the caller's
 * scope only, where and with which value.
 */
export interface SimilarUse {
  name: string;
  level1Code: string;
  level2Code: string;
  usedBy: number;
  examples: readonly SuggestionExample[];
}

/** A candidate as answered (without the codes it was fitted by), or an in-scope similar project's indicator. */
export interface RankedSuggestion extends Omit<SuggestionCandidate, 'id' | 'functionClassCodes'> {
  /** The library entry, or null for an indicator seen only in similar projects of the caller's scope. */
  id: string | null;
  source: 'library' | 'project';
  usedBy: number;
  examples: SuggestionExample[];
  reasons: SuggestionReason[];
  score: number;
}

/** The most suggestions answered for one form. */
export const MAX_SUGGESTIONS = 40;

/**
 * The most suggestions of one 二级指标: the best of a crowded slot (a unit's many 数量指标) leave room for every other
 * slot, so a whole tree can be built from one list.
 */
export const MAX_SUGGESTIONS_PER_SLOT = 5;

/** The most word patterns the API matches similar projects with (the project name's bigrams first). */
export const MAX_SUGGESTION_WORDS = 24;

/** The words (character bigrams, stop words out) a form's project name and 年度总目标 are compared by, name first. */
export function suggestionWords(projectName: string, annualGoal: string | null): string[] {
  return [...new Set([...bigrams(projectName), ...bigrams(annualGoal ?? '')])].slice(0, MAX_SUGGESTION_WORDS);
}

const overlaps = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].some((w) => b.has(w));
const fitsFunctionClass = (codes: readonly string[], code: string | null) =>
  code !== null && codes.some((c) => code.startsWith(c));

/**
 * Ranks the candidates for the form: an entry naming a 年度总目标 sentence no indicator covers yet (相关性) first, then
 * one filling a 二级指标 the form lacks (more if its 一级指标 is missing too), fitting the project's 功能分类科目, sharing
 * words with its name and goal, used by similar projects. Names the form already has are left out; an indicator of a
 * similar project is offered on its own only when a project in the caller's scope uses it (the others add to counts).
 * At most MAX_SUGGESTIONS_PER_SLOT of one 二级指标.
 */
export function rankSuggestions(
  form: SuggestionForm,
  candidates: readonly SuggestionCandidate[],
  similar: readonly SimilarUse[],
  limit = MAX_SUGGESTIONS,
): RankedSuggestion[] {
  const have = new Set(form.indicators.map((i) => i.name.trim()));
  const slots = new Set(form.indicators.map((i) => i.level2Code));
  const level1s = new Set(form.indicators.map((i) => i.level1Code));
  const names = form.indicators.map((i) => bigrams(i.name));
  const uncovered = goalSentences(form.annualGoal ?? '')
    .map((s) => bigrams(s))
    .filter((words) => words.size && !names.some((name) => overlaps(name, words)));
  const context = new Set([...bigrams(form.projectName), ...bigrams(form.annualGoal ?? '')]);
  const similarByName = new Map<string, SimilarUse>();
  for (const use of similar) {
    const seen = similarByName.get(use.name);
    // One name in two categories: the more used one speaks for it, the counts and examples add up.
    if (!seen) similarByName.set(use.name, use);
    else
      similarByName.set(use.name, {
        ...(use.usedBy > seen.usedBy ? use : seen),
        usedBy: seen.usedBy + use.usedBy,
        examples: [...seen.examples, ...use.examples],
      });
  }

  const score = (s: Omit<RankedSuggestion, 'reasons' | 'score'>, functionClasses: readonly string[]) => {
    const reasons: [SuggestionReason, number][] = [];
    const words = bigrams(s.name);
    if (uncovered.some((sentence) => overlaps(words, sentence))) reasons.push(['goalSentence', 6]);
    if (!slots.has(s.level2Code)) reasons.push(['missingSlot', level1s.has(s.level1Code) ? 4 : 5]);
    if (fitsFunctionClass(functionClasses, form.functionClassCode)) reasons.push(['functionClass', 3]);
    const hits = [...words].filter((w) => context.has(w)).length;
    if (hits) reasons.push(['words', Math.min(hits, 3)]);
    if (s.usedBy) reasons.push(['similarProjects', Math.min(3, Math.log2(1 + s.usedBy)) + (s.examples.length ? 1 : 0)]);
    reasons.sort((a, b) => b[1] - a[1]);
    return {
      ...s,
      reasons: reasons.map(([r]) => r),
      score: Math.round(reasons.reduce((sum, [, w]) => sum + w, 0) * 100) / 100,
    };
  };

  const out: RankedSuggestion[] = [];
  const offered = new Set<string>();
  for (const c of candidates) {
    const name = c.name.trim();
    if (have.has(name) || offered.has(name)) continue;
    offered.add(name);
    const use = similarByName.get(name);
    out.push(
      score(
        {
          id: c.id,
          source: 'library',
          name,
          level1Code: c.level1Code,
          level2Code: c.level2Code,
          valueForm: c.valueForm,
          unit: c.unit,
          definition: c.definition,
          shared: c.shared,
          usedBy: use?.usedBy ?? 0,
          examples: [...(use?.examples ?? [])],
        },
        c.functionClassCodes,
      ),
    );
  }
  for (const use of similarByName.values()) {
    const name = use.name.trim();
    if (have.has(name) || offered.has(name) || !use.examples.length) continue;
    offered.add(name);
    const typical = use.examples[0];
    out.push(
      score(
        {
          id: null,
          source: 'project',
          name,
          level1Code: use.level1Code,
          level2Code: use.level2Code,
          valueForm: typical.value || null,
          unit: typical.unit,
          definition: null,
          shared: false,
          usedBy: use.usedBy,
          examples: [...use.examples],
        },
        [],
      ),
    );
  }
  const perSlot = new Map<string, number>();
  return out
    .sort((a, b) => b.score - a.score || b.usedBy - a.usedBy || compare(a.name, b.name))
    .filter((s) => {
      const n = perSlot.get(s.level2Code) ?? 0;
      perSlot.set(s.level2Code, n + 1);
      return n < MAX_SUGGESTIONS_PER_SLOT;
    })
    .slice(0, limit);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
