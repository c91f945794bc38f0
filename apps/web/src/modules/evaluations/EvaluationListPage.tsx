import {
  EVALUATION_STATUSES,
  EVALUATION_STATUS_LABELS,
  type EvaluationStatus,
  type EvaluationSummary,
} from '@jxt/contracts';
import { Button, Empty, Select, Space, Table, type TableColumnsType } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { EvaluationStatusTag } from '../../ui/EvaluationStatusTag';
import { PageHeading } from '../../ui/PageHeading';
import { YearSelect } from '../years/YearSelect';
import { useDefaultYear } from '../years/hooks';
import type { EvaluationListParams } from './api';
import { useEvaluations } from './hooks';
import { EVALUATION_PAGE_SIZES, parseEvaluationParams, toEvaluationSearch } from './list-params';
import './evaluation.css';
import { ReadFailure } from '../../ui/ReadFailure';
import { useCurrentUser } from '../auth/hooks';
import { BulkExportDialog } from '../exports/BulkExportDialog';

const COLUMNS: TableColumnsType<EvaluationSummary> = [
  { title: '项目编码', dataIndex: 'projectCode', key: 'projectCode', width: 140 },
  {
    title: '项目名称',
    dataIndex: 'projectName',
    key: 'projectName',
    render: (name: string, row) => <Link to={`/evaluations/${row.id}`}>{name}</Link>,
  },
  { title: '单位', dataIndex: 'organizationName', key: 'organizationName' },
  {
    title: '状态',
    dataIndex: 'status',
    key: 'status',
    width: 110,
    render: (status: EvaluationStatus) => <EvaluationStatusTag status={status} />,
  },
  {
    title: '总分',
    dataIndex: 'total',
    key: 'total',
    width: 100,
    align: 'right',
    className: 'money-cell',
    render: (total: string | null) => total ?? '—',
  },
  {
    title: '等级',
    dataIndex: 'grade',
    key: 'grade',
    width: 80,
    align: 'center',
    render: (grade: string | null) => grade || '—',
  },
  {
    title: '导出',
    key: 'export',
    width: 72,
    align: 'center',
    // A plain link (the session cookie authenticates the download); the click does not open the row.
    render: (_: unknown, row) => (
      <a
        href={`/api/evaluations/${row.id}/export.xlsx`}
        download
        aria-label={`导出“${row.projectName}”的自评表`}
        onClick={(event) => event.stopPropagation()}
      >
        Excel
      </a>
    ),
  },
];

/** 绩效自评: the year's 自评表 in the caller's scope, filtered and paged by the server; the state lives in the URL. */
export function EvaluationListPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const parsed = useMemo(() => parseEvaluationParams(searchParams), [searchParams]);
  const navigate = useNavigate();
  // Without a year in the URL: the newest year with 自评 due or open (modules/years), put into the URL. Nothing is
  // asked for another year meanwhile.
  const defaultYear = useDefaultYear('evaluations', parsed.year === undefined);
  useEffect(() => {
    if (parsed.year === undefined && defaultYear !== undefined) {
      setSearchParams((previous) => toEvaluationSearch({ ...parseEvaluationParams(previous), year: defaultYear }), {
        replace: true,
      });
    }
  }, [parsed.year, defaultYear, setSearchParams]);
  const year = parsed.year ?? defaultYear;
  const params: EvaluationListParams = { ...parsed, year: year ?? 0 };
  const list = useEvaluations(params, year !== undefined);
  const me = useCurrentUser();
  // 批量导出 is for those who review many units' 自评表: 主管部门 and 财政 (as on 项目列表).
  const canExport = me.data?.roles.some((role) => role === 'supervisor' || role === 'finance') ?? false;
  const [exporting, setExporting] = useState(false);

  const update = (change: Partial<EvaluationListParams>) =>
    setSearchParams(toEvaluationSearch({ ...params, page: 1, ...change }));

  return (
    <div className="evaluation-list-page">
      <PageHeading title="绩效自评">
        <YearSelect value={year} onChange={(value) => update({ year: value })} />
        {canExport && year !== undefined && <Button onClick={() => setExporting(true)}>批量导出</Button>}
      </PageHeading>
      {exporting && year !== undefined && (
        <BulkExportDialog year={year} initialKind="evaluation" onClose={() => setExporting(false)} />
      )}
      <Space wrap size={[12, 12]} className="list-filters">
        <Select<EvaluationStatus>
          aria-label="状态"
          placeholder="全部状态"
          allowClear
          style={{ width: 160 }}
          value={parsed.status}
          options={EVALUATION_STATUSES.map((value) => ({ value, label: EVALUATION_STATUS_LABELS[value] }))}
          onChange={(value) => update({ status: value ?? undefined })}
        />
      </Space>
      {list.isError ? (
        <ReadFailure what="自评表列表" error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<EvaluationSummary>
          rowKey="id"
          size="middle"
          columns={COLUMNS}
          dataSource={list.data?.items ?? []}
          loading={year === undefined || list.isFetching}
          locale={{
            emptyText: (
              <Empty
                description={
                  parsed.status ? '没有符合条件的自评表' : year === undefined ? '加载中…' : `${year} 年度还没有自评表`
                }
              />
            ),
          }}
          // navigate() resolves once the route has changed; the click does not wait for it.
          onRow={(row) => ({ onClick: () => void navigate(`/evaluations/${row.id}`), className: 'clickable-row' })}
          pagination={{
            current: params.page,
            pageSize: params.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: EVALUATION_PAGE_SIZES.map(String),
            showTotal: (total) => `共 ${total} 份`,
            onChange: (page, pageSize) => update({ page: pageSize === params.pageSize ? page : 1, pageSize }),
          }}
        />
      )}
    </div>
  );
}
