import { BadRequestException, Injectable } from '@nestjs/common';
import type {
  Evaluation,
  EvaluationAction,
  EvaluationHistoryEntry,
  EvaluationStatus,
  FormFieldChange,
  QualitativeBandCode,
} from '@jxt/contracts';
import {
  checkEvaluation,
  chosenBand,
  decideEvaluationTransition,
  isBandScored,
  scoreEvaluationContent,
  shareToPercent,
} from '@jxt/domain';
import { toHistoryEntry, type HistoryEventRow } from '../../common/history/history-event';
import { transitionRefusal } from '../../common/http/transition-refusal';
import { tenantScope } from '../../common/tenancy/request-context';
import { queryRows } from '../../common/tenancy/sql';
import { blankToNull } from '../../common/validation/blank-to-null';
import { staleFormConflict } from '../forms/stale-form';
import type { EvaluationTransitionDto } from './dto/evaluation-transition.dto';
import { toContent } from './evaluation-scoring';
import { targetFromRow } from '../forms/form-tree';
import { EvaluationsService } from './evaluations.service';
import { ScoringPoliciesService } from './scoring-policies.service';

/** 自评流程: the same endpoint shape and history rules as the form workflow; the rules are libs/domain's. */
@Injectable()
export class EvaluationWorkflowService {
  constructor(
    private readonly evaluations: EvaluationsService,
    private readonly policies: ScoringPoliciesService,
  ) {}

