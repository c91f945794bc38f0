import { HttpException, Injectable, NotFoundException } from '@nestjs/common';
import type { BatchTransitionResponse, BatchTransitionResult, FormHistoryEntry, GoalForm } from '@jxt/contracts';
import { decideTransition } from '@jxt/domain';
import { staleRecordConflict } from '../../common/http/stale-record';
import { transitionRefusal } from '../../common/http/transition-refusal';
import { tenantScope } from '../../common/tenancy/request-context';
import { FormHistoryService } from '../form-history/form-history.service';
import { FormsService } from '../forms/forms.service';
import { NotificationsService } from '../notifications/notifications.service';
import type { BatchTransitionDto, TransitionDto } from './dto/transition.dto';

/** 审批: one endpoint takes every transition; the rules are libs/domain's FORM_TRANSITIONS. */
@Injectable()
export class WorkflowService {
  constructor(
    private readonly forms: FormsService,
    private readonly formHistory: FormHistoryService,
    private readonly notifications: NotificationsService,
  ) {}

  async transition(formId: string, dto: TransitionDto): Promise<GoalForm> {
    const { user } = tenantScope();
    const form = await this.forms.lockForTransition(formId);
    if (!form) throw new NotFoundException('绩效目标表不存在或无权访问');
    if (form.rowVersion !== dto.rowVersion) throw staleRecordConflict(form, dto.rowVersion);

    const issues = dto.action === 'submit' ? await this.forms.submissionIssues(formId) : [];
    const decision = decideTransition({
      status: form.status,
      action: dto.action,
      roles: user.roles,
      actorId: user.userId,
      submittedBy: form.submittedBy,
      comment: dto.comment,
      reviewResult: dto.reviewResult,
      issues,
    });
    if (!decision.ok) throw transitionRefusal(decision);
    const rule = decision.rule;
    const comment = dto.comment?.trim() || null;
    // The DTO requires both with 提交 (the own-submission rule keeps submitted_by; the print keeps these).
    const filer = rule.action === 'submit' ? { name: dto.filerName!.trim(), phone: dto.filerPhone!.trim() } : null;

    if (rule.createsRevision) {
      const revisionId = await this.forms.createRevision(formId);
      await this.formHistory.recordTransition(formId, {
        action: rule.action,
        from: form.status,
        to: form.status,
        comment,
        field: null,
        rowVersion: form.rowVersion,
      });
      await this.formHistory.recordTransition(revisionId, {
        action: rule.action,
        from: null,
        to: rule.to,
        comment,
        field: null,
        rowVersion: 1,
      });
      return this.forms.get(revisionId);
    }

    const financeReview = rule.reviewResults !== undefined;
    const rowVersion = await this.forms.applyTransition(formId, {
      to: rule.to,
      userId: user.userId,
      isSubmit: rule.action === 'submit',
      isFinanceReview: financeReview,
      reviewResult: dto.reviewResult ?? null,
      comment,
    });
    await this.formHistory.recordTransition(formId, {
      action: rule.action,
      from: form.status,
      to: rule.to,
      comment,
      field: comment ? (dto.field ?? null) : null,
      reviewResult: dto.reviewResult ?? null,
      filer,
      rowVersion,
      // The ticked 审核要点 go with the comment: a step without one (批准) keeps none.
      points: comment ? dto.points : null,
    });
    // The next actor hears of it in the same transaction: a step that rolls back tells nobody.
    await this.notifications.formStepTaken(formId, rule.to, comment);
    return this.forms.get(formId);
  }

  /**
   * 批量审核 / 汇总报送: each form is checked and applied on its own (a savepoint each), so one refusal does
   * not undo the others; every form's outcome is reported.
   */
  async batch(dto: BatchTransitionDto): Promise<BatchTransitionResponse> {
    const { db } = tenantScope();
    // All the batch's forms locked first, in one statement and in id order: two batches over the same forms in
    // different orders queue instead of each holding one form while waiting for the other (a deadlock).
    await this.forms.lockAllForTransition(dto.forms.map((f) => f.id));
    const results: BatchTransitionResult[] = [];
    for (const [index, item] of dto.forms.entries()) {
      try {
        const form = await db.inSavepoint(`batch_${index}`, () =>
          this.transition(item.id, {
            action: dto.action,
            comment: dto.comment,
            reviewResult: dto.reviewResult,
            field: null,
            filerName: dto.filerName,
            filerPhone: dto.filerPhone,
            rowVersion: item.rowVersion,
          }),
        );
        results.push({ formId: item.id, ok: true, status: form.status, rowVersion: form.rowVersion });
      } catch (err) {
        if (!(err instanceof HttpException)) throw err;
        const body = err.getResponse();
        const message =
          typeof body === 'string' ? body : String((body as { message?: unknown }).message ?? err.message);
        results.push({ formId: item.id, ok: false, statusCode: err.getStatus(), message });
      }
    }
    const succeeded = results.filter((r) => r.ok).length;
    return { results, succeeded, failed: results.length - succeeded };
  }

  async history(formId: string): Promise<FormHistoryEntry[]> {
    await this.forms.assertInScope(formId);
    return this.formHistory.entries(formId);
  }
}
