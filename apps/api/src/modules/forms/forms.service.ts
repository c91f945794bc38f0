import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { FieldError, GoalForm, PreviousYear } from '@jxt/contracts';
import { FORM_FIELD_LABELS } from '@jxt/contracts';
import { checkForm, checkSubmission, hasErrors, isEditable } from '@jxt/domain';
import { staleRecordConflict } from '../../common/http/stale-record';
import { validateAsDto } from '../../common/http/validation';
import { tenantScope } from '../../common/tenancy/request-context';
import { CatalogService } from '../catalog/catalog.service';
import { FormHistoryService } from '../form-history/form-history.service';
import { ProjectRecordsService } from '../project-records/project-records.service';
import { SaveFormDto } from './dto/save-form.dto';
import type { Db } from '../../database/access/db';
import type { Scope } from '../../database/access/scope';
import { FormRepository, type ExportSummaryRow, type FirstFormInput, type TransitionChange } from './form.repository';
import { formContent, saveChanges, toCheckedGoalForm, toGoalForm } from './goal-form';
import { newlyUsedRetiredNodes } from './retired-nodes';

/** 绩效目标填报表: read one whole form, save one whole form (one transaction, optimistic lock). */
@Injectable()
export class FormsService {
  constructor(
    private readonly catalog: CatalogService,
    private readonly forms: FormRepository,
    private readonly projects: ProjectRecordsService,
    private readonly history: FormHistoryService,
  ) {}

  /** The form with its `issues`: the form's checks, then the goal-quality checks at the levels of the year's policy. */
  async get(id: string): Promise<GoalForm> {
    return toCheckedGoalForm(await this.row(id));
  }

  /** What the form's 推荐指标 rank by (its header's words, its 年度绩效指标); 404 outside the scope. */
  async suggestionInput(id: string) {
    const { user, db } = tenantScope();
    const row = await this.forms.suggestionInput(db, user.scope, id);
    if (!row) throw new NotFoundException('绩效目标表不存在或无权访问');
    return row;
  }

  /** The form's one read (with its year's taxonomy and what its quality checks read); 404 outside the scope. */
  private async row(id: string) {
    const { user, db } = tenantScope();
    const row = await this.forms.byId(db, user.scope, id);
    if (!row) throw new NotFoundException('绩效目标表不存在或无权访问');
    return row;
  }

  /**
   * A bulk export's list of the year (each project's latest revision in `scope`), for a job outside any request: the
   * caller gives its transaction and the asking user's scope.
   */
  exportSummary(db: Db, scope: Scope, year: number): Promise<ExportSummaryRow[]> {
    return this.forms.exportSummary(db, scope, year);
  }

