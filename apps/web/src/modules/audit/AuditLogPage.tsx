import { AUDIT_EVENT_TYPES, AUDIT_EVENT_TYPE_LABELS, type AuditEvent, type AuditEventType } from '@jxt/contracts';
import { Button, DatePicker, Empty, Input, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { PageHeading } from '../../ui/PageHeading';
import { formatTime } from '../../ui/format';
import { auditCsvUrl, type AuditLogParams } from './api';
import { useAuditEvents } from './hooks';
import { ReadFailure } from '../../ui/ReadFailure';

const COLUMNS: TableColumnsType<AuditEvent> = [
  { title: '时间', dataIndex: 'at', key: 'at', width: 170, render: (at: string) => formatTime(at) },
  {
    title: '事件',
    dataIndex: 'eventType',
    key: 'eventType',
    width: 160,
    render: (type: AuditEventType) => AUDIT_EVENT_TYPE_LABELS[type] ?? type,
  },
  {
    title: '结果',
    dataIndex: 'status',
    key: 'status',
    width: 90,
    render: (status: number) =>
      status < 400 ? <Tag color="green">成功</Tag> : <Tag color="red">{`失败 ${status}`}</Tag>,
  },
  {
    title: '用户',
    key: 'user',
    render: (_: unknown, e) => (e.displayName ? `${e.displayName}（${e.username}）` : (e.username ?? '—')),
  },
  { title: '所属组织', dataIndex: 'organizationName', key: 'organizationName', render: (name) => name ?? '—' },
  { title: '客户端地址', dataIndex: 'ip', key: 'ip', width: 140, render: (ip) => ip ?? '—' },
  {
    title: '请求',
    key: 'request',
    render: (_: unknown, e) => (e.method && e.route ? `${e.method} ${e.route}` : '—'),
  },
];

const PAGE_SIZES = [20, 50, 100, 200];

/** 日志: the audit log of the users of the reader's subtree (admin and 审计管理员), newest first, with its CSV. */
export function AuditLogPage() {
  const [params, setParams] = useState<AuditLogParams>({ page: 1, pageSize: 50 });
  const list = useAuditEvents(params);
  const update = (change: Partial<AuditLogParams>) => setParams((previous) => ({ ...previous, page: 1, ...change }));
  const onRange = (range: [Dayjs | null, Dayjs | null] | null) =>
    update({
      from: range?.[0]?.startOf('day').toISOString(),
      to: range?.[1]?.add(1, 'day').startOf('day').toISOString(),
    });

  return (
    <div className="audit-log-page">
      <PageHeading title="日志">
        <Button type="primary" href={auditCsvUrl(params)} download>
          导出 CSV
        </Button>
      </PageHeading>
      <Space wrap size={[12, 12]} className="list-filters">
        <Input.Search
          aria-label="用户"
          placeholder="用户名或姓名"
          allowClear
          style={{ width: 200 }}
          onSearch={(value) => update({ user: value || undefined })}
        />
        <Select<AuditEventType>
          aria-label="事件"
          placeholder="全部事件"
          allowClear
          style={{ width: 200 }}
          value={params.eventType}
          options={AUDIT_EVENT_TYPES.map((value) => ({ value, label: AUDIT_EVENT_TYPE_LABELS[value] }))}
          onChange={(value) => update({ eventType: value ?? undefined })}
        />
        <Select<'success' | 'failure'>
          aria-label="结果"
          placeholder="全部结果"
          allowClear
          style={{ width: 120 }}
          value={params.outcome}
          options={[
            { value: 'success', label: '成功' },
            { value: 'failure', label: '失败' },
          ]}
          onChange={(value) => update({ outcome: value ?? undefined })}
        />
        <DatePicker.RangePicker aria-label="时间" onChange={(range) => onRange(range)} />
      </Space>
      {list.isError ? (
        <ReadFailure what="日志" error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<AuditEvent>
          rowKey="id"
          size="middle"
          columns={COLUMNS}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          locale={{ emptyText: <Empty description="没有符合条件的日志" /> }}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES.map(String),
            showTotal: (total) => `共 ${total} 条`,
            onChange: (page, pageSize) =>
              setParams((previous) => ({ ...previous, page: pageSize === previous.pageSize ? page : 1, pageSize })),
          }}
        />
      )}
    </div>
  );
}
