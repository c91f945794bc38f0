import { FORM_FIELD_LABELS as L, REVIEW_RESULT_LABELS, type FieldIssue, type GoalForm } from '@jxt/contracts';
import { Alert, Button, Result, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiRequestError } from '../../api/http';
import { FormStatusTag } from '../../ui/FormStatusTag';
import { isEditable } from '@jxt/domain';
import { useCurrentUser } from '../auth/hooks';
import { FormEditor } from './components/FormEditor';
import { FormSheet } from './components/FormSheet';
import { useCodeList, useGoalForm, useTaxonomy } from './hooks';
import { EvaluationButton } from '../evaluations/components/EvaluationButton';
import { FormTimeline } from '../workflow/components/FormTimeline';
import { ReviewNotice } from '../workflow/components/ReviewNotice';
import { RevisionBar } from '../workflow/components/RevisionBar';
import { WorkflowActions } from '../workflow/components/WorkflowActions';
import '../workflow/workflow.css';
import './form.css';
import './form-print.css';


const formatTime = (iso: string) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString('zh-CN', { hour12: false });
};

/** Warnings of the checks (blank printed fields, sums that disagree …): screen only, above the sheet. */
function IssuesPanel({ issues }: { issues: readonly FieldIssue[] }) {
  if (issues.length === 0) return null;
  const errors = issues.filter((issue) => issue.severity === 'error');
  return (
    <Alert
      className="form-alert no-print"
      type={errors.length ? 'error' : 'warning'}
      showIcon
      title={`检查发现 ${issues.length} 处${errors.length ? `（${errors.length} 处错误）` : '提示'}`}
      description={
        <ul className="issue-list">
          {issues.map((issue, i) => (
            <li key={i} className={issue.severity === 'error' ? 'issue-error' : undefined}>
              {issue.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}

/** /forms/:formId — one 财政项目支出绩效目标填报表: the paper layout to read and print, and edit mode for the filer. */
export function FormPage() {
  const { formId = '' } = useParams();
  const query = useGoalForm(formId);
  const me = useCurrentUser();
  const categories = useCodeList('project_category');
  const [editing, setEditing] = useState(false);
  const navigate = useNavigate();
  const taxonomy = useTaxonomy(query.data?.year, editing);

  if (query.isPending) return <Spin className="form-loading" description="加载中…" />;
  if (query.isError) {
    const status = query.error instanceof ApiRequestError ? query.error.status : 0;
    return (
      <Result
        status={status === 404 ? '404' : status === 403 ? '403' : 'error'}
        title={status === 404 ? '找不到这张表' : '无法读取这张表'}
        subTitle={query.error.message}
        extra={
          <Space>
            <Link to="/projects">返回项目列表</Link>
            <Button onClick={() => void query.refetch()}>重试</Button>
          </Space>
        }
      />
    );
  }

  const form: GoalForm = query.data;
  const canEdit = (me.data?.roles.includes('filer') ?? false) && isEditable(form.status);
  const categoryItems = categories.data ?? [];
  // The reviewer's field is marked while the form is back with the unit (or the 主管部门).
  const review = form.status === 'returned' || form.status === 'finance_returned' ? form.latestReview : null;
  const categoryLabel = form.project.categoryCode
    ? (categoryItems.find((item) => item.code === form.project.categoryCode)?.label ?? form.project.categoryCode)
    : null;

  return (
    <div className="form-page">
      <div className="form-meta no-print">
        <Space wrap size="middle">
          <Link to="/projects">← 项目列表</Link>
          <Typography.Title level={4} className="form-meta-title">
            {form.project.name || '（未命名项目）'}
          </Typography.Title>
          <FormStatusTag status={form.status} />
          <Typography.Text type="secondary">
            {L.projectCode}：{form.project.code}
          </Typography.Text>
          <Typography.Text type="secondary">
            最后修改：{form.updatedBy ? `${form.updatedBy} ` : ''}
            {formatTime(form.updatedAt)}（版本 {form.rowVersion}）
          </Typography.Text>
        </Space>
        {!editing && (
          <Space wrap>
            {me.data && (
              <WorkflowActions
                form={form}
                me={me.data}
                onReopened={(revision) => navigate(`/forms/${revision.id}`)}
                onReload={() => query.refetch()}
              />
            )}
            {me.data && <EvaluationButton form={form} me={me.data} />}
            {canEdit && (
              <Button type="primary" onClick={() => setEditing(true)}>
                编辑
              </Button>
            )}
            <Button onClick={() => window.print()}>打印</Button>
          </Space>
        )}
      </div>

      <RevisionBar form={form} />
      <ReviewNotice form={form} />
      {form.status === 'finance_approved' && (
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
      )}
      {editing ? (
        taxonomy.isPending ? (
          <Spin className="form-loading" description="读取指标体系…" />
        ) : taxonomy.isError ? (
          <Alert type="error" showIcon title="无法读取指标体系" description={taxonomy.error.message} action={<Button onClick={() => void taxonomy.refetch()}>重试</Button>} />
        ) : (
          <FormEditor
            key={`${form.id}:${form.rowVersion}`}
            form={form}
            taxonomy={taxonomy.data}
            categories={categoryItems}
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
          <IssuesPanel issues={form.issues} />
          <FormSheet form={form} categoryLabel={categoryLabel} highlightField={review?.field} highlightNote={review?.comment} />
          <FormTimeline formId={form.id} status={form.status} />
        </>
      )}
    </div>
  );
}
