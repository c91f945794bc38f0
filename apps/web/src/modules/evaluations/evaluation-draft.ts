import {
  EVALUATION_FIELD_LABELS as L,
  type Evaluation,
  type EvaluationIndicator,
  type FieldError,
  type QualitativeBand,
  type QualitativeBandCode,
  type SaveEvaluationRequest,
} from '@jxt/contracts';
import {
  amountForRequest,
  bandAsPicked,
  formatYuan,
  isBandScored,
  isShareInBand,
  percentToShare,
  shareToPercent,
  type EvaluationContent,
  type ScoredEvaluation,
} from '@jxt/domain';
import { withoutError } from '../../ui/field-errors';

export interface DraftIndicator {
  id: string;
  actualValue: string;
  /** Qualitative: the band chosen and the percent of 分值 typed inside it. */
  band: QualitativeBandCode | null;
  percent: string;
  deviationReason: string;
}

/** The filer's 自评 while editing: every input as typed, and the server's messages of the last refused save. */
export interface EvaluationDraft {
  base: Evaluation;
  annualBudget: string;
  executedAmount: string;
  actualGoal: string;
  indicators: DraftIndicator[];
  dirty: boolean;
  /** The server's message per field path (400), cleared when the field is edited. */
  errors: Record<string, string>;
  errorSummary: { field: string; label: string; message: string }[];
}

export type FundsField = 'annualBudget' | 'executedAmount';
export type IndicatorTextField = 'actualValue' | 'deviationReason' | 'percent';

export type EvaluationDraftAction =
  | { type: 'funds'; field: FundsField; value: string }
  | { type: 'actualGoal'; value: string }
  | { type: 'indicator'; index: number; field: IndicatorTextField; value: string }
  | { type: 'band'; index: number; band: QualitativeBand | null }
  | { type: 'serverErrors'; fields: readonly FieldError[]; message: string };

const text = (value: string | null | undefined) => value ?? '';
/** Amounts start as they print: with thousands separators. */
const amountText = (value: string | null) => (value === null ? '' : formatYuan(value));
const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

export function createDraft(evaluation: Evaluation): EvaluationDraft {
  const bands = evaluation.policy.policy.qualitativeBands;
  return {
    base: evaluation,
    annualBudget: amountText(evaluation.funds.annualBudget),
    executedAmount: amountText(evaluation.funds.executedAmount),
    actualGoal: text(evaluation.actualGoal),
    indicators: evaluation.indicators.map((indicator) => ({
      id: indicator.id,
      actualValue: text(indicator.actualValue),
      band: bandAsPicked(indicator.selfShare, indicator.selfBand, bands),
      percent: shareToPercent(indicator.selfShare) ?? '',
      deviationReason: text(indicator.deviationReason),
    })),
    dirty: false,
    errors: {},
    errorSummary: [],
  };
}

export function draftReducer(draft: EvaluationDraft, action: EvaluationDraftAction): EvaluationDraft {
  switch (action.type) {
    case 'funds':
      return {
        ...draft,
        [action.field]: action.value,
        dirty: true,
        errors: withoutError(draft.errors, `funds.${action.field}`),
      };
    case 'actualGoal':
      return { ...draft, actualGoal: action.value, dirty: true, errors: withoutError(draft.errors, 'actualGoal') };
    case 'indicator': {
      const path = `indicators.${action.index}.${action.field === 'percent' ? 'selfShare' : action.field}`;
      const indicators = draft.indicators.map((row, i) =>
        i === action.index ? { ...row, [action.field]: action.value } : row,
      );
      return { ...draft, indicators, dirty: true, errors: withoutError(draft.errors, path) };
    }
    case 'band': {
      const { band } = action;
      const indicators = draft.indicators.map((row, i) => {
        if (i !== action.index) return row;
        if (!band) return { ...row, band: null, percent: '' };
        // A percent already inside the new band stays; otherwise the band's top is the starting point.
        const share = percentToShare(row.percent);
        const inside = share !== null && isShareInBand(share, band);
        return { ...row, band: band.code, percent: inside ? row.percent : (shareToPercent(band.max) ?? '') };
      });
      return {
        ...draft,
        indicators,
        dirty: true,
        errors: withoutError(draft.errors, `indicators.${action.index}.selfShare`),
      };
    }
    case 'serverErrors': {
      const errors: Record<string, string> = {};
      for (const field of action.fields) errors[field.field] = field.message;
      const summary = action.fields.map((field) => ({
        field: field.field,
        label: fieldLabel(draft.base, field.field),
        message: field.message,
      }));
      return {
        ...draft,
        errors,
        errorSummary: summary.length ? summary : [{ field: '', label: '', message: action.message }],
      };
    }
  }
}

