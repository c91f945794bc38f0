import type { CodeListItem, GoalForm, TaxonomyNode } from '@jxt/contracts';
import { countIndicators } from '@jxt/domain';
import { Alert, App, Button, Modal, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import { useBlocker, type BlockerFunction } from 'react-router';
import { ApiRequestError } from '../../../api/http';
import { createDraft, draftReducer, fieldIdIndicator, toRequest, type FormDraft } from '../form-draft';
import { useSaveForm } from '../hooks';
import { SheetColumns, SheetTitle } from './FormSheet';
import { FundsEditorRows, GoalsEditorRows, HeaderEditorRows } from './HeadEditors';
import { focusField, IndicatorEditor, indexTaxonomy } from './IndicatorEditor';

export interface FormEditorProps {
  form: GoalForm;
  taxonomy: readonly TaxonomyNode[];
  categories: readonly CodeListItem[];
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

/** Edit mode: the same sheet, with inputs. The draft lives in one reducer (form-draft.ts); rows are memoised. */
export function FormEditor({ form, taxonomy, categories, onDone, onReload, highlightField, highlightNote }: FormEditorProps) {
  const [draft, dispatch] = useReducer(draftReducer, form, createDraft);
  // The path names the saved form's rows: resolve it once, against the draft as it was opened.
  const [flaggedInput] = useState(() => (highlightField ? inputIdOf(highlightField, draft.year) : null));
  const save = useSaveForm(form.id);
  const { message, modal } = App.useApp();
  const [conflict, setConflict] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const taxonomyIndex = useMemo(() => {
    const labels = new Map<string, string>();
    for (const set of [form.indicators.year, form.indicators.longTerm ?? []])
      for (const l1 of set) {
        labels.set(l1.code, l1.label);
        for (const l2 of l1.children) labels.set(l2.code, l2.label);
      }
    return indexTaxonomy(taxonomy, labels);
  }, [taxonomy, form.indicators]);

  // Unsaved changes: reloads and closing the tab…
  const dirty = draft.dirty && !save.isSuccess;
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  // …and navigation inside the app.
  const shouldBlock = useCallback<BlockerFunction>(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname, [dirty]);
  const blocker = useBlocker(shouldBlock);

  const onSave = () => {
    setFailure(null);
    save.mutate(toRequest(draft), {
      onSuccess: () => {
        message.success('已保存');
        onDone();
      },
      onError: (error) => {
        if (error instanceof ApiRequestError && error.status === 409) {
          setConflict(error.body.message);
        } else if (error instanceof ApiRequestError && error.status === 400) {
          dispatch({ type: 'serverErrors', fields: error.body.fields ?? [], message: error.body.message });
          window.scrollTo({ top: 0, behavior: 'smooth' });
        } else {
          setFailure(error.message || '保存失败，请稍后再试');
        }
      },
    });
  };

  const onCancel = () => {
    if (!draft.dirty) return onDone();
    modal.confirm({
      title: '放弃修改？',
      content: '本页的修改尚未保存，取消后将丢失。',
      okText: '放弃修改',
      okButtonProps: { danger: true },
      cancelText: '继续编辑',
      onOk: onDone,
    });
  };

  const onConflictReload = () => {
    modal.confirm({
      title: '重新加载这张表？',
      content: '将读取他人保存的最新内容，你在本页的修改会被放弃。',
      okText: '放弃我的修改并重新加载',
      okButtonProps: { danger: true },
      cancelText: '返回',
      onOk: async () => {
        setConflict(null);
        await onReload();
      },
    });
  };

  const counts = countIndicators({ year: draft.year, longTerm: null });

  return (
    <div className="form-editor">
      <div className="form-toolbar form-toolbar-sticky no-print">
        <Space wrap>
          <Typography.Text strong>编辑中</Typography.Text>
          <Typography.Text type="secondary">三级指标 {counts.year} 个</Typography.Text>
          {draft.dirty && <Typography.Text type="warning">有未保存的修改</Typography.Text>}
        </Space>
        <Space>
          <Button onClick={onCancel} disabled={save.isPending}>
            取消
          </Button>
          <Button type="primary" onClick={onSave} loading={save.isPending}>
            保存
          </Button>
        </Space>
      </div>

      {draft.errorSummary.length > 0 && (
        <Alert
          type="error"
          showIcon
          className="form-alert no-print"
          title={`未保存：有 ${draft.errorSummary.length} 处需要修改（你的输入都还在）`}
          description={
            <ul className="issue-list">
              {draft.errorSummary.map((item, i) => (
                <li key={i}>
                  {item.fieldId ? (
                    <a href={`#${item.fieldId}`} onClick={(e) => (e.preventDefault(), focusField(item.fieldId!))}>
                      {item.label}
                    </a>
                  ) : (
                    item.label && <strong>{item.label}</strong>
                  )}
                  {item.label ? '：' : ''}
                  {item.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      {failure && <Alert type="error" showIcon className="form-alert no-print" title="保存失败" description={failure} closable onClose={() => setFailure(null)} />}

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
            <HeaderEditorRows project={draft.project} categories={categories} errors={draft.errors} dispatch={dispatch} />
            <FundsEditorRows funds={draft.funds} errors={draft.errors} dispatch={dispatch} />
            <GoalsEditorRows
              totalGoal={draft.totalGoal}
              annualGoal={draft.annualGoal}
              goalPeriodStart={draft.base.goalPeriodStart}
              goalPeriodEnd={draft.base.goalPeriodEnd}
              errors={draft.errors}
              dispatch={dispatch}
            />
          </tbody>
        </table>
        <IndicatorEditor year={draft.year} errors={draft.errors} taxonomy={taxonomyIndex} focus={draft.focus} dispatch={dispatch} />
      </article>

      <Modal
        open={conflict !== null}
        title="这张表已被他人修改"
        onCancel={() => setConflict(null)}
        footer={[
          <Button key="stay" onClick={() => setConflict(null)}>
            留在本页（复制我的内容）
          </Button>,
          <Button key="reload" type="primary" danger onClick={onConflictReload}>
            重新加载
          </Button>,
        ]}
      >
        <p>{conflict}</p>
        <p>你的修改尚未保存。重新加载会读取最新内容并放弃本页的修改；也可以先留在本页把需要的内容复制下来。</p>
      </Modal>

      <Modal
        open={blocker.state === 'blocked'}
        title="离开此页？"
        okText="离开（放弃修改）"
        okButtonProps={{ danger: true }}
        cancelText="留下继续编辑"
        onOk={() => blocker.proceed?.()}
        onCancel={() => blocker.reset?.()}
      >
        本页有未保存的修改，离开后将丢失。
      </Modal>
    </div>
  );
}
