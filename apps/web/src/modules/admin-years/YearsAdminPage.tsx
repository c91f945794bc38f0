import { FISCAL_YEAR_STATUS_LABELS, type YearSummary } from '@jxt/contracts';
import { App, Button, Result, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { PageHeading } from '../../ui/PageHeading';
import { formatTime } from '../../ui/format';
import { useCurrentUser } from '../auth/hooks';
import { useYears } from '../years/hooks';
import { copiedText, nextYear } from './copied-text';
import { useCloseYear, useOpenYear } from './hooks';
import { ReadFailure } from '../../ui/ReadFailure';

/** /admin/years — 年度管理 (admin): the tenant's years, 开启新年度 and 关闭年度, and what each opening copied. */
export function YearsAdminPage() {
  const me = useCurrentUser();
  if (me.data && !me.data.roles.includes('admin')) return <Result status="403" title="只有管理员可以管理年度" />;
  return <YearsAdmin />;
}

function YearsAdmin() {
  const years = useYears();
  const open = useOpenYear();
  const close = useCloseYear();
  const { modal, message } = App.useApp();
  const next = nextYear(years.data?.years ?? [], new Date().getFullYear());

  const onOpen = (year: number, reopen: boolean) => {
    modal.confirm({
      title: reopen ? `重新开启 ${year} 年度？` : `开启 ${year} 年度？`,
      content: reopen ? (
        <p>该年度的草稿重新列入填报人的待办，不复制任何内容。</p>
      ) : (
        <>
          <p>
            从 {year - 1} 年度复制到 {year} 年度（{year} 年度已有的内容保留不变）：
          </p>
          <ul className="issue-list">
            <li>指标体系（一级、二级指标）</li>
            <li>功能分类科目</li>
            <li>评分规则（现行版本）</li>
            <li>截止日期：按上年度同月同日建议，可在“截止日期”中修改</li>
          </ul>
        </>
      ),
      okText: reopen ? '重新开启' : '开启',
      cancelText: '取消',
      onOk: () =>
        open.mutateAsync(year).then(
          (result) => {
            if (!result.changed) void message.info(`${year} 年度已开启，未做改动`);
            else if (result.year.copied && !reopen)
              void message.success(`已开启 ${year} 年度。${copiedText(result.year.copied)}`);
            else void message.success(`已重新开启 ${year} 年度`);
          },
          (error: Error) => void message.error(error.message || '开启失败'),
        ),
    });
  };

  const onClose = (year: number) => {
    modal.confirm({
      title: `关闭 ${year} 年度？`,
      content: '关闭后该年度的草稿不再列入待办；已填的表仍可查阅。可以重新开启。',
      okText: '关闭年度',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () =>
        close.mutateAsync(year).then(
          () => void message.success(`已关闭 ${year} 年度`),
          (error: Error) => void message.error(error.message || '关闭失败'),
        ),
    });
  };

  const columns: TableColumnsType<YearSummary> = [
    { title: '年度', dataIndex: 'year', key: 'year', width: 110, render: (year: number) => `${year} 年度` },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      width: 110,
      render: (status: YearSummary['status']) =>
        status === null ? (
          <Tag color="orange">未开启</Tag>
        ) : (
          <Tag color={status === 'open' ? 'green' : 'default'}>{FISCAL_YEAR_STATUS_LABELS[status]}</Tag>
        ),
    },
    {
      title: '开启',
      key: 'opened',
      width: 200,
      render: (_: unknown, y) =>
        y.openedAt ? (
          <>
            <div>{formatTime(y.openedAt)}</div>
            <Typography.Text type="secondary">{y.openedByName ?? '初始数据'}</Typography.Text>
          </>
        ) : (
          '—'
        ),
    },
    {
      title: '开启时复制',
      key: 'copied',
      render: (_: unknown, y) =>
        y.copied ? copiedText(y.copied) : <Typography.Text type="secondary">—</Typography.Text>,
    },
    {
      title: '关闭',
      key: 'closed',
      width: 200,
      render: (_: unknown, y) =>
        y.closedAt ? (
          <>
            <div>{formatTime(y.closedAt)}</div>
            <Typography.Text type="secondary">{y.closedByName}</Typography.Text>
          </>
        ) : (
          '—'
        ),
    },
    { title: '项目数', dataIndex: 'projects', key: 'projects', width: 90, align: 'right' },
    {
      title: '操作',
      key: 'actions',
      width: 200,
      render: (_: unknown, y) => (
        <Space size="small">
          <Link to={`/admin/deadlines?year=${y.year}`}>截止日期</Link>
          {y.status === 'open' && (
            <Button size="small" danger onClick={() => onClose(y.year)} aria-label={`关闭 ${y.year} 年度`}>
              关闭年度
            </Button>
          )}
          {y.status === 'closed' && (
            <Button size="small" onClick={() => onOpen(y.year, true)} aria-label={`重新开启 ${y.year} 年度`}>
              重新开启
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <div className="admin-years-page">
      <PageHeading title="年度管理">
        <Button type="primary" onClick={() => onOpen(next, false)} disabled={!years.data} loading={open.isPending}>
          开启新年度（{next} 年度）
        </Button>
      </PageHeading>
      <Typography.Paragraph type="secondary">
        年度自“开启新年度”起开启，至管理员关闭为止。开启的年度中未提交的草稿列入填报人的待办；关闭的年度其表仍可查阅。
      </Typography.Paragraph>
      {years.isError && (
        <ReadFailure what="年度" error={years.error} onRetry={() => void years.refetch()} className="list-error" />
      )}
      <Table<YearSummary>
        rowKey="year"
        size="middle"
        loading={years.isPending}
        dataSource={years.data?.years ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: '还没有年度' }}
      />
    </div>
  );
}
