import { Injectable } from '@nestjs/common';
import type { FormFieldChange, FormHistoryEntry, FormStatus } from '@jxt/contracts';
import { toHistory } from '../../common/history/history-event';
import { tenantScope } from '../../common/tenancy/request-context';
import { FormHistoryRepository, type TransitionEvent } from './form-history.repository';

export type { TransitionEvent } from './form-history.repository';

/**
 * 历史记录 of each 绩效目标填报表: saves (which fields changed) and transitions, appended as the current user.
 * The forms module records saves, the workflow module transitions; both read and write it only through here.
 */
@Injectable()
export class FormHistoryService {
  constructor(private readonly rows: FormHistoryRepository) {}

  /** The form's history, oldest first; the caller has checked the form is in scope. */
  async entries(formId: string): Promise<FormHistoryEntry[]> {
    const rows = await this.rows.ofForm(tenantScope().db, formId);
    return rows.map(({ field, reviewResult, filerName, filerPhone, ...event }) => ({
      ...toHistory(event),
      field,
      reviewResult,
      filer: filerName !== null && filerPhone !== null ? { name: filerName, phone: filerPhone } : null,
    }));
  }

  /** A save's changes (nothing is recorded for a save that changed nothing). */
  async recordSave(formId: string, changes: FormFieldChange[], rowVersion: number): Promise<void> {
    if (!changes.length) return;
    const { user, db } = tenantScope();
    await this.rows.recordSave(db, user, formId, changes, rowVersion);
  }

  /** The same change recorded on several forms, each at its own rowVersion. */
  async recordSaves(forms: { id: string; rowVersion: number }[], changes: FormFieldChange[]): Promise<void> {
    if (!forms.length) return;
    const { user, db } = tenantScope();
    await this.rows.recordSaves(db, user, forms, changes);
  }

  async recordTransition(formId: string, event: TransitionEvent): Promise<void> {
    const { user, db } = tenantScope();
    await this.rows.recordTransition(db, user, formId, event);
  }

  /** 导入 of a past year's revision (docs/domain.md §4.1): one `import` event instead of 提交 and 审核. */
  async recordImport(formId: string, to: FormStatus, comment: string, rowVersion: number): Promise<void> {
    const { user, db } = tenantScope();
    await this.rows.recordImport(db, user, formId, to, comment, rowVersion);
  }
}
