import { HttpException, Injectable, NotFoundException } from '@nestjs/common';
import type {
  BatchTransitionResponse,
  BatchTransitionResult,
  FormAction,
  FormHistoryEntry,
  FormStatus,
  GoalForm,
  ReviewResult,
  SubmissionFiler,
} from '@jxt/contracts';
import { decideTransition } from '@jxt/domain';
import { ACTOR_COLUMNS, actorValues, toHistoryEntry, type HistoryEventRow } from '../../common/history/history-event';
import { transitionRefusal } from '../../common/http/transition-refusal';
import { tenantScope } from '../../common/tenancy/request-context';
import { queryRows } from '../../common/tenancy/sql';
import { FormsService } from '../forms/forms.service';
import { staleFormConflict } from '../forms/stale-form';
import type { BatchTransitionDto, TransitionDto } from './dto/transition.dto';

interface LockedForm {
  id: string;
  status: FormStatus;
  row_version: number;
  submitted_by: string | null;
  updated_at: Date;
  updated_by_name: string | null;
}

/** 审批: one endpoint takes every transition; the rules are libs/domain's FORM_TRANSITIONS. */
@Injectable()
export class WorkflowService {
  constructor(private readonly forms: FormsService) {}

  async transition(formId: string, dto: TransitionDto): Promise<GoalForm> {
    const { user, manager } = tenantScope();
    // Lock the form: two reviewers acting at once are serialised here, and the second sees a new rowVersion.
    const [form] = await queryRows<LockedForm>(
      manager,
      `SELECT f.id, f.status, f.row_version, f.submitted_by, f.updated_at, ub.display_name AS updated_by_name
       FROM goal_form f JOIN project p ON p.id = f.project_id JOIN organization o ON o.id = p.organization_id
       LEFT JOIN app_user ub ON ub.id = f.updated_by
       WHERE f.id = $1 AND o.path LIKE ANY($2::text[]) FOR UPDATE OF f`,
      [formId, user.scopePatterns],
    );
    if (!form) throw new NotFoundException('绩效目标表不存在或无权访问');
    if (form.row_version !== dto.rowVersion) throw staleFormConflict(form, dto.rowVersion);

    const issues = dto.action === 'submit' ? await this.forms.submissionIssues(formId) : [];
    const decision = decideTransition({
      status: form.status,
      action: dto.action,
      roles: user.roles,
      actorId: user.userId,
      submittedBy: form.submitted_by,
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
      await this.record(formId, {
        action: rule.action,
        from: form.status,
        to: form.status,
        comment,
        field: null,
        rowVersion: form.row_version,
      });
      await this.record(revisionId, {
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
    const [updated] = await queryRows<{ row_version: number }>(
      manager,
      `UPDATE goal_form SET status = $2, row_version = row_version + 1, updated_at = now(), updated_by = $3, status_changed_at = now(),
         submitted_by = CASE WHEN $4::boolean THEN $3 ELSE submitted_by END,
         submitted_at = CASE WHEN $4::boolean THEN now() ELSE submitted_at END,
         review_result = CASE WHEN $5::boolean THEN $6 ELSE review_result END,
         review_comment = CASE WHEN $5::boolean THEN $7 ELSE review_comment END
       WHERE id = $1 RETURNING row_version`,
      [formId, rule.to, user.userId, rule.action === 'submit', financeReview, dto.reviewResult ?? null, comment],
    );
    await this.record(formId, {
      action: rule.action,
      from: form.status,
      to: rule.to,
      comment,
      field: comment ? (dto.field ?? null) : null,
      reviewResult: dto.reviewResult ?? null,
      filer,
      rowVersion: updated.row_version,
    });
    return this.forms.get(formId);
  }

  /**
   * 批量审核 / 汇总报送: each form is checked and applied on its own (a savepoint each), so one refusal does
   * not undo the others; every form's outcome is reported.
   */
  async batch(dto: BatchTransitionDto): Promise<BatchTransitionResponse> {
    const { manager } = tenantScope();
    const results: BatchTransitionResult[] = [];
    for (const [index, item] of dto.forms.entries()) {
      const savepoint = `batch_${index}`;
      await manager.query(`SAVEPOINT ${savepoint}`);
      try {
        const form = await this.transition(item.id, {
          action: dto.action,
          comment: dto.comment,
          reviewResult: dto.reviewResult,
          field: null,
          filerName: dto.filerName,
          filerPhone: dto.filerPhone,
          rowVersion: item.rowVersion,
        });
        await manager.query(`RELEASE SAVEPOINT ${savepoint}`);
        results.push({ formId: item.id, ok: true, status: form.status, rowVersion: form.rowVersion });
      } catch (err) {
        await manager.query(`ROLLBACK TO SAVEPOINT ${savepoint}`);
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
    const { manager } = tenantScope();
    await this.forms.assertInScope(formId);
    const rows = await queryRows<
      HistoryEventRow<FormAction, FormStatus> & {
        field: string | null;
        review_result: ReviewResult | null;
        filer_name: string | null;
        filer_phone: string | null;
      }
    >(manager, `SELECT * FROM form_event WHERE form_id = $1 ORDER BY id`, [formId]);
    return rows.map((r) => ({
      ...toHistoryEntry(r),
      field: r.field,
      reviewResult: r.review_result,
      filer: r.filer_name !== null && r.filer_phone !== null ? { name: r.filer_name, phone: r.filer_phone } : null,
    }));
  }

  /** Appends one history entry as the current user. */
  private async record(
    formId: string,
    e: {
      action: FormAction;
      from: FormStatus | null;
      to: FormStatus;
      comment: string | null;
      field: string | null;
      reviewResult?: ReviewResult | null;
      /** 填报人 and 联系电话 of a 提交. */
      filer?: SubmissionFiler | null;
      rowVersion: number;
    },
  ): Promise<void> {
    const { user, manager } = tenantScope();
    await queryRows(
      manager,
      `INSERT INTO form_event (tenant_id, form_id, kind, action, from_status, to_status, ${ACTOR_COLUMNS}, comment, field, review_result, filer_name, filer_phone, row_version)
       VALUES ($1, $2, 'transition', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [
        user.tenantId,
        formId,
        e.action,
        e.from,
        e.to,
        ...actorValues(user),
        e.comment,
        e.field,
        e.reviewResult ?? null,
        e.filer?.name ?? null,
        e.filer?.phone ?? null,
        e.rowVersion,
      ],
    );
  }
}
