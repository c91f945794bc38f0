import type { TaxonomyNode, TaxonomyNodeInput } from '@jxt/contracts';
import { Alert, App, Button, Input, Result, Space, Spin, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiRequestError } from '../../api/http';
import { PageHeading } from '../../ui/PageHeading';
import { useCurrentUser } from '../auth/hooks';
import { YearSelect } from '../years/YearSelect';
import { useYears } from '../years/hooks';
import { fetchAdminTaxonomy } from './api';
import { useAdminTaxonomy, useSaveTaxonomy } from './hooks';

/** One 一级 or 二级指标 as edited; `saved` false until the year has it (its code may still be changed). */
interface EditNode {
  key: number;
  code: string;
  label: string;
  retired: boolean;
  saved: boolean;
}

interface Level1 extends EditNode {
  children: EditNode[];
}

/** A row of the table: a 一级 (with its index) or a 二级 under one. */
interface Row {
  key: number;
  node: EditNode;
  level: 1 | 2;
  l1: number;
  l2: number;
  siblings: number;
}

let keys = 0;
const nextKey = () => ++keys;

/** The year's nodes as a tree in display order. */
function toTree(nodes: readonly TaxonomyNode[], saved: boolean): Level1[] {
  const bySort = [...nodes].sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
  const node = (n: TaxonomyNode): EditNode => ({
    key: nextKey(),
    code: n.code,
    label: n.label,
    retired: n.retired,
    saved,
  });
  return bySort
    .filter((n) => n.level === 1)
    .map((l1) => ({
      ...node(l1),
      children: bySort.filter((n) => n.level === 2 && n.parentCode === l1.code).map(node),
    }));
}

/** The request (tree order: each 一级 followed by its 二级) and the row key of each of its indexes. */
function toRequest(tree: Level1[]): { nodes: TaxonomyNodeInput[]; rowKeys: number[] } {
  const nodes: TaxonomyNodeInput[] = [];
  const rowKeys: number[] = [];
  tree.forEach((l1, i) => {
    nodes.push({
      code: l1.code.trim(),
      label: l1.label.trim(),
      level: 1,
      parentCode: null,
      sortOrder: i + 1,
      retired: l1.retired,
    });
    rowKeys.push(l1.key);
    l1.children.forEach((l2, j) => {
      nodes.push({
        code: l2.code.trim(),
        label: l2.label.trim(),
        level: 2,
        parentCode: l1.code.trim(),
        sortOrder: j + 1,
        retired: l2.retired,
      });
      rowKeys.push(l2.key);
    });
  });
  return { nodes, rowKeys };
}

/** A code for a node the admin adds (codes are stable identifiers; the name is what people read). */
const newCode = () => `custom_${Date.now().toString(36)}${nextKey()}`;

/** /admin/taxonomy — 指标体系 per year (admin): labels, order, new nodes, 停用/启用 (docs/domain.md §3). */
export function TaxonomyPage() {
  const me = useCurrentUser();
  if (me.data && !me.data.roles.includes('admin')) return <Result status="403" title="只有管理员可以修改指标体系" />;
  return <TaxonomyYears />;
}

function TaxonomyYears() {
  const [searchParams, setSearchParams] = useSearchParams();
  const years = useYears();
  const fallback = years.data
    ? ((years.data.years.find((y) => y.status === 'open') ?? years.data.years[0])?.year ?? new Date().getFullYear())
    : undefined;
  const year = Number(searchParams.get('year')) || fallback;
  // The newest earlier year with a taxonomy: what a year without one can start from.
  const source = years.data?.years
    .filter((y) => y.taxonomy && year !== undefined && y.year < year)
    .reduce<number | undefined>((newest, y) => (newest === undefined || y.year > newest ? y.year : newest), undefined);
  return (
    <div className="admin-taxonomy-page">
      <PageHeading title="指标体系" />
      <Typography.Paragraph type="secondary">
        {
          '一级、二级指标按年度管理：开启新年度时复制上一年度的指标体系，修改只影响所选年度。本年度的表使用的指标不能删除或移动，可以改名或停用：停用后填报时不再提供，已使用它的表照常显示和校验；已锁定的表保留锁定时的名称。'
        }
      </Typography.Paragraph>
      <Space className="list-filters">
        <YearSelect value={year} onChange={(y) => setSearchParams({ year: String(y) })} />
      </Space>
      {year === undefined ? <Spin description="加载中…" /> : <TaxonomyEditor key={year} year={year} source={source} />}
    </div>
  );
}

