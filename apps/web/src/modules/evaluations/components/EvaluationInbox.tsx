import { EVALUATION_INBOX_REASON_LABELS, type EvaluationInboxItem, type EvaluationInboxReason } from '@jxt/contracts';
import { Alert, Card, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { EvaluationStatusTag } from '../../../ui/EvaluationStatusTag';
import { formatTime } from '../../../ui/format';
import { useEvaluationInbox } from '../hooks';

const REASONS = Object.keys(EVALUATION_INBOX_REASON_LABELS) as EvaluationInboxReason[];

/**
 * The 绩效自评 part of 待办: shown when something waits on the user (unit: to evaluate, returned; reviewer: to 复核,
 * to 定稿). Each count opens the list behind it (click again for all).
 */
export function EvaluationInbox() {
  const inbox = useEvaluationInbox();
  const [reason, setReason] = useState<EvaluationInboxReason | null>(null);
  if (inbox.isError)
    return (
      <Alert
        className="list-error"
        type="error"
        showIcon
        title="无法读取绩效自评待办"
        description={inbox.error.message}
      />
    );
  if (!inbox.data || inbox.data.total === 0) return null;
  const { items, counts } = inbox.data;
  return (
    <Card
      className="evaluation-inbox"
      size="small"
      title="绩效自评"
      extra={
        <span aria-label="绩效自评待办分类">
          {REASONS.filter((r) => counts[r] > 0).map((r) => (
            <Tag.CheckableTag
              key={r}
              data-testid={`evaluation-count-${r}`}
              checked={reason === r}
              onChange={(checked) => setReason(checked ? r : null)}
            >
              {EVALUATION_INBOX_REASON_LABELS[r]} {counts[r]}
            </Tag.CheckableTag>
          ))}
        </span>
      }
    >
      <Table<EvaluationInboxItem>
        className="evaluation-inbox-table"
        rowKey={(item) => item.evaluationId ?? `form-${item.formId}`}
        size="small"
        dataSource={reason ? items.filter((item) => item.reason === reason) : items}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 项` }}
        columns={[
          {
            title: '项目名称',
            dataIndex: 'projectName',
            render: (name: string, item) => (
              <>
                {/* Not opened yet: the approved form's 绩效自评 button opens it. */}
                <Link to={item.evaluationId ? `/evaluations/${item.evaluationId}` : `/forms/${item.formId}`}>
                  {name}
                </Link>
                <div className="inbox-sub">
                  {item.projectCode} · {item.year}年度 · {EVALUATION_INBOX_REASON_LABELS[item.reason]}
                </div>
              </>
            ),
          },
          { title: '单位', dataIndex: 'organizationName', ellipsis: { showTitle: true }, width: 220 },
          {
            title: '状态',
            dataIndex: 'status',
            width: 130,
            render: (status: EvaluationInboxItem['status']) =>
              status ? (
                <EvaluationStatusTag status={status} />
              ) : (
                <Typography.Text type="secondary">未开始</Typography.Text>
              ),
          },
          { title: '等待自', dataIndex: 'since', width: 170, render: (since: string) => formatTime(since) },
          {
            title: '最新意见',
            dataIndex: 'lastComment',
            ellipsis: { showTitle: true },
            width: 220,
            render: (comment: string | null) => comment ?? <Typography.Text type="secondary">—</Typography.Text>,
          },
        ]}
      />
    </Card>
  );
}
