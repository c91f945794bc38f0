import { EVALUATION_ACTION_LABELS, type Evaluation } from '@jxt/contracts';
import { isEvaluationEditable } from '@jxt/domain';
import { Alert, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { EvaluationStatusTag } from '../../ui/EvaluationStatusTag';
import { IssuesPanel } from '../../ui/IssuesPanel';
import { LoadFailure } from '../../ui/LoadFailure';
import { SheetPageHeader } from '../../ui/SheetPageHeader';
import { useCurrentUser } from '../auth/hooks';
import { formatTime } from '../../ui/format';
import { EvaluationActions } from './components/EvaluationActions';
import { EvaluationEditor } from './components/EvaluationEditor';
import { EvaluationSheet } from './components/EvaluationSheet';
import { EvaluationTimeline } from './components/EvaluationTimeline';
import { PrintedScores } from './components/PrintedScores';
import { storedScores } from './evaluation-draft';
import { useEvaluation } from './hooks';
import '../forms/form.css';
import './evaluation.css';
import './evaluation-print.css';

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
    return (
      <LoadFailure
        error={query.error}
        notFoundTitle="找不到这张自评表"
        failedTitle="无法读取这张自评表"
        backTo="/evaluations"
        backLabel="返回绩效自评列表"
        onRetry={() => void query.refetch()}
      />
    );
  }

  const evaluation = query.data;
  const canEdit = (me.data?.roles.includes('filer') ?? false) && isEvaluationEditable(evaluation.status);

  return (
    <div className="form-page evaluation-page">
      <SheetPageHeader
        backTo="/evaluations"
        backLabel="绩效自评"
        title={evaluation.projectName}
        editing={editing}
        canEdit={canEdit}
        onEdit={() => setEditing(true)}
        exportHref={`/api/evaluations/${evaluation.id}/export.xlsx`}
        lastChange={{ by: evaluation.updatedBy, at: evaluation.updatedAt }}
        actions={me.data && <EvaluationActions evaluation={evaluation} me={me.data} onReload={() => query.refetch()} />}
      >
        <EvaluationStatusTag status={evaluation.status} />
        {evaluation.imported && (
          <Tag color="purple" title="本表为导入的历史记录，未经系统审核流程">
            导入
          </Tag>
        )}
        <Typography.Text type="secondary">项目编码：{evaluation.projectCode}</Typography.Text>
        <Link to={`/forms/${evaluation.formId}`}>绩效目标表</Link>
        <Typography.Text type="secondary">评分规则第 {evaluation.policy.version} 版</Typography.Text>
      </SheetPageHeader>

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
          <PrintedScores evaluation={evaluation} />
          <EvaluationSheet evaluation={evaluation} scored={storedScores(evaluation)} />
          <EvaluationTimeline evaluationId={evaluation.id} status={evaluation.status} />
        </>
      )}
    </div>
  );
}