function TaxonomyEditor({ year, source }: { year: number; source: number | undefined }) {
  const current = useAdminTaxonomy(year);
  const save = useSaveTaxonomy(year);
  const { message } = App.useApp();
  const [tree, setTree] = useState<Level1[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [rowErrors, setRowErrors] = useState<Record<number, string>>({});
  const [copying, setCopying] = useState(false);

  useEffect(() => {
    if (current.data && tree === null) setTree(toTree(current.data, true));
  }, [current.data, tree]);

  if (current.isError)
    return <Alert type="error" showIcon title="无法读取指标体系" description={current.error.message} />;
  if (!tree) return <Spin description="加载中…" />;

  const update = (next: Level1[]) => {
    setTree(next);
    setRowErrors({});
  };
  const changeNode = (l1: number, l2: number, change: Partial<EditNode>) =>
    update(
      tree.map((group, i) => {
        if (i !== l1) return group;
        if (l2 < 0) {
          // Retiring a 一级 retires what is under it; enabling it leaves its 二级 as they are.
          const children = change.retired ? group.children.map((c) => ({ ...c, retired: true })) : group.children;
          return { ...group, ...change, children };
        }
        return { ...group, children: group.children.map((c, j) => (j === l2 ? { ...c, ...change } : c)) };
      }),
    );
  const move = (l1: number, l2: number, by: number) => {
    const swap = <T,>(items: T[], at: number) => {
      const next = [...items];
      [next[at], next[at + by]] = [next[at + by], next[at]];
      return next;
    };
    update(l2 < 0 ? swap(tree, l1) : tree.map((g, i) => (i === l1 ? { ...g, children: swap(g.children, l2) } : g)));
  };
  const remove = (l1: number, l2: number) =>
    update(
      l2 < 0
        ? tree.filter((_, i) => i !== l1)
        : tree.map((g, i) => (i === l1 ? { ...g, children: g.children.filter((_, j) => j !== l2) } : g)),
    );
  const addLevel2 = (l1: number) =>
    update(
      tree.map((g, i) =>
        i === l1
          ? {
              ...g,
              children: [
                ...g.children,
                { key: nextKey(), code: newCode(), label: '', retired: g.retired, saved: false },
              ],
            }
          : g,
      ),
    );
  const addLevel1 = () =>
    update([...tree, { key: nextKey(), code: newCode(), label: '', retired: false, saved: false, children: [] }]);

  const copyFrom = async (from: number) => {
    setCopying(true);
    try {
      update(toTree(await fetchAdminTaxonomy(from), false));
    } catch (error) {
      setFailure(error instanceof Error ? error.message : '无法读取上一年度的指标体系');
    } finally {
      setCopying(false);
    }
  };

  const onSave = () => {
    setFailure(null);
    const { nodes, rowKeys } = toRequest(tree);
    save.mutate(
      { nodes },
      {
        onSuccess: (saved) => {
          setTree(toTree(saved, true));
          setRowErrors({});
          void message.success(`已保存 ${year} 年度的指标体系`);
        },
        onError: (error) => {
          // Each refusal at its row (nodes.N.field); what names no row (a node left out) above the table.
          const fields = error instanceof ApiRequestError ? (error.body.fields ?? []) : [];
          const atRows: Record<number, string> = {};
          const elsewhere: string[] = [];
          for (const field of fields) {
            const index = /^nodes\.(\d+)\./.exec(field.field)?.[1];
            const key = index === undefined ? undefined : rowKeys[Number(index)];
            if (key === undefined) elsewhere.push(field.message);
            else atRows[key] = atRows[key] ? `${atRows[key]}；${field.message}` : field.message;
          }
          setRowErrors(atRows);
          setFailure(
            elsewhere.length
              ? elsewhere.join('；')
              : fields.length
                ? '请按各行的提示修改'
                : error.message || '保存失败，请稍后再试',
          );
        },
      },
    );
  };

  const rows: Row[] = tree.flatMap((l1, i) => [
    { key: l1.key, node: l1, level: 1 as const, l1: i, l2: -1, siblings: tree.length },
    ...l1.children.map((l2, j) => ({
      key: l2.key,
      node: l2,
      level: 2 as const,
      l1: i,
      l2: j,
      siblings: l1.children.length,
    })),
  ]);
  const nameOf = (row: Row) => row.node.label.trim() || (row.level === 1 ? '新一级指标' : '新二级指标');

  if (tree.length === 0)
    return (
      <Result
        status="info"
        title={`${year} 年度还没有指标体系`}
        subTitle={source ? `可以复制 ${source} 年度的指标体系，修改后保存。` : '请新增一级指标。'}
        extra={
          <Space>
            {source && (
              <Button type="primary" loading={copying} onClick={() => void copyFrom(source)}>
                复制 {source} 年度的指标体系
              </Button>
            )}
            <Button onClick={addLevel1}>新增一级指标</Button>
          </Space>
        }
      />
    );

  return (
    <>
      <Table<Row>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={rows}
        rowClassName={(row) => (row.level === 1 ? 'taxonomy-level1' : 'taxonomy-level2')}
        columns={[
          {
            title: '层级',
            key: 'level',
            width: 80,
            render: (_: unknown, row) => (row.level === 1 ? '一级指标' : '二级指标'),
          },
          {
            title: '名称',
            key: 'label',
            render: (_: unknown, row) => (
              <div style={{ paddingLeft: row.level === 2 ? 24 : 0 }}>
                <Input
                  value={row.node.label}
                  maxLength={100}
                  aria-label={`${row.level === 1 ? '一级' : '二级'}指标名称：${row.node.label || '（新）'}`}
                  status={rowErrors[row.key] ? 'error' : undefined}
                  onChange={(e) => changeNode(row.l1, row.l2, { label: e.target.value })}
                />
                {rowErrors[row.key] && (
                  <div className="field-note field-note-error" role="alert">
                    {rowErrors[row.key]}
                  </div>
                )}
              </div>
            ),
          },
          {
            title: '代码',
            key: 'code',
            width: 200,
            render: (_: unknown, row) =>
              row.node.saved ? (
                <Typography.Text type="secondary">{row.node.code}</Typography.Text>
              ) : (
                <Input
                  value={row.node.code}
                  aria-label={`${nameOf(row)}的代码`}
                  onChange={(e) => changeNode(row.l1, row.l2, { code: e.target.value })}
                />
              ),
          },
          {
            title: '状态',
            key: 'retired',
            width: 80,
            render: (_: unknown, row) => (row.node.retired ? <Tag>已停用</Tag> : <Tag color="green">启用</Tag>),
          },
          {
            title: '操作',
            key: 'actions',
            width: 360,
            render: (_: unknown, row) => {
              const parentRetired = row.level === 2 && tree[row.l1].retired;
              const name = nameOf(row);
              return (
                <Space size="small" wrap>
                  <Button
                    size="small"
                    aria-label={`上移${name}`}
                    disabled={(row.level === 1 ? row.l1 : row.l2) === 0}
                    onClick={() => move(row.l1, row.l2, -1)}
                  >
                    上移
                  </Button>
                  <Button
                    size="small"
                    aria-label={`下移${name}`}
                    disabled={(row.level === 1 ? row.l1 : row.l2) === row.siblings - 1}
                    onClick={() => move(row.l1, row.l2, 1)}
                  >
                    下移
                  </Button>
                  {row.node.retired ? (
                    <Tooltip title={parentRetired ? '所属一级指标已停用，请先启用一级指标' : undefined}>
                      <Button
                        size="small"
                        aria-label={`启用${name}`}
                        disabled={parentRetired}
                        onClick={() => changeNode(row.l1, row.l2, { retired: false })}
                      >
                        启用
                      </Button>
                    </Tooltip>
                  ) : (
                    <Button
                      size="small"
                      aria-label={`停用${name}`}
                      onClick={() => changeNode(row.l1, row.l2, { retired: true })}
                    >
                      停用
                    </Button>
                  )}
                  {row.level === 1 && (
                    <Button size="small" aria-label={`在${name}下新增二级指标`} onClick={() => addLevel2(row.l1)}>
                      新增二级
                    </Button>
                  )}
                  <Button size="small" danger aria-label={`删除${name}`} onClick={() => remove(row.l1, row.l2)}>
                    删除
                  </Button>
                </Space>
              );
            },
          },
        ]}
      />
      {failure && <Alert className="list-error" type="error" showIcon title="保存失败" description={failure} />}
      <Space style={{ marginTop: 16 }}>
        <Button onClick={addLevel1}>新增一级指标</Button>
        <Button type="primary" onClick={onSave} loading={save.isPending}>
          保存
        </Button>
      </Space>
    </>
  );
}