  /** Whole forms by id in one query, in the order of `ids` (a bulk export's page); those out of `scope` are left out. */
  async exportPage(db: Db, scope: Scope, ids: string[]): Promise<GoalForm[]> {
    const byId = new Map((await this.forms.byIds(db, scope, ids)).map((row) => [row.formId, row]));
    return ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [toGoalForm(row, false)] : [];
    });
  }

  async save(id: string, dto: SaveFormDto): Promise<GoalForm> {
    const { user, db } = tenantScope();
    // One read under the row lock: the form as it is (for the checks and the history) with its year's taxonomy.
    const current = await this.forms.byIdForUpdate(db, user.scope, id);
    if (!current) throw new NotFoundException('绩效目标表不存在或无权访问');
    if (current.rowVersion !== dto.rowVersion) throw staleRecordConflict(current, dto.rowVersion);
    if (!isEditable(current.status)) throw new ConflictException('此表已提交或已审核，不能修改');

    const issues = checkForm(dto, current.taxonomy);
    const retired = newlyUsedRetiredNodes(dto.indicators, current.indicators, current.taxonomy);
    if (hasErrors(issues) || retired.length) {
      const fields: FieldError[] = [
        ...issues.filter((i) => i.severity === 'error').map((i) => ({ field: i.field, message: i.message })),
        ...retired,
      ];
      throw new BadRequestException({
        message: `有 ${fields.length} 处需要修改：` + fields.map((f) => f.message).join('；'),
        fields,
      });
    }

    const before = toGoalForm(current, false);
    if (dto.project.code !== current.code) await this.changeProjectCode(current.id, dto.project.code, id);
    await this.forms.saveContent(db, id, formContent(dto), user.userId);
    await this.forms.insertIndicators(
      db,
      user.tenantId,
      id,
      dto.indicators,
      new Set(current.indicators.map((i) => i.id)),
    );
    const after = await this.get(id);
    // History of a save: which fields changed, old and new values.
    await this.history.recordSave(after.id, saveChanges(before, after), after.rowVersion);
    return after;
  }

  /** A save whose body the API built (导入: a sheet's form), checked first as PUT /api/forms/:id checks its body. */
  async saveImported(id: string, body: object): Promise<GoalForm> {
    return this.save(id, await validateAsDto(SaveFormDto, body));
  }

  /**
   * 项目编码 is the project's identity, shown on each of its revisions. Changing it bumps the rowVersion of every
   * open revision (not locked) and records the change in its history, so a save read before the change is a 409
   * instead of quietly putting the old code back. `savingFormId` is the form whose own save carries the change.
   */
  async changeProjectCode(projectId: string, code: string, savingFormId: string | null = null): Promise<void> {
    const { user, db } = tenantScope();
    const previous = await this.projects.changeCode(projectId, code);
    if (previous === undefined) return;
    const bumped = await this.forms.bumpOpenRevisions(db, projectId, savingFormId, user.userId);
    await this.history.recordSaves(bumped, [
      { field: 'project.code', label: FORM_FIELD_LABELS.projectCode, before: previous, after: code },
    ]);
  }

  /**
   * The checks as 提交 applies them (blanks that a draft may keep are errors), and the goal-quality checks the year's
   * policy makes errors.
   */
  async submissionIssues(id: string) {
    const row = await this.row(id);
    const form = toCheckedGoalForm(row);
    const quality = form.issues.filter((i) => i.code.startsWith('quality.') && i.severity === 'error');
    return [...checkSubmission(form, row.taxonomy), ...quality];
  }

  /** 404 unless the form is in the caller's subtree. */
  async assertInScope(id: string): Promise<void> {
    const { user, db } = tenantScope();
    if (!(await this.forms.isInScope(db, user.scope, id))) throw new NotFoundException('绩效目标表不存在或无权访问');
  }

  /** A new project's first form, a draft of the given year that holds the header (项目名称 …). Returns its id. */
  createFirst(input: Omit<FirstFormInput, 'tenantId' | 'userId'>): Promise<string> {
    const { user, db } = tenantScope();
    return this.forms.insertFirst(db, { ...input, tenantId: user.tenantId, userId: user.userId });
  }

  /** Every revision of a project the caller has found in scope, newest year and revision first. */
  revisionsOfProject(projectId: string) {
    return this.forms.revisionsOfProject(tenantScope().db, projectId);
  }

  /**
   * Locks a form for a transition (two reviewers acting at once are serialised here, and the second sees the new
   * rowVersion); undefined outside the caller's subtree.
   */
  lockForTransition(id: string) {
    const { user, db } = tenantScope();
    return this.forms.lockForUpdate(db, user.scope, id);
  }

  /** Locks several forms in the caller's subtree at once, in id order (a batch; forms outside the scope are skipped). */
  async lockAllForTransition(ids: string[]): Promise<void> {
    const { user, db } = tenantScope();
    await this.forms.lockAllForUpdate(db, user.scope, ids);
  }

  /** Writes a transition's new status (and its submission or review columns) on a locked form; the new rowVersion. */
  applyTransition(id: string, change: TransitionChange): Promise<number> {
    return this.forms.applyTransition(tenantScope().db, id, change);
  }

  /** 调整: a copy of an approved form as the next revision, a draft; the approved one stays as it is. Returns the new id. */
  async createRevision(id: string): Promise<string> {
    const { user, db } = tenantScope();
    return this.forms.createRevision(db, id, user.userId);
  }

  /**
   * A project's form for another year (延续), read back whole. See `carryForward`.
   */
  async createForYear(projectId: string, year: number, copyLatest = true): Promise<GoalForm> {
    await this.projects.assertInScope(projectId);
    return this.get(await this.carryForward(projectId, year, copyLatest));
  }

  /**
   * A project's form for another year (延续; docs/domain.md §5.1), on a project the caller has found in scope. By
   * default it is carried forward from the newest finance-approved revision of the year before, never from a draft
   * or an unapproved 调整: its header (marked 延续), goals and indicators; the goal period is stretched to the new
   * year; amounts start blank, since each year's money is new. Refused (409, at the year) when that year has no
   * approved revision or this year's form exists. The source is recorded (`carriedFrom`) and the new form's history
   * says where it came from. `copyLatest: false` opens a blank form with the newest revision's header instead.
   * Returns the new form's id.
   */
  async carryForward(projectId: string, year: number, copyLatest = true): Promise<string> {
    const { user, db } = tenantScope();
    if (await this.forms.formOfYear(db, projectId, year))
      throw new ConflictException({
        message: `该项目已有 ${year} 年度的绩效目标表`,
        fields: [{ field: 'year', message: '该年度已有表', value: year }],
      });
    const approved = copyLatest ? await this.forms.approvedOfYear(db, projectId, year - 1) : undefined;
    if (copyLatest && !approved)
      throw new ConflictException({
        message: `${year - 1} 年度没有已审核的版本，不能生成 ${year} 年度的绩效目标表`,
        fields: [{ field: 'year', message: `${year - 1} 年度没有已审核的版本`, value: year }],
      });
    await this.catalog.ensureTaxonomyYear(year);
    const source = approved?.id ?? (await this.forms.carrySource(db, projectId));
    if (!source) throw new NotFoundException('项目不存在或无权访问');
    const created = await this.forms.insertForYear(
      db,
      { tenantId: user.tenantId, projectId, year, sourceId: source, carriedFromId: approved?.id ?? null },
      user.userId,
    );
    await this.history.recordTransition(created, {
      action: null,
      from: null,
      to: 'draft',
      comment: approved
        ? `由 ${year - 1} 年度已审核版本生成（第 ${approved.revision} 版）`
        : `新建 ${year} 年度的空白表（表头取自最近一版）`,
      field: null,
      rowVersion: 1,
    });
    return created;
  }

  /**
   * Last year beside this year's form (延续): the indicators of the revision it was carried from, each with its
   * target and, once that year's 自评表 records one, its actual value. 404 for a form not carried forward.
   */
  async previousYear(id: string): Promise<PreviousYear> {
    const { db } = tenantScope();
    await this.assertInScope(id);
    const source = await this.forms.carriedFromOf(db, id);
    if (!source) throw new NotFoundException('这张表不是由上一年度的表结转生成的');
    return {
      formId: source.id,
      year: source.year,
      revision: source.revision,
      indicators: await this.forms.previousIndicators(db, source.id),
    };
  }

  /** The projects of a unit (in scope) and its 内设机构 with a form of `fromYear`, for 结转到下一年度. */
  carryCandidates(organizationId: string, fromYear: number, toYear: number) {
    const { user, db } = tenantScope();
    return this.forms.carryCandidates(db, user.scope, organizationId, fromYear, toYear);
  }

  /** A draft form may be deleted while its project keeps at least one other form. */
  async remove(id: string): Promise<void> {
    const { db } = tenantScope();
    const form = await this.get(id);
    if (form.status !== 'draft') throw new ConflictException('只有草稿状态的表可以删除');
    if ((await this.forms.countOfProject(db, form.project.id)) < 2)
      throw new ConflictException('这是该项目唯一的绩效目标表；如需删除，请删除项目');
    await this.forms.delete(db, id);
  }
}
