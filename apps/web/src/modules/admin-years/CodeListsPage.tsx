import { CODE_LIST_LABELS, CODE_LISTS, YEARLY_CODE_LISTS, type CodeListItem, type CodeListName } from '@jxt/contracts';
import { Alert, App, Button, Input, Result, Space, Spin, Table, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeading } from '../../ui/PageHeading';
import { useCurrentUser } from '../auth/hooks';
import { YearSelect } from '../years/YearSelect';
import { useYears } from '../years/hooks';
import { useAdminCodeList, useSaveCodeList } from './hooks';

interface Row {
  key: number;
  code: string;
  label: string;
}

const isYearly = (list: CodeListName) => (YEARLY_CODE_LISTS as readonly string[]).includes(list);

/** /admin/code-lists — 代码表 (admin): 功能分类科目 per year, the other lists tenant-wide. */
export function CodeListsPage() {
  const me = useCurrentUser();
  if (me.data && !me.data.roles.includes('admin')) return <Result status="403" title="只有管理员可以修改代码表" />;
  return <CodeLists />;
}

function CodeLists() {
  const [searchParams, setSearchParams] = useSearchParams();
  const list = (CODE_LISTS as readonly string[]).includes(searchParams.get('list') ?? '')
    ? (searchParams.get('list') as CodeListName)
    : 'project_category';
  const years = useYears();
  const urlYear = Number(searchParams.get('year')) || undefined;
  const fallback = years.data
    ? ((years.data.years.find((y) => y.status === 'open') ?? years.data.years[0])?.year ?? new Date().getFullYear())
    : undefined;
  const year = isYearly(list) ? (urlYear ?? fallback) : undefined;
  const choose = (next: { list?: CodeListName; year?: number }) =>
    setSearchParams({
      list: next.list ?? list,
      ...(isYearly(next.list ?? list) ? { year: String(next.year ?? year ?? fallback ?? '') } : {}),
    });

  return (
    <div className="admin-code-lists-page">
      <PageHeading title="代码表" />
      <Tabs
        activeKey={list}
        onChange={(key) => choose({ list: key as CodeListName })}
        items={CODE_LISTS.map((name) => ({ key: name, label: CODE_LIST_LABELS[name] }))}
      />
      <Typography.Paragraph type="secondary">
        {isYearly(list)
          ? '功能分类科目按年度管理：每个年度一个版本，开启新年度时复制上一年度的版本；修改只影响所选年度，已有的表按其年度的版本显示。'
          : '该代码表全租户通用，不分年度。'}
        仍被绩效目标表或单位使用的代码不能删除。
      </Typography.Paragraph>
      {isYearly(list) && (
        <Space className="list-filters">
          <YearSelect value={year} onChange={(y) => choose({ year: y })} />
        </Space>
      )}
      {isYearly(list) && year === undefined ? (
        <Spin description="加载中…" />
      ) : (
        <CodeListEditor key={`${list}-${year ?? ''}`} list={list} year={year} />
      )}
    </div>
  );
}

function CodeListEditor({ list, year }: { list: CodeListName; year: number | undefined }) {
  const current = useAdminCodeList(list, year);
  const save = useSaveCodeList(list, year);
  const { message } = App.useApp();
  const [rows, setRows] = useState<Row[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [nextKey, setNextKey] = useState(1000);

  useEffect(() => {
    if (current.data && rows === null)
      setRows(current.data.map((item: CodeListItem, index) => ({ key: index, code: item.code, label: item.label })));
  }, [current.data, rows]);

  if (current.isError)
    return <Alert type="error" showIcon title="无法读取代码表" description={current.error.message} />;
  if (!rows) return <Spin description="加载中…" />;

  const change = (key: number, field: 'code' | 'label', value: string) =>
    setRows(rows.map((row) => (row.key === key ? { ...row, [field]: value } : row)));
  const move = (index: number, by: number) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(index + by, 0, row);
    setRows(next);
  };
  const onSave = () => {
    setFailure(null);
    save.mutate(
      { items: rows.map(({ code, label }) => ({ code: code.trim(), label: label.trim() })) },
      {
        onSuccess: (saved) => {
          setRows(saved.map((item, index) => ({ key: index, code: item.code, label: item.label })));
          void message.success(`已保存${CODE_LIST_LABELS[list]}${year ? `（${year} 年度）` : ''}`);
        },
        onError: (error) => setFailure(error.message || '保存失败，请稍后再试'),
      },
    );
  };

  // A year without a 功能分类科目 of its own has the newest earlier version in force; saving makes it the year's own.
  const inheritedFrom = year !== undefined ? current.data?.find((item) => item.year !== year)?.year : undefined;

  return (
    <>
      {inheritedFrom !== undefined && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${year} 年度尚无自己的版本，沿用 ${inheritedFrom} 年度的版本；保存后成为 ${year} 年度的版本。`}
        />
      )}
      <Table<Row>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        locale={{ emptyText: '没有代码' }}
        columns={[
          { title: '序号', key: 'order', width: 70, render: (_: unknown, __, index) => index + 1 },
          {
            title: '代码',
            dataIndex: 'code',
            width: 220,
            render: (code: string, row, index) => (
              <Input
                value={code}
                aria-label={`第 ${index + 1} 项代码`}
                onChange={(e) => change(row.key, 'code', e.target.value)}
              />
            ),
          },
          {
            title: '名称',
            dataIndex: 'label',
            render: (label: string, row, index) => (
              <Input
                value={label}
                aria-label={`第 ${index + 1} 项名称`}
                maxLength={200}
                onChange={(e) => change(row.key, 'label', e.target.value)}
              />
            ),
          },
          {
            title: '操作',
            key: 'actions',
            width: 200,
            render: (_: unknown, row, index) => (
              <Space size="small">
                <Button size="small" disabled={index === 0} onClick={() => move(index, -1)}>
                  上移
                </Button>
                <Button size="small" disabled={index === rows.length - 1} onClick={() => move(index, 1)}>
                  下移
                </Button>
                <Button
                  size="small"
                  danger
                  aria-label={`删除第 ${index + 1} 项`}
                  onClick={() => setRows(rows.filter((r) => r.key !== row.key))}
                >
                  删除
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {failure && <Alert className="list-error" type="error" showIcon title="保存失败" description={failure} />}
      <Space className="code-list-actions" style={{ marginTop: 16 }}>
        <Button
          onClick={() => {
            setRows([...rows, { key: nextKey, code: '', label: '' }]);
            setNextKey(nextKey + 1);
          }}
        >
          新增一项
        </Button>
        <Button type="primary" onClick={onSave} loading={save.isPending}>
          保存
        </Button>
      </Space>
    </>
  );
}
