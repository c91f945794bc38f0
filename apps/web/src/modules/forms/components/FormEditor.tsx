import type { CodeListItem, GoalForm, TaxonomyNode } from '@jxt/contracts';
import { checkGoalQuality, countIndicators, indicatorCountProblem, QUALITY_CODES } from '@jxt/domain';
import { Alert, App, Button, Input, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useReducer, useState, type KeyboardEvent } from 'react';
import { ConflictDialog } from '../../../ui/ConflictDialog';
import { EditBar } from '../../../ui/EditBar';
import { LeaveGuard } from '../../../ui/LeaveGuard';
import { SaveErrors } from '../../../ui/SaveErrors';
import { useEditorSave } from '../../../ui/use-editor-save';
import { timed } from '../../../ui/user-timing';
import {
  createDraft,
  draftReducer,
  fieldIdIndicator,
  toRequest,
  UNDO_REMOVE_ID,
  type FormDraft,
  type RemovedIndicator,
} from '../form-draft';
import { usePreviousYear, useSaveForm } from '../hooks';
import { useAddToLibrary } from '../library-queries';
import { LibraryPanel } from './LibraryPanel';
import { liveChecks, previousTargetsOf } from '../checks';
import { useQualityPolicy } from '../quality-policy-query';
import { ChecksPanel } from './ChecksPanel';
import { SheetTitle } from './FormSheet';
import { SheetColumns } from './SheetColumns';
import { FundsEditorRows, GoalsEditorRows, HeaderEditorRows } from './HeadEditors';
import { focusField, IndicatorEditor, indexTaxonomy, previousKey } from './IndicatorEditor';

export interface FormEditorProps {
  form: GoalForm;
  taxonomy: readonly TaxonomyNode[];
  categories: readonly CodeListItem[];
  /** The tenant's 功能分类科目 code list. */
  functionClasses: readonly CodeListItem[];
  /** Leave edit mode (after a save, or a confirmed cancel). */
  onDone: () => void;
  /** Fetch the form again and leave edit mode (after a 409, local edits discarded). */
  onReload: () => Promise<unknown>;
  /** Dotted path of the field a reviewer's comment concerns: its input is outlined, the comment shown beside the toolbar. */
  highlightField?: string | null;
  highlightNote?: string | null;
}

/** The `data-field-id` of the input for an API field path (indicators by their draft key). */
function inputIdOf(path: string, year: FormDraft['year']): string | null {
  const match = /^indicators\.year\.(\d+)\.children\.(\d+)\.indicators\.(\d+)\.(\w+)$/.exec(path);
  if (!match) return path;
  const key = year[Number(match[1])]?.children[Number(match[2])]?.indicators[Number(match[3])]?.key;
  return key ? fieldIdIndicator(key, match[4]) : null;
}

/** How long typing pauses before the checks panel follows it. */
const CHECK_PAUSE_MS = 300;
/** The User Timing measure of each run of the editor's checks (read by tools/bench/web.mjs). */
const LIVE_CHECKS_MEASURE = 'jxt:live-checks';

/** A text box keeps Ctrl+Z for its own text. */
const isTextBox = (target: EventTarget) =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    target.tagName === 'TEXTAREA' ||
    (target.tagName === 'INPUT' && (target as HTMLInputElement).type !== 'button'));

/** 撤销 for the last removed 三级指标, in the sticky bar: named by its row and text, announced when it appears. */
function UndoRemove({ last, onUndo }: { last: RemovedIndicator | undefined; onUndo: () => void }) {
  const what = last ? `第${last.rowNumber}行“${last.row.name || '（未命名）'}”` : '';
  return (
    <span role="status" className="undo-remove">
      {last && (
        <>
          <Typography.Text className="undo-remove-what" title={what}>
            已删除 {what}
          </Typography.Text>
          <Button
            size="small"
            type="link"
            onClick={onUndo}
            data-field-id={UNDO_REMOVE_ID}
            aria-label={`撤销删除 ${what}`}
            title="撤销（Ctrl+Z）"
          >
            撤销
          </Button>
        </>
      )}
    </span>
  );
}

