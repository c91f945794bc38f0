import { App, Button, Empty, Input, Popconfirm, Select, Space, Table, TreeSelect } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { FORM_STATUSES, FORM_STATUS_LABELS, type FormStatus, type ProjectListItem } from '@jxt/contracts';
import { formatYuan } from '@jxt/domain';
import { useDebouncedCallback } from '../../ui/use-debounced-callback';
import { ApiRequestError } from '../../api/http';
import { useCurrentUser } from '../auth/hooks';
import { useCodeList, useDefaultYear, useDeleteProject, useOrganizations, useProjects } from './hooks';
import { NewProjectDialog } from './NewProjectDialog';
import { CarryForwardDialog } from './CarryForwardDialog';
import { applyChange, PAGE_SIZES, parseListParams, toSearchParams, type ProjectListParams } from './list-params';
import { buildOrgTree } from './org-tree';
import { FormStatusTag } from '../../ui/FormStatusTag';
import { PageHeading } from '../../ui/PageHeading';
import { YearSelect } from '../years/YearSelect';
import { ReadFailure } from '../../ui/ReadFailure';
import { BulkExportDialog } from '../exports/BulkExportDialog';

const SEARCH_DELAY_MS = 300;

/** 项目列表: one year's projects in the caller's subtree, filtered and paged by the server; all state in the URL. */
export function ProjectListPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const parsed = useMemo(() => parseListParams(searchParams), [searchParams]);
  const thisYear = new Date().getFullYear();
  const defaultYear = useDefaultYear(parsed.year === undefined, thisYear);
  const year = parsed.year ?? defaultYear;
  const params: ProjectListParams | undefined = year === undefined ? undefined : { ...parsed, year };

  // The chosen default goes into the URL, so the link shows (and shares) the year being looked at.
  useEffect(() => {
    if (parsed.year === undefined && defaultYear !== undefined) {
      setSearchParams((previous) => toSearchParams({ ...parseListParams(previous), year: defaultYear }), {
        replace: true,
      });
    }
  }, [parsed.year, defaultYear, setSearchParams]);

  const update = useCallback(
    (change: Partial<ProjectListParams>) =>
      setSearchParams((previous) => {
        const current = parseListParams(previous);
        return toSearchParams(applyChange({ ...current, year: current.year ?? change.year ?? thisYear }, change));
      }),
    [setSearchParams, thisYear],
  );

  const projects = useProjects(params ?? { year: thisYear, page: 1, pageSize: 1 }, params !== undefined);
  const me = useCurrentUser();
  const isFiler = me.data?.roles.includes('filer') ?? false;
  // 批量导出 is for those who review many units' forms: 主管部门 and 财政.
  const canExport = me.data?.roles.some((role) => role === 'supervisor' || role === 'finance') ?? false;
  // 导入: a filer imports their unit's workbooks; a 主管部门 checks one it was sent (the confirm is the filer's).
  const canImport = me.data?.roles.some((role) => role === 'filer' || role === 'supervisor') ?? false;
  const [exporting, setExporting] = useState(false);
  const [creating, setCreating] = useState(false);
  const [carrying, setCarrying] = useState(false);
  const navigate = useNavigate();
  const remove = useDeleteProject();
  const { message } = App.useApp();
  const organizations = useOrganizations();
  const categories = useCodeList('project_category');
  const orgTree = useMemo(() => buildOrgTree(organizations.data ?? []), [organizations.data]);
  const categoryLabels = useMemo(
    () => new Map((categories.data ?? []).map((item) => [item.code, item.label])),
    [categories.data],
  );

  // Search: typed text shows at once; the URL (and the request) follow after a pause in typing.
  const [text, setText] = useState(parsed.search ?? '');
  const pushSearch = useDebouncedCallback(
    (value: string) => update({ search: value.trim() || undefined }),
    SEARCH_DELAY_MS,
  );
  const lastUrlSearch = useRef(parsed.search);
  useEffect(() => {
    // The URL changed from outside the box (back button, 重置): show what the URL says.
    if (parsed.search !== lastUrlSearch.current) {
      lastUrlSearch.current = parsed.search;
      setText((current) => (current.trim() === (parsed.search ?? '') ? current : (parsed.search ?? '')));
    }
  }, [parsed.search]);

  // A page beyond the end (rows deleted, a stale link): go to the last page that exists.
  const data = projects.data;
  useEffect(() => {
    if (data && !projects.isPlaceholderData && data.items.length === 0 && data.total > 0 && data.page > 1) {
      update({ page: Math.max(1, Math.ceil(data.total / data.pageSize)) });
    }
  }, [data, projects.isPlaceholderData, update]);

  const filtered = Boolean(parsed.search || parsed.organizationId || parsed.categoryCode || parsed.status);

  const columns: TableColumnsType<ProjectListItem> = [
    // The fixed columns add up to 564px (636px with a filer's 操作), so that at 1024×768 (976px of content) 项目名称
    // and 单位 still share about 340px and 状态 stays in the window; long names wrap rather than hide behind "…".
    { title: '项目编码', dataIndex: 'code', key: 'code', width: 128 },
    {
      title: '项目名称',
      dataIndex: 'name',
      key: 'name',
      render: (name: string, row) => <Link to={`/forms/${row.formId}`}>{name}</Link>,
    },
    { title: '单位', dataIndex: 'organizationName', key: 'organizationName' },
    {
      title: '项目类别',
      dataIndex: 'categoryCode',
      key: 'categoryCode',
      width: 96,
      render: (code: string | null) => (code ? (categoryLabels.get(code) ?? code) : '—'),
    },
    {
      title: '年度资金申请总额（元）',
      dataIndex: 'annualAmount',
      key: 'annualAmount',
      width: 140,
      align: 'right',
      className: 'money-cell',
      render: (amount: string | null) => (amount === null ? '—' : formatYuan(amount)),
    },
    {
      title: '状态',
      dataIndex: 'formStatus',
      key: 'formStatus',
      // wide enough for the longest status, 财政退回主管部门
      width: 136,
      render: (status: FormStatus) => <FormStatusTag status={status} />,
    },
    {
      title: '导出',
      key: 'export',
      width: 64,
      align: 'center',
      // The year's latest revision in the official layout; a plain link (the session cookie authenticates it).
      render: (_: unknown, row: ProjectListItem) => (
        <a href={`/api/forms/${row.formId}/export.xlsx`} download aria-label={`导出“${row.name}”的填报表`}>
          Excel
        </a>
      ),
    },
    ...(isFiler
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 72,
            render: (_: unknown, row: ProjectListItem) =>
              row.formStatus === 'draft' ? (
                <Popconfirm
                  title={`删除项目“${row.name}”？`}
                  description="项目及其草稿一并删除，不能恢复。"
                  okText="删除"
                  okButtonProps={{ danger: true }}
                  cancelText="取消"
                  onConfirm={() =>
                    void remove
                      .mutateAsync(row.id)
                      .then(() => void message.success(`已删除项目“${row.name}”`))
                      .catch((error: unknown) => {
                        void message.error(error instanceof ApiRequestError ? error.message : '删除失败，请稍后重试');
                      })
                  }
                >
                  <Button type="link" danger size="small">
                    删除
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <div className="project-list-page">
      <PageHeading title="项目列表">
        <YearSelect value={year} onChange={(value) => update({ year: value })} />
        {isFiler && year !== undefined && (
          <Button type="primary" onClick={() => setCreating(true)}>
            新建项目
          </Button>
        )}
        {isFiler && year !== undefined && <Button onClick={() => setCarrying(true)}>结转到下一年度</Button>}
        {canImport && <Button onClick={() => void navigate('/imports')}>导入 Excel</Button>}
        {canExport && year !== undefined && <Button onClick={() => setExporting(true)}>批量导出</Button>}
      </PageHeading>
      {exporting && year !== undefined && <BulkExportDialog year={year} onClose={() => setExporting(false)} />}
      {creating && year !== undefined && (
        <NewProjectDialog
          year={year}
          organizations={organizations.data ?? []}
          ownOrganizationId={me.data?.organization.id}
          onClose={() => setCreating(false)}
          onCreated={(formId) => void navigate(`/forms/${formId}`, { state: { edit: true } })}
        />
      )}

      {carrying && year !== undefined && (
        <CarryForwardDialog
          fromYear={year}
          organizations={organizations.data ?? []}
          ownOrganizationId={me.data?.organization.id}
          onClose={() => setCarrying(false)}
        />
      )}

      <Space wrap size={[12, 12]} className="list-filters">
        <Input.Search
          aria-label="搜索项目名称或编码"
          placeholder="项目名称或编码"
          allowClear
          value={text}
          style={{ width: 260 }}
          onChange={(event) => {
            setText(event.target.value);
            pushSearch(event.target.value);
          }}
          onSearch={(value) => {
            setText(value);
            update({ search: value.trim() || undefined });
          }}
        />
        <TreeSelect
          aria-label="单位"
          placeholder={organizations.isError ? '单位列表加载失败' : '全部单位'}
          allowClear
          showSearch
          treeDefaultExpandAll
          treeNodeFilterProp="title"
          style={{ width: 300 }}
          popupMatchSelectWidth={false}
          loading={organizations.isPending}
          disabled={organizations.isError}
          treeData={orgTree}
          value={parsed.organizationId}
          onChange={(value?: string) => update({ organizationId: value || undefined })}
        />
        <Select<string>
          aria-label="项目类别"
          placeholder="全部类别"
          allowClear
          style={{ width: 150 }}
          loading={categories.isPending}
          options={(categories.data ?? []).map((item) => ({ value: item.code, label: item.label }))}
          value={parsed.categoryCode}
          onChange={(value) => update({ categoryCode: value || undefined })}
        />
        <Select<FormStatus>
          aria-label="表单状态"
          placeholder="全部状态"
          allowClear
          style={{ width: 160 }}
          options={FORM_STATUSES.map((status) => ({ value: status, label: FORM_STATUS_LABELS[status] }))}
          value={parsed.status}
          onChange={(value) => update({ status: value || undefined })}
        />
        {filtered && (
          <Button
            onClick={() => {
              setText('');
              update({ search: undefined, organizationId: undefined, categoryCode: undefined, status: undefined });
            }}
          >
            重置筛选
          </Button>
        )}
      </Space>

      {projects.isError && (
        <ReadFailure
          what="项目列表"
          error={projects.error}
          onRetry={() => void projects.refetch()}
          className="list-error"
        />
      )}

      <Table<ProjectListItem>
        rowKey="formId"
        size="middle"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={year === undefined || projects.isFetching}
        // Below this the table scrolls sideways rather than squeeze the names into a column of single characters.
        scroll={{ x: 900 }}
        locale={{
          emptyText: projects.isError ? (
            <Empty description="加载失败，暂无数据" />
          ) : (
            <Empty
              description={filtered ? '没有符合条件的项目' : year === undefined ? '加载中…' : `${year} 年度暂无项目`}
            />
          ),
        }}
        pagination={{
          current: parsed.page,
          pageSize: parsed.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: PAGE_SIZES.map(String),
          showTotal: (total) => `共 ${total} 个项目`,
          onChange: (page, pageSize) => update(pageSize !== parsed.pageSize ? { page: 1, pageSize } : { page }),
        }}
      />
    </div>
  );
}
