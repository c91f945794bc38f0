import { FORM_FIELD_LABELS as L, REVIEW_RESULT_LABELS, type GoalForm, type ReviewPoint } from '@jxt/contracts';
import { Alert, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { FormStatusTag } from '../../ui/FormStatusTag';
import { IssuesPanel } from '../../ui/IssuesPanel';
import { LoadFailure } from '../../ui/LoadFailure';
import { SheetPageHeader } from '../../ui/SheetPageHeader';
import { atSubmission, isEditable } from '@jxt/domain';
import { useCurrentUser } from '../auth/hooks';
import { FormEditor } from '../forms/components/FormEditor';
import { FormSheet } from '../forms/components/FormSheet';
import { useCodeList, useFunctionClasses, useGoalForm, useTaxonomy } from '../forms/hooks';
import { EvaluationButton } from '../evaluations/components/EvaluationButton';
import { CarriedFromNote } from '../forms/components/CarriedFromNote';
import { FormTimeline } from './components/FormTimeline';
import { NextYearButton } from './components/NextYearButton';
import { ReviewNotice } from './components/ReviewNotice';
import { RevisionBar } from './components/RevisionBar';
import { ReviewChecklist } from './components/ReviewChecklist';
import { visibleActions, WorkflowActions } from './components/WorkflowActions';
import './workflow.css';
import '../forms/form.css';
import '../forms/form-print.css';
import { ReadFailure } from '../../ui/ReadFailure';

/** /forms/:formId — one 财政项目支出绩效目标填报表: the paper layout to read and print, and edit mode for the filer. */
export function FormPage() {
  const { formId = '' } = useParams();
  // One page state per form: going from a form to another (调整, 生成下一年度填报表) starts afresh, edit mode included.
  return <FormView key={formId} formId={formId} />;
}

function FormView({ formId }: { formId: string }) {
  const query = useGoalForm(formId);
  const me = useCurrentUser();
  const categories = useCodeList('project_category');
  const functionClasses = useFunctionClasses(query.data?.year);
  // 新建项目 and 生成下一年度填报表 open their new draft straight in edit mode.
  const location = useLocation();
  const [editing, setEditing] = useState(() => (location.state as { edit?: boolean } | null)?.edit === true);
  const navigate = useNavigate();
  const taxonomy = useTaxonomy(query.data?.year, editing);
  // The 审核要点 the reviewer ticks in the checklist, sent with a 退回.
  const [points, setPoints] = useState<ReviewPoint[]>([]);

  if (query.isPending) return <Spin className="form-loading" description="加载中…" />;
  if (query.isError) {
    return (
      <LoadFailure
        error={query.error}
        notFoundTitle="找不到这张表"
        failedTitle="无法读取这张表"
        backTo="/projects"
        backLabel="返回项目列表"
        onRetry={() => void query.refetch()}
      />
    );
  }

  const form: GoalForm = query.data;
  const canEdit = (me.data?.roles.includes('filer') ?? false) && isEditable(form.status);
  const categoryItems = categories.data ?? [];
  const functionClassItems = functionClasses.data ?? [];
  // The reviewer's field is marked while the form is back with the unit (or the 主管部门).
  const review = form.status === 'returned' || form.status === 'finance_returned' ? form.latestReview : null;
  // The label as this revision prints it (kept from when it was locked); the code only if the list lost it.
  const categoryLabel = form.project.categoryCode ? (form.project.categoryLabel ?? form.project.categoryCode) : null;
  const functionClassLabel = form.project.functionClassCode
    ? (form.project.functionClassLabel ?? form.project.functionClassCode)
    : null;

  return (
    <div className="form-page">
      <SheetPageHeader
        backTo="/projects"
        backLabel="项目列表"
        title={form.project.name || '（未命名项目）'}
        editing={editing}
        canEdit={canEdit}
        onEdit={() => setEditing(true)}
        exportHref={`/api/forms/${form.id}/export.xlsx`}
        lastChange={{ by: form.updatedBy, at: form.updatedAt }}
        actions={
          me.data && (
            <>
              <WorkflowActions
                form={form}
                me={me.data}
                // navigate() resolves once the route has changed; nothing waits for it.
                onReopened={(revision) => void navigate(`/forms/${revision.id}`)}
                onReload={() => query.refetch()}
                points={points}
              />
              <EvaluationButton form={form} me={me.data} />
              <NextYearButton form={form} me={me.data} />
            </>
          )
        }
      >
        <FormStatusTag status={form.status} />
        {form.origin === 'imported' && (
          <Tag color="purple" title="本表为导入的历史记录，未经系统审核流程">
            导入
          </Tag>
        )}
        <Typography.Text type="secondary">
          {L.projectCode}：{form.project.code}
        </Typography.Text>
      </SheetPageHeader>

      <RevisionBar form={form} />
      <CarriedFromNote form={form} />
      <ReviewNotice form={form} />
      {form.origin === 'imported' ? (
        // docs/domain.md §4.1: a past year's record read from its 自评表, never through the workflow.
        <Alert
          className="form-alert no-print"
          type="info"
          showIcon
          title="本表为导入的历史记录，未经系统审核流程"
          description="由往年自评表导入，作为该年度已审核的版本保存并锁定；如需修改，请由填报人“调整”新建修订版本。"
        />
      ) : (
        form.status === 'finance_approved' && (
          <Alert
            className="form-alert no-print"
            type="success"
            showIcon
            title={`财政已审核，表单已锁定${form.reviewResult ? `（审核结果：${REVIEW_RESULT_LABELS[form.reviewResult]}）` : ''}`}
            description={
              <>
                {form.reviewComment && <div className="review-comment">审核意见：{form.reviewComment}</div>}
                <div>如需修改，请由填报人“调整”：新建一个修订版本重新审核，本版本保持不变。</div>
              </>
            }
          />
        )
      )}
      {editing && canEdit ? (
        taxonomy.isPending || functionClasses.isPending ? (
          <Spin className="form-loading" description="读取指标体系…" />
        ) : taxonomy.isError ? (
          <ReadFailure what="指标体系" error={taxonomy.error} onRetry={() => void taxonomy.refetch()} />
        ) : (
          <FormEditor
            key={`${form.id}:${form.rowVersion}`}
            form={form}
            taxonomy={taxonomy.data}
            categories={categoryItems}
            functionClasses={functionClassItems}
            onDone={() => setEditing(false)}
            highlightField={review?.field}
            highlightNote={review?.comment}
            onReload={async () => {
              await query.refetch();
              setEditing(false);
            }}
          />
        )
      ) : (
        <>
          {/* Before 提交, what would block it; after, what the checks still find; a locked revision is a record. */}
          {!form.locked && <IssuesPanel issues={isEditable(form.status) ? atSubmission(form.issues) : form.issues} />}
          {me.data && visibleActions(form, me.data).includes('return') && (
            <ReviewChecklist form={form} points={points} onChange={setPoints} />
          )}
          <FormSheet
            form={form}
            categoryLabel={categoryLabel}
            functionClassLabel={functionClassLabel}
            highlightField={review?.field}
            highlightNote={review?.comment}
          />
          <FormTimeline formId={form.id} year={form.year} status={form.status} />
        </>
      )}
    </div>
  );
}