  async transition(id: string, dto: EvaluationTransitionDto): Promise<Evaluation> {
    const { user, manager } = tenantScope();
    const current = await this.evaluations.lock(id);
    if (current.row_version !== dto.rowVersion) throw staleFormConflict(current, dto.rowVersion);
    const rows = await this.evaluations.indicatorRows(id);
    const policy = await this.policies.ensureStored(current.year);
    const funds = {
      initialBudget: current.initial_budget,
      annualBudget: current.annual_budget,
      executedAmount: current.executed_amount,
    };
    const content = toContent(funds, current.actual_goal, rows);
    const issues =
      dto.action === 'submit' ? checkEvaluation(content, scoreEvaluationContent(content, policy.policy)) : [];
    const adjustments = dto.adjustments ?? [];
    const decision = decideEvaluationTransition({
      status: current.status,
      action: dto.action,
      roles: user.roles,
      actorId: user.userId,
      submittedBy: current.submitted_by,
      comment: dto.comment,
      adjustmentCount: adjustments.length,
      issues,
    });
    if (!decision.ok) throw transitionRefusal(decision);
    const rule = decision.rule;

    // 复核: the reviewer replaces the unit's share of a qualitative indicator, inside a band, and says why.
    const changes: FormFieldChange[] = [];
    const bands = policy.policy.qualitativeBands;
    /** A share as the history shows it: `部分达成并具有一定效果 80%` (the band as kept, else the first that holds it). */
    const shownBand = (share: string | null, band: QualitativeBandCode | null): string | null => {
      if (!share) return null;
      const choice = chosenBand(share, band, bands);
      return `${choice.ok ? `${choice.band.label} ` : ''}${shareToPercent(share)}%`;
    };
    if (adjustments.length) {
      const byId = new Map(rows.map((r, index) => [r.id, { row: r, index }]));
      const fields: { field: string; message: string; value?: unknown }[] = [];
      // The band each adjustment is kept in: the reviewer's pick, which must hold the share (ends included).
      const bandsOf: (QualitativeBandCode | null)[] = [];
      adjustments.forEach((a, i) => {
        const found = byId.get(a.indicatorId);
        const share = blankToNull(a.share);
        const choice = share ? chosenBand(share, a.band, bands) : null;
        bandsOf.push(choice?.ok ? choice.band.code : null);
        if (!found)
          fields.push({ field: `adjustments.${i}.indicatorId`, message: '该指标不属于此自评表', value: a.indicatorId });
        else if (!isBandScored(targetFromRow(found.row)))
          fields.push({
            field: `adjustments.${i}.share`,
            message: `“${found.row.name}”的得分由公式计算，不能调整`,
            value: a.share,
          });
        else if (choice && !choice.ok)
          fields.push({
            field: `adjustments.${i}.share`,
            message: `${found.row.name}：${choice.message}`,
            value: a.share,
          });
        else if (share && !a.reason?.trim())
          fields.push({
            field: `adjustments.${i}.reason`,
            message: `请说明调整“${found.row.name}”得分的理由`,
            value: a.reason,
          });
      });
      if (fields.length) throw new BadRequestException({ message: fields.map((f) => f.message).join('；'), fields });
      adjustments.forEach((a, i) => {
        const { row, index } = byId.get(a.indicatorId)!;
        const share = blankToNull(a.share);
        const earlier = row.reviewer_share
          ? shownBand(row.reviewer_share, row.reviewer_band)
          : shownBand(row.self_share, row.self_band);
        changes.push({
          field: `indicators.${index}.reviewerShare`,
          label: `复核调整：${row.name}`,
          before: earlier,
          after: share ? `${shownBand(share, bandsOf[i])}（${a.reason!.trim()}）` : null,
        });
      });
      await queryRows(
        manager,
        `UPDATE evaluation_indicator ei SET reviewer_share = s.share, reviewer_band = s.band, reviewer_reason = s.reason
         FROM unnest($1::uuid[], $2::numeric[], $3::text[], $4::text[]) AS s(id, share, band, reason) WHERE ei.id = s.id AND ei.evaluation_id = $5`,
        [
          adjustments.map((a) => a.indicatorId),
          adjustments.map((a) => blankToNull(a.share)),
          bandsOf,
          adjustments.map((a) => (blankToNull(a.share) ? a.reason!.trim() : null)),
          id,
        ],
      );
    }

    // 退回 hands the scores back to the unit: an earlier 复核's adjustments would otherwise override whatever the
    // unit changes. They stay in the history, and the next 复核 starts from the unit's own scores.
    if (rule.to === 'returned') {
      rows.forEach((r, index) => {
        if (r.reviewer_share !== null)
          changes.push({
            field: `indicators.${index}.reviewerShare`,
            label: `撤销复核调整：${r.name}`,
            before: shownBand(r.reviewer_share, r.reviewer_band),
            after: null,
          });
      });
      await queryRows(
        manager,
        `UPDATE evaluation_indicator SET reviewer_share = NULL, reviewer_band = NULL, reviewer_reason = NULL
         WHERE evaluation_id = $1 AND (reviewer_share IS NOT NULL OR reviewer_band IS NOT NULL)`,
        [id],
      );
    }

    // Scores are stored under the year's current version, before the status changes: from 定稿 on the 自评表 is
    // locked (the database refuses any change), and the version that scored it is its own for good.
    await this.evaluations.rescore(id);
    const [updated] = await queryRows<{ row_version: number }>(
      manager,
      `UPDATE self_evaluation SET status = $2, row_version = row_version + 1, updated_at = now(), updated_by = $3,
         submitted_by = CASE WHEN $4::boolean THEN $3 ELSE submitted_by END,
         submitted_at = CASE WHEN $4::boolean THEN now() ELSE submitted_at END
       WHERE id = $1 RETURNING row_version`,
      [id, rule.to, user.userId, rule.action === 'submit'],
    );
    await this.evaluations.record(id, {
      kind: 'transition',
      action: rule.action,
      from: current.status,
      to: rule.to,
      comment: blankToNull(dto.comment),
      changes: changes.length ? changes : null,
      rowVersion: updated.row_version,
    });
    return this.evaluations.get(id);
  }

  async history(id: string): Promise<EvaluationHistoryEntry[]> {
    const { manager } = tenantScope();
    await this.evaluations.assertInScope(id);
    const rows = await queryRows<HistoryEventRow<EvaluationAction, EvaluationStatus>>(
      manager,
      `SELECT * FROM evaluation_event WHERE evaluation_id = $1 ORDER BY id`,
      [id],
    );
    return rows.map(toHistoryEntry);
  }
}