const INDICATOR_FIELD_LABELS: Record<string, string> = {
  actualValue: L.actualValue,
  selfShare: L.band,
  deviationReason: L.deviationReason,
};

/** `indicators.3.actualValue` → `实际完成值：项目验收合格率`; the printed label of the other fields. */
export function fieldLabel(evaluation: Evaluation, path: string): string {
  const match = /^indicators\.(\d+)\.(\w+)$/.exec(path);
  if (match) {
    const indicator: EvaluationIndicator | undefined = evaluation.indicators[Number(match[1])];
    const label = INDICATOR_FIELD_LABELS[match[2]] ?? match[2];
    return indicator ? `${label}：${indicator.name}` : label;
  }
  if (path === 'funds.annualBudget') return L.annualBudget;
  if (path === 'funds.executedAmount') return L.executedAmount;
  if (path === 'actualGoal') return L.actualGoal;
  return path;
}

/** The unit's share of a qualitative indicator: the typed percent once a band is chosen. */
export function selfShareOf(row: DraftIndicator): string | null {
  return row.band ? percentToShare(row.percent) : null;
}

/** What the scoring engine and the checks read: the draft as typed, with the reviewer's earlier shares kept. */
export function toContent(draft: EvaluationDraft): EvaluationContent {
  return {
    funds: {
      initialBudget: draft.base.funds.initialBudget,
      annualBudget: orNull(draft.annualBudget),
      executedAmount: orNull(draft.executedAmount),
    },
    actualGoal: orNull(draft.actualGoal),
    indicators: draft.base.indicators.map((indicator, i) => {
      const row = draft.indicators[i];
      return {
        level1Code: indicator.level1Code,
        level1Label: indicator.level1Label,
        name: indicator.name,
        target: indicator.target,
        weight: indicator.weight,
        actualValue: orNull(row.actualValue),
        selfShare: isBandScored(indicator.target) ? selfShareOf(row) : null,
        selfBand: isBandScored(indicator.target) ? row.band : null,
        reviewerShare: indicator.reviewerShare,
        reviewerBand: indicator.reviewerBand,
        deviationReason: orNull(row.deviationReason),
      };
    }),
  };
}

export function toRequest(draft: EvaluationDraft): SaveEvaluationRequest {
  return {
    rowVersion: draft.base.rowVersion,
    funds: {
      annualBudget: amountForRequest(draft.annualBudget),
      executedAmount: amountForRequest(draft.executedAmount),
    },
    actualGoal: orNull(draft.actualGoal),
    indicators: draft.base.indicators.map((indicator, i) => {
      const row = draft.indicators[i];
      return {
        id: indicator.id,
        actualValue: orNull(row.actualValue),
        ...(isBandScored(indicator.target) ? { selfShare: selfShareOf(row), selfBand: row.band } : { selfShare: null }),
        deviationReason: orNull(row.deviationReason),
      };
    }),
  };
}

/** The scores the server stored with the evaluation, in the engine's shape (the read view shows these). */
export function storedScores(evaluation: Evaluation): ScoredEvaluation {
  return {
    budget: evaluation.score.budget,
    indicators: evaluation.indicators.map((indicator) => indicator.scored),
    total: evaluation.score.total,
    grade: evaluation.score.grade,
  };
}

/** A reviewer's adjustment as the 复核 dialog holds it: the share and the band picked; null removes one. */
export type ReviewerChoice = { share: string; band: QualitativeBandCode } | null;

/** The stored 自评 in the engine's shape, the reviewer's choice replaced where `reviewerChoices` names an indicator (复核 preview). */
export function storedContent(
  evaluation: Evaluation,
  reviewerChoices: Readonly<Record<string, ReviewerChoice>> = {},
): EvaluationContent {
  return {
    funds: evaluation.funds,
    actualGoal: evaluation.actualGoal,
    indicators: evaluation.indicators.map((indicator) => ({
      level1Code: indicator.level1Code,
      level1Label: indicator.level1Label,
      name: indicator.name,
      target: indicator.target,
      weight: indicator.weight,
      actualValue: indicator.actualValue,
      selfShare: indicator.selfShare,
      selfBand: indicator.selfBand,
      ...(indicator.id in reviewerChoices
        ? {
            reviewerShare: reviewerChoices[indicator.id]?.share ?? null,
            reviewerBand: reviewerChoices[indicator.id]?.band ?? null,
          }
        : { reviewerShare: indicator.reviewerShare, reviewerBand: indicator.reviewerBand }),
      deviationReason: indicator.deviationReason,
    })),
  };
}
