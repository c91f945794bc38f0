import {
  FORM_ACTION_LABELS,
  FORM_STATUS_LABELS,
  type BatchTransitionResponse,
  type FormAction,
  type InboxItem,
  type InboxReason,
  type Role,
} from '@jxt/contracts';
import { availableActions } from '@jxt/domain';
import { Alert, App, Button, Card, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { FormStatusTag } from '../../ui/FormStatusTag';
import { useCurrentUser } from '../auth/hooks';
import { EvaluationInbox } from '../evaluations/components/EvaluationInbox';
import { useEvaluationInbox } from '../evaluations/hooks';
import { formatDate, formatTime } from '../../ui/format';
import { useBatchTransition, useInbox } from '../workflow/hooks';
import './inbox.css';
import { ReadFailure } from '../../ui/ReadFailure';

export const INBOX_REASON_LABELS: Record<InboxReason, string> = {
  to_review: '待审核',
  to_report: '待汇总报送',
  returned: '已退回',
  draft_unsubmitted: '未提交的草稿',
};
const REASONS = Object.keys(INBOX_REASON_LABELS) as InboxReason[];

/** The cards that mean something to each role: a filer never reviews, a 主管部门 never files. */
const REASONS_OF_ROLE: Partial<Record<Role, readonly InboxReason[]>> = {
  supervisor: ['to_review', 'to_report'],
  finance: ['to_review'],
  filer: ['returned', 'draft_unsubmitted'],
};
export const reasonsFor = (roles: readonly Role[]): InboxReason[] =>
  REASONS.filter((reason) => roles.some((role) => REASONS_OF_ROLE[role]?.includes(reason)));

/** The steps a 主管部门 takes on several forms at once. */
const BATCH_ACTIONS: { action: FormAction; label: string }[] = [
  { action: 'approve', label: '批量审核通过' },
  { action: 'return', label: '批量退回' },
  { action: 'report', label: FORM_ACTION_LABELS.report },
];

/** /inbox — 待办: what waits on the signed-in user, counted by reason, and batch steps for the 主管部门. */
export function InboxPage() {
  const inbox = useInbox();
  // The 绩效自评 items (listed below the forms) count in the heading's total too.
  const evaluationInbox = useEvaluationInbox();
  const me = useCurrentUser();
  const batch = useBatchTransition();
  const { modal } = App.useApp();
  const [reason, setReason] = useState<InboxReason | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [returning, setReturning] = useState<InboxItem[] | null>(null);
  const [outcome, setOutcome] = useState<{
    action: FormAction;
    response: BatchTransitionResponse;
    names: Map<string, string>;
  } | null>(null);
  const [batchError, setBatchError] = useState<string | null>(null);

  const roles = me.data?.roles ?? [];
  const canBatch = roles.includes('supervisor');
  const items = useMemo(() => inbox.data?.items ?? [], [inbox.data]);
  const shown = reason ? items.filter((item) => item.reason === reason) : items;
  const chosen = items.filter((item) => selected.includes(item.formId));
  const eligible = (action: FormAction) =>
    chosen.filter((item) => availableActions(item.status, roles).includes(action));

  const run = (action: FormAction, targets: InboxItem[], comment?: string) => {
    setBatchError(null);
    const names = new Map(targets.map((t) => [t.formId, t.projectName]));
    batch.mutate(
      { action, comment: comment ?? null, forms: targets.map((t) => ({ id: t.formId, rowVersion: t.rowVersion })) },
      {
        onSuccess: (response) => {
          setOutcome({ action, response, names });
          setReturning(null);
          setSelected((current) => current.filter((id) => !response.results.some((r) => r.ok && r.formId === id)));
        },
        onError: (error) => setBatchError(error.message || '批量操作失败，请稍后再试'),
      },
    );
  };

  const onBatch = (action: FormAction) => {
    const targets = eligible(action);
    if (action === 'return') return setReturning(targets);
    modal.confirm({
      title: `${action === 'report' ? FORM_ACTION_LABELS.report : '批量审核通过'}：${targets.length} 张表`,
      content: (
        <ul className="issue-list">
          {targets.map((t) => (
            <li key={t.formId}>{t.projectName}</li>
          ))}
        </ul>
      ),
      okText: '确认',
      cancelText: '取消',
      onOk: () => run(action, targets),
    });
  };

  const counts = inbox.data?.counts;
  return (
    <div className="inbox-page">
      <div className="page-heading">
        <Typography.Title level={3} style={{ margin: 0 }}>
          待办
        </Typography.Title>
        {inbox.data && (
          <Typography.Text type="secondary">
            共 {inbox.data.total + (evaluationInbox.data?.total ?? 0)} 项
            {inbox.data.overdue > 0 && (
              <Tag color="red" className="inbox-overdue-total">
                已逾期 {inbox.data.overdue} 项
              </Tag>
            )}
          </Typography.Text>
        )}
      </div>

      <div className="inbox-cards" role="list" aria-label="待办分类">
        {reasonsFor(roles).map((r) => (
          <Card
            key={r}
            role="listitem"
            size="small"
            hoverable
            className={reason === r ? 'inbox-card inbox-card-active' : 'inbox-card'}
            onClick={() => setReason(reason === r ? null : r)}
            aria-label={`${INBOX_REASON_LABELS[r]} ${counts?.[r] ?? 0} 项`}
            aria-pressed={reason === r}
          >
            <div className="inbox-card-label">{INBOX_REASON_LABELS[r]}</div>
            <div className="inbox-card-count" data-testid={`count-${r}`}>
              {counts ? counts[r] : '—'}
            </div>
            <div className="inbox-card-overdue">
              {items.filter((i) => i.reason === r && i.overdue).length > 0 ? (
                <Tag color="red">逾期 {items.filter((i) => i.reason === r && i.overdue).length}</Tag>
              ) : (
                <span>&nbsp;</span>
              )}
            </div>
          </Card>
        ))}
      </div>

      {inbox.isError && (
        <ReadFailure what="待办" error={inbox.error} onRetry={() => void inbox.refetch()} className="list-error" />
      )}

      {canBatch && (
        <Space wrap className="inbox-batch">
          <Typography.Text type="secondary">已选 {chosen.length} 项</Typography.Text>
          {BATCH_ACTIONS.map(({ action, label }) => {
            const n = eligible(action).length;
            return (
              <Button
                key={action}
                danger={action === 'return'}
                type={action === 'approve' ? 'primary' : 'default'}
                disabled={n === 0 || batch.isPending}
                onClick={() => onBatch(action)}
              >
                {label}
                {n > 0 ? `（${n}）` : ''}
              </Button>
            );
          })}
        </Space>
      )}

      {batchError && (
        <Alert
          className="list-error"
          type="error"
          showIcon
          title="批量操作失败"
          description={batchError}
          closable
          onClose={() => setBatchError(null)}
        />
      )}
      {outcome && <BatchResult {...outcome} onClose={() => setOutcome(null)} />}

      <Table<InboxItem>
        className="inbox-table"
        rowKey="formId"
        size="middle"
        loading={inbox.isPending || inbox.isFetching}
        dataSource={shown}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 项` }}
        locale={{ emptyText: reason ? `没有${INBOX_REASON_LABELS[reason]}的表` : '没有待办事项' }}
        rowSelection={
          canBatch
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as string[]),
                getCheckboxProps: (item) => ({
                  disabled: availableActions(item.status, roles).length === 0,
                  'aria-label': `选择 ${item.projectName}`,
                }),
              }
            : undefined
        }
        rowClassName={(item) => (item.overdue ? 'inbox-row-overdue' : '')}
        columns={[
          {
            title: '项目名称',
            dataIndex: 'projectName',
            render: (name: string, item) => (
              <>
                <Link to={`/forms/${item.formId}`}>{name || '（未命名项目）'}</Link>
                {item.revision > 1 && <Tag className="inbox-revision">修订 {item.revision}</Tag>}
                <div className="inbox-sub">
                  {item.projectCode} · {item.year}年度 · {INBOX_REASON_LABELS[item.reason]}
                </div>
              </>
            ),
          },
          { title: '单位', dataIndex: 'organizationName', ellipsis: { showTitle: true }, width: 220 },
          {
            title: '状态',
            dataIndex: 'status',
            width: 130,
            render: (status: InboxItem['status']) => <FormStatusTag status={status} />,
          },
          { title: '等待自', dataIndex: 'since', width: 170, render: (since: string) => formatTime(since) },
          {
            title: '截止日期',
            dataIndex: 'dueDate',
            width: 160,
            render: (due: string | null, item) =>
              due ? (
                <Space size={4}>
                  <span>{formatDate(due)}</span>
                  {item.overdue && <Tag color="red">已逾期</Tag>}
                </Space>
              ) : (
                <Typography.Text type="secondary">未设定</Typography.Text>
              ),
          },
          {
            title: '最新意见',
            dataIndex: 'lastComment',
            ellipsis: { showTitle: true },
            width: 220,
            render: (comment: string | null) => comment ?? <Typography.Text type="secondary">—</Typography.Text>,
          },
        ]}
      />

      <EvaluationInbox />

      <ReturnDialog
        items={returning}
        pending={batch.isPending}
        onCancel={() => setReturning(null)}
        onConfirm={(comment) => returning && run('return', returning, comment)}
      />
    </div>
  );
}

function ReturnDialog({
  items,
  pending,
  onCancel,
  onConfirm,
}: {
  items: InboxItem[] | null;
  pending: boolean;
  onCancel: () => void;
  onConfirm: (comment: string) => void;
}) {
  const [form] = Form.useForm<{ comment: string }>();
  return (
    <Modal
      open={items !== null}
      title={`批量退回：${items?.length ?? 0} 张表`}
      okText="确认退回"
      okButtonProps={{ danger: true, loading: pending }}
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      <ul className="issue-list">
        {items?.map((t) => (
          <li key={t.formId}>{t.projectName}</li>
        ))}
      </ul>
      <Form form={form} layout="vertical" onFinish={({ comment }) => onConfirm(comment.trim())} preserve={false}>
        <Form.Item
          name="comment"
          label="退回意见（所有选中的表共用）"
          rules={[{ required: true, whitespace: true, message: '请填写退回意见' }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function BatchResult({
  action,
  response,
  names,
  onClose,
}: {
  action: FormAction;
  response: BatchTransitionResponse;
  names: Map<string, string>;
  onClose: () => void;
}) {
  const label = action === 'approve' ? '批量审核通过' : action === 'return' ? '批量退回' : FORM_ACTION_LABELS[action];
  return (
    <Alert
      className="list-error batch-result"
      type={response.failed === 0 ? 'success' : response.succeeded === 0 ? 'error' : 'warning'}
      showIcon
      closable
      onClose={onClose}
      title={`${label}：成功 ${response.succeeded} 张，失败 ${response.failed} 张`}
      description={
        <ul className="issue-list" aria-label="批量操作结果">
          {response.results.map((r) => (
            <li key={r.formId} className={r.ok ? undefined : 'issue-error'}>
              {names.get(r.formId) ?? r.formId}：
              {r.ok
                ? `成功${r.status ? `（${FORM_STATUS_LABELS[r.status]}）` : ''}`
                : `失败 — ${r.message ?? `错误 ${r.statusCode ?? ''}`}`}
            </li>
          ))}
        </ul>
      }
    />
  );
}
