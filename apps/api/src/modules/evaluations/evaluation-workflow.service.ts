import { BadRequestException, Injectable } from '@nestjs/common';
import type { Evaluation, EvaluationHistoryEntry, FormFieldChange, QualitativeBandCode } from '@jxt/contracts';
import {
  checkEvaluation,
  chosenBand,
  decideEvaluationTransition,
  isBandScored,
  scoreEvaluationContent,
  shareToPercent,
} from '@jxt/domain';
import { toHistory } from '../../common/history/history-event';
import { storedTarget } from '../../common/indicators/stored-target';
import { staleRecordConflict } from '../../common/http/stale-record';
import { transitionRefusal } from '../../common/http/transition-refusal';
import { tenantScope } from '../../common/tenancy/request-context';
import { blankToNull } from '../../common/validation/blank-to-null';
import { NotificationsService } from '../notifications/notifications.service';
import type { EvaluationTransitionDto } from './dto/evaluation-transition.dto';
import { EvaluationHistoryRepository } from './evaluation-history.repository';
import { EvaluationRepository } from './evaluation.repository';
import { fundsOf, toContent } from './evaluation-scoring';
import { EvaluationsService } from './evaluations.service';
import { ScoringPoliciesService } from './scoring-policies.service';

/** 自评流程: the same endpoint shape and history rules as the form workflow; the rules are libs/domain's. */
@Injectable()
export class EvaluationWorkflowService {
  constructor(
    private readonly evaluations: EvaluationsService,
    private readonly policies: ScoringPoliciesService,
    private readonly rows: EvaluationRepository,
    private readonly historyRows: EvaluationHistoryRepository,
    private readonly notifications: NotificationsService,
  ) {}

  async transition(id: string, dto: EvaluationTransitionDto): Promise<Evaluation> {
    const { user, db } = tenantScope();
    const current = await this.evaluations.lock(id);
    if (current.rowVersion !== dto.rowVersion) throw staleRecordConflict(current, dto.rowVersion);
    const rows = await this.evaluations.indicatorRows(id);
    const policy = await this.policies.ensureStored(current.year);
    const content = toContent(fundsOf(current), current.actualGoal, rows);
    const issues =
      dto.action === 'submit' ? checkEvaluation(content, scoreEvaluationContent(content, policy.policy)) : [];
    const adjustments = dto.adjustments ?? [];
    const decision = decideEvaluationTransition({
      status: current.status,
      action: dto.action,
      roles: user.roles,
      actorId: user.userId,
      submittedBy: current.submittedBy,
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
        else if (!isBandScored(storedTarget(found.row)))
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
        const earlier = row.reviewerShare
          ? shownBand(row.reviewerShare, row.reviewerBand)
          : shownBand(row.selfShare, row.selfBand);
        changes.push({
          field: `indicators.${index}.reviewerShare`,
          label: `复核调整：${row.name}`,
          before: earlier,
          after: share ? `${shownBand(share, bandsOf[i])}（${a.reason!.trim()}）` : null,
        });
      });
      await this.rows.setReviewerShares(
        db,
        id,
        adjustments.map((a, i) => {
          const share = blankToNull(a.share);
          return { indicatorId: a.indicatorId, share, band: bandsOf[i], reason: share ? a.reason!.trim() : null };
        }),
      );
    }

    // 退回 hands the scores back to the unit: an earlier 复核's adjustments would otherwise override whatever the
    // unit changes. They stay in the history, and the next 复核 starts from the unit's own scores.
    if (rule.to === 'returned') {
      rows.forEach((r, index) => {
        if (r.reviewerShare !== null)
          changes.push({
            field: `indicators.${index}.reviewerShare`,
            label: `撤销复核调整：${r.name}`,
            before: shownBand(r.reviewerShare, r.reviewerBand),
            after: null,
          });
      });
      await this.rows.clearReviewerShares(db, id);
    }

    // Scores are stored under the year's current version, before the status changes: from 定稿 on the 自评表 is
    // locked (the database refuses any change), and the version that scored it is its own for good.
    await this.evaluations.rescore(id);
    const rowVersion = await this.rows.applyTransition(db, id, rule.to, user.userId, rule.action === 'submit');
    await this.evaluations.record(id, {
      kind: 'transition',
      action: rule.action,
      from: current.status,
      to: rule.to,
      comment: blankToNull(dto.comment),
      changes: changes.length ? changes : null,
      rowVersion,
    });
    await this.notifications.evaluationStepTaken(id, rule.to, blankToNull(dto.comment));
    return this.evaluations.get(id);
  }

  async history(id: string): Promise<EvaluationHistoryEntry[]> {
    const { db } = tenantScope();
    await this.evaluations.assertInScope(id);
    return (await this.historyRows.ofEvaluation(db, id)).map(toHistory);
  }
}
