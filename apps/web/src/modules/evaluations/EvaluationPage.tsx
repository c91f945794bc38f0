import { EVALUATION_ACTION_LABELS, type Evaluation, type FieldIssue } from '@jxt/contracts';
import { isEvaluationEditable } from '@jxt/domain';
import { Alert, Button, Result, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiRequestError } from '../../api/http';
import { EvaluationStatusTag } from '../../ui/EvaluationStatusTag';
import { useCurrentUser } from '../auth/hooks';
import { formatTime } from '../workflow/format';
import { EvaluationActions } from './components/EvaluationActions';
import { EvaluationEditor } from './components/EvaluationEditor';
import { EvaluationSheet } from './components/EvaluationSheet';
import { EvaluationTimeline } from './components/EvaluationTimeline';
import { storedScores } from './evaluation-draft';
import { useEvaluation } from './hooks';
import '../forms/form.css';
import '../workflow/workflow.css';
import './evaluation.css';
import './evaluation-print.css';

/** What still stands between the 自评表 and 提交 (the server's checks), screen only. */
function IssuesPanel({ issues }: { issues: readonly FieldIssue[] }) {
  if (issues.length === 0) return null;
  const errors = issues.filter((issue) => issue.severity === 'error');
  return (
    <Alert
      className="form-alert no-print"
      type={errors.length ? 'error' : 'warning'}
      showIcon
      title={`检查发现 ${issues.length} 处${errors.length ? `（${errors.length} 处需在提交前填写或修改）` : '提示'}`}
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

/** The state notices above the sheet: the latest 退回 comment, and 已定稿 with the policy version kept. */
function StatusNotice({ evaluation }: { evaluation: Evaluation }) {
  const latest = evaluation.latestComment;
  if (evaluation.status === 'returned' && latest) {
    return (
      <Alert
        className="form-alert no-print"
        type="warning"
        showIcon
        title={`${latest.actorName} ${EVALUATION_ACTION_LABELS[latest.action]}了自评表（${formatTime(latest.at)}）`}
        description={<div className="review-comment">{latest.comment}</div>}
      />
    );
  }
  if (evaluation.status === 'final') {
    return (
      <Alert
        className="form-alert no-print"
        type="success"
        showIcon
        title="已定稿"
        description={`自评表已定稿，不能再修改；得分按评分规则第 ${evaluation.policy.version} 版保留，之后修改评分规则不影响本表。`}
      />
    );
  }
  return null;
}

/** /evaluations/:id — one 财政项目支出绩效自评表: the official table to read and print, edit mode for the filer. */
export function EvaluationPage() {
  const { id = '' } = useParams();
  const query = useEvaluation(id);
  const me = useCurrentUser();
  const [editing, setEditing] = useState(false);

  if (query.isPending) return <Spin className="form-loading" description="加载中…" />;
  if (query.isError) {
    const status = query.error instanceof ApiRequestError ? query.error.status : 0;
    return (
      <Result
        status={status === 404 ? '404' : status === 403 ? '403' : 'error'}
        title={status === 404 ? '找不到这张自评表' : '无法读取这张自评表'}
        subTitle={query.error.message}
        extra={
          <Space>
            <Link to="/evaluations">返回绩效自评列表</Link>
            <Button onClick={() => void query.refetch()}>重试</Button>
          </Space>
        }
      />
    );
  }

  const evaluation = query.data;
  const canEdit = (me.data?.roles.includes('filer') ?? false) && isEvaluationEditable(evaluation.status);

  return (
    <div className="form-page evaluation-page">
      <div className="form-meta no-print">
        <Space wrap size="middle">
          <Link to="/evaluations">← 绩效自评</Link>
          <Typography.Title level={4} className="form-meta-title">
            {evaluation.projectName}
          </Typography.Title>
          <EvaluationStatusTag status={evaluation.status} />
          <Typography.Text type="secondary">项目编码：{evaluation.projectCode}</Typography.Text>
          <Link to={`/forms/${evaluation.formId}`}>绩效目标表</Link>
          <Typography.Text type="secondary">
            评分规则第 {evaluation.policy.version} 版 · 最后修改：{evaluation.updatedBy ? `${evaluation.updatedBy} ` : ''}
            {formatTime(evaluation.updatedAt)}（版本 {evaluation.rowVersion}）
          </Typography.Text>
        </Space>
        {!editing && (
          <Space wrap>
            {me.data && <EvaluationActions evaluation={evaluation} me={me.data} onReload={() => query.refetch()} />}
            {canEdit && (
              <Button type="primary" onClick={() => setEditing(true)}>
                编辑
              </Button>
            )}
            <Button onClick={() => window.print()}>打印</Button>
          </Space>
        )}
      </div>

      <StatusNotice evaluation={evaluation} />
      {editing ? (
        <EvaluationEditor
          key={`${evaluation.id}:${evaluation.rowVersion}`}
          evaluation={evaluation}
          onDone={() => setEditing(false)}
          onReload={async () => {
            await query.refetch();
            setEditing(false);
          }}
        />
      ) : (
        <>
          {isEvaluationEditable(evaluation.status) && <IssuesPanel issues={evaluation.issues} />}
          <EvaluationSheet evaluation={evaluation} scored={storedScores(evaluation)} />
          <EvaluationTimeline evaluationId={evaluation.id} status={evaluation.status} />
        </>
      )}
    </div>
  );
}