/** Edit mode: the same sheet, with inputs. The draft lives in one reducer (form-draft.ts); rows are memoised. */
export function FormEditor({
  form,
  taxonomy,
  categories,
  functionClasses,
  onDone,
  onReload,
  highlightField,
  highlightNote,
}: FormEditorProps) {
  const [draft, dispatch] = useReducer(draftReducer, form, createDraft);
  // The path names the saved form's rows: resolve it once, against the draft as it was opened.
  const [flaggedInput] = useState(() => (highlightField ? inputIdOf(highlightField, draft.year) : null));
  const { save, saving, saved, conflict, closeConflict, failure, closeFailure } = useEditorSave(useSaveForm(form.id), {
    onSaved: onDone,
    onInvalid: (fields, message) => dispatch({ type: 'serverErrors', fields, message }),
  });
  // 延续: last year's target (and actual value) beneath each carried indicator's 年度指标值.
  const previousYear = usePreviousYear(form);
  const previous = useMemo(
    () =>
      new Map(
        (previousYear.data?.indicators ?? [])
          .filter((i) => i.indicatorSet === 'year')
          .map((i) => [previousKey(i.level1Code, i.level2Code, i.name), { target: i.target, actual: i.actual }]),
      ),
    [previousYear.data],
  );
  const taxonomyIndex = useMemo(() => {
    const labels = new Map<string, string>();
    for (const set of [form.indicators.year, form.indicators.longTerm ?? []])
      for (const l1 of set) {
        labels.set(l1.code, l1.label);
        for (const l2 of l1.children) labels.set(l2.code, l2.label);
      }
    return indexTaxonomy(taxonomy, labels);
  }, [taxonomy, form.indicators]);

  // The checks, live (issue 14): on the draft as it stands once typing pauses (CHECK_PAUSE_MS), so a keystroke never
  // waits for them or for the panel; memoised.
  const policy = useQualityPolicy(form.year);
  const previousTargets = useMemo(() => previousTargetsOf(previousYear.data), [previousYear.data]);
  const [checkedDraft, setCheckedDraft] = useState(draft);
  useEffect(() => {
    const timer = setTimeout(() => setCheckedDraft(draft), CHECK_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [draft]);
  const request = useMemo(() => toRequest(checkedDraft), [checkedDraft]);
  // Timed in the browser as `jxt:live-checks` (issue 14: all checks of a 60-indicator form under 5 ms; bench:web).
  const issues = useMemo(
    () =>
      timed(LIVE_CHECKS_MEASURE, () =>
        liveChecks(request, taxonomy, form.year, policy.data?.policy, previousTargets, form.libraryUnits),
      ),
    [request, taxonomy, form.year, policy.data, previousTargets, form.libraryUnits],
  );
  // Targets below last year's whether or not a reason is given: their 下调理由 inputs stay while it is typed.
  const weaker = useMemo(() => {
    if (!previousTargets) return [];
    const withoutReasons = {
      ...request,
      indicators: {
        ...request.indicators,
        year: request.indicators.year.map((l1) => ({
          ...l1,
          children: l1.children.map((l2) => ({
            ...l2,
            indicators: l2.indicators.map((i) => ({ ...i, weakerTargetReason: null })),
          })),
        })),
      },
    };
    return checkGoalQuality(withoutReasons, taxonomy, form.year, { previous: previousTargets })
      .filter((i) => i.code === QUALITY_CODES.targetWeakerThanLastYear)
      .flatMap((issue) => {
        const match = /^indicators\.year\.(\d+)\.children\.(\d+)\.indicators\.(\d+)\./.exec(issue.field);
        return match ? [{ issue, at: { l1: Number(match[1]), l2: Number(match[2]), index: Number(match[3]) } }] : [];
      });
  }, [request, taxonomy, form.year, previousTargets]);
  const locate = (field: string) => focusField(inputIdOf(field, draft.year) ?? field);

  // 指标库 (issue 14 point 2): the drawer's 添加 puts one indicator in its place; 入库 adds a saved one to the library.
  const { message } = App.useApp();
  const [libraryOpen, setLibraryOpen] = useState(false);
  const present = useMemo(
    () => new Set(draft.year.flatMap((l1) => l1.children.flatMap((l2) => l2.indicators.map((i) => i.name.trim())))),
    [draft.year],
  );
  const addToLibrary = useAddToLibrary(form.id);
  const { mutate: addEntry } = addToLibrary;
  const onAddToLibrary = useCallback(
    (indicatorId: string, name: string) =>
      addEntry(
        { indicatorId },
        {
          onSuccess: (entry) => void message.success(`已加入指标库：${entry.name}（本单位个性指标）`),
          onError: (error) => void message.error(`“${name}”未能加入指标库：${error.message}`),
        },
      ),
    [addEntry, message],
  );

  // Unsaved changes: reloads, closing the tab and navigation inside the app ask first.
  const dirty = draft.dirty && !saved;

  const counts = countIndicators({ year: draft.year, longTerm: null });
  // The cap the save would refuse, said while adding rows (the same sentence as the server's 400).
  const tooMany = indicatorCountProblem({ year: draft.year, longTerm: draft.base.indicators.longTerm });
  const undo = () => dispatch({ type: 'restoreIndicator' });
  // Ctrl+Z (⌘Z) brings back the last removed row, unless the keyboard is in a text box (its own undo).
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (
      (event.ctrlKey || event.metaKey) &&
      !event.shiftKey &&
      !event.altKey &&
      event.key.toLowerCase() === 'z' &&
      draft.removed.length > 0 &&
      !isTextBox(event.target)
    ) {
      event.preventDefault();
      undo();
    }
  };

  return (
    <div className="form-editor" onKeyDown={onKeyDown}>
      <EditBar dirty={draft.dirty} saving={saving} onSave={() => save(toRequest(draft))} onDiscard={onDone}>
        <Typography.Text type="secondary">三级指标 {counts.year} 个</Typography.Text>
        {tooMany && <Typography.Text type="danger">{tooMany}</Typography.Text>}
        <UndoRemove last={draft.removed.at(-1)} onUndo={undo} />
        <Button size="small" onClick={() => setLibraryOpen((open) => !open)} aria-pressed={libraryOpen}>
          指标库
        </Button>
      </EditBar>
      <LibraryPanel
        formId={form.id}
        year={form.year}
        open={libraryOpen}
        onClose={() => setLibraryOpen(false)}
        taxonomy={taxonomyIndex}
        present={present}
        onAdd={(row) => dispatch({ type: 'addSuggested', row, taxonomy })}
      />

      <SaveErrors summary={draft.errorSummary} failure={failure} onCloseFailure={closeFailure} onFocus={focusField} />
      <ChecksPanel issues={issues} onLocate={locate}>
        {weaker.length > 0 && (
          <div className="checks-group" role="group" aria-label="下调理由">
            <Typography.Text strong>指标值低于上年度已审核值：填写下调理由后不再提醒</Typography.Text>
            {weaker.map(({ issue, at }) => {
              const row = draft.year[at.l1]?.children[at.l2]?.indicators[at.index];
              if (!row) return null;
              return (
                <div key={row.key} className="weaker-reason">
                  <Typography.Text>{row.name}</Typography.Text>
                  <Input
                    size="small"
                    maxLength={1000}
                    value={row.weakerTargetReason ?? ''}
                    placeholder="下调理由，如：服务范围调整"
                    aria-label={`${row.name} 的下调理由`}
                    title={issue.message}
                    onChange={(e) => dispatch({ type: 'weakerTargetReason', at, value: e.target.value })}
                  />
                </div>
              );
            })}
          </div>
        )}
      </ChecksPanel>

      {flaggedInput && (
        // A style rule survives the inputs' re-renders (they own their class names).
        <style>{`[data-field-id="${CSS.escape(flaggedInput)}"] { outline: 2px solid #fa8c16; outline-offset: 1px; background: #fff7e6; }`}</style>
      )}
      {flaggedInput && (
        <Alert
          type="warning"
          showIcon
          className="form-alert no-print"
          title="审核意见所指的栏目已用橙色框标出"
          description={highlightNote}
          action={
            <Button size="small" onClick={() => focusField(flaggedInput)}>
              定位
            </Button>
          }
        />
      )}
      <article className="goal-sheet goal-sheet-edit" aria-label="编辑绩效目标填报表">
        <SheetTitle year={form.year} />
        <table className="sheet-table">
          <SheetColumns />
          <tbody>
            <HeaderEditorRows
              project={draft.project}
              categories={categories}
              functionClasses={functionClasses}
              errors={draft.errors}
              dispatch={dispatch}
            />
            <FundsEditorRows funds={draft.funds} errors={draft.errors} dispatch={dispatch} />
            <GoalsEditorRows
              year={form.year}
              totalGoal={draft.totalGoal}
              annualGoal={draft.annualGoal}
              goalPeriodStart={draft.goalPeriodStart}
              goalPeriodEnd={draft.goalPeriodEnd}
              goalPeriodProposed={draft.goalPeriodProposed}
              carriedFromYear={form.carriedFrom?.year ?? null}
              errors={draft.errors}
              dispatch={dispatch}
            />
          </tbody>
        </table>
        {/* 定位 of a check about the whole tree (a missing 一级指标) lands here. */}
        <div data-field-id="indicators.year" tabIndex={-1} />
        <IndicatorEditor
          year={draft.year}
          errors={draft.errors}
          taxonomy={taxonomyIndex}
          focus={draft.focus}
          previous={previous}
          dispatch={dispatch}
          onAddToLibrary={onAddToLibrary}
        />
      </article>

      <ConflictDialog
        message={conflict}
        title="这张表已被他人修改"
        confirmTitle="重新加载这张表？"
        onClose={closeConflict}
        onReload={onReload}
      />
      <LeaveGuard dirty={dirty} />
    </div>
  );
}
