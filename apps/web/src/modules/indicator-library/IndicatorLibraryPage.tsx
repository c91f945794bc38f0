import { LIBRARY_TIER_LABELS, LIBRARY_TIERS, type LibraryEntry, type LibraryTier } from '@jxt/contracts';
import { Alert, App, Button, Checkbox, Input, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { PageHeading } from '../../ui/PageHeading';
import { useDebouncedCallback } from '../../ui/use-debounced-callback';
import { useCurrentUser } from '../auth/hooks';
import { useFunctionClasses, useTaxonomy } from '../forms/hooks';
import { useDefaultYear } from '../years/hooks';
import { YearSelect } from '../years/YearSelect';
import { LibraryEntryDialog } from './LibraryEntryDialog';
import { useLibrary, useRetireLibraryEntry } from './hooks';
import { ownedTiers } from './tiers';
import './indicator-library.css';

const TIER_COLORS: Record<LibraryTier, string> = { common: 'blue', department: 'purple', unit: 'green' };
const PAGE_SIZE = 50;

/**
 * 指标库 (issue 14): the entries the user sees — 共性, their 主管部门's 行业/部门 and their unit's 个性 — searched by Chinese
 * words or pinyin initials (gzmyd → 公众满意度), filtered by 二级指标 and tier; 停用 ones greyed. Those who own a tier
 * add, edit, 停用 and 启用 its entries; 本年使用 counts the year's projects using the name (a count only).
 */
export function IndicatorLibraryPage() {
  const { message } = App.useApp();
  const me = useCurrentUser();
  const defaultYear = useDefaultYear('projects', true);
  const [chosenYear, setYear] = useState<number | undefined>(undefined);
  const year = chosenYear ?? defaultYear;
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const applyQ = useDebouncedCallback((text: string) => {
    setQ(text.trim());
    setPage(1);
  }, 250);
  const [level2, setLevel2] = useState<string | undefined>(undefined);
  const [tier, setTier] = useState<LibraryTier | undefined>(undefined);
  const [includeRetired, setIncludeRetired] = useState(true);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<{ entry: LibraryEntry | null } | null>(null);

  const taxonomy = useTaxonomy(year);
  const functionClasses = useFunctionClasses(year);
  const library = useLibrary(
    { q: q || undefined, level2, tier, year, includeRetired, page, pageSize: PAGE_SIZE },
    year !== undefined,
  );
  const retire = useRetireLibraryEntry();
  const tiers = me.data ? ownedTiers(me.data) : [];
  const labels = new Map((taxonomy.data ?? []).map((n) => [n.code, n.label]));
  const level1Codes = (taxonomy.data ?? []).filter((n) => n.level === 1);

  const setRetired = (entry: LibraryEntry, retired: boolean) =>
    retire.mutate(
      { id: entry.id, retire: retired },
      {
        onSuccess: () => void message.success(`${retired ? '已停用' : '已启用'}：${entry.name}`),
        onError: (error) => void message.error(error.message),
      },
    );

  return (
    <div className="indicator-library-page">
      <PageHeading title="指标库">
        <YearSelect value={year} onChange={(y) => setYear(y)} />
      </PageHeading>
      <Space wrap className="list-filters">
        <Input.Search
          aria-label="检索指标"
          allowClear
          placeholder="指标名称或拼音首字母（如 gzmyd）"
          value={typed}
          style={{ width: 340 }}
          onChange={(event) => {
            setTyped(event.target.value);
            applyQ(event.target.value);
          }}
          onSearch={(text) => {
            setQ(text.trim());
            setPage(1);
          }}
        />
        <Select
          aria-label="二级指标"
          allowClear
          placeholder="全部二级指标"
          style={{ width: 200 }}
          virtual={false}
          value={level2}
          onChange={(value?: string) => {
            setLevel2(value);
            setPage(1);
          }}
          options={level1Codes.map((l1) => ({
            label: l1.label,
            options: (taxonomy.data ?? [])
              .filter((n) => n.level === 2 && n.parentCode === l1.code)
              .map((n) => ({ value: n.code, label: n.label })),
          }))}
        />
        <Select
          aria-label="层级"
          allowClear
          placeholder="全部层级"
          style={{ width: 150 }}
          value={tier}
          onChange={(value?: LibraryTier) => {
            setTier(value);
            setPage(1);
          }}
          options={LIBRARY_TIERS.map((t) => ({ value: t, label: LIBRARY_TIER_LABELS[t] }))}
        />
        <Checkbox
          checked={includeRetired}
          onChange={(event) => {
            setIncludeRetired(event.target.checked);
            setPage(1);
          }}
        >
          显示已停用
        </Checkbox>
        {tiers.length > 0 && (
          <Button type="primary" onClick={() => setEditing({ entry: null })}>
            新增指标
          </Button>
        )}
      </Space>
      {library.isError && (
        <Alert
          className="list-error"
          type="error"
          showIcon
          title="无法读取指标库"
          description={library.error.message}
        />
      )}
      <Table<LibraryEntry>
        rowKey="id"
        size="middle"
        loading={library.isFetching}
        dataSource={library.data?.items ?? []}
        rowClassName={(entry) => (entry.retiredAt ? 'library-row-retired' : '')}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: library.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 条`,
          onChange: setPage,
        }}
        columns={[
          {
            title: '指标名称',
            key: 'name',
            render: (_, entry) => (
              <Space size={4} wrap>
                <Typography.Text delete={entry.retiredAt !== null}>{entry.name}</Typography.Text>
                {entry.retiredAt && <Tag>已停用</Tag>}
              </Space>
            ),
          },
          {
            title: '一级/二级指标',
            key: 'category',
            render: (_, entry) =>
              `${labels.get(entry.level1Code) ?? entry.level1Code} / ${labels.get(entry.level2Code) ?? entry.level2Code}`,
          },
          { title: '典型指标值', dataIndex: 'valueForm', render: (value: string | null) => value ?? '—' },
          { title: '度量单位', dataIndex: 'unit', render: (value: string | null) => value ?? '—' },
          {
            title: '指标解释',
            dataIndex: 'definition',
            ellipsis: { showTitle: false },
            render: (value: string | null, entry) =>
              value ? (
                <Tooltip title={entry.calculationMethod ? `${value}　计算方法：${entry.calculationMethod}` : value}>
                  {value}
                </Tooltip>
              ) : (
                '—'
              ),
          },
          {
            title: '层级',
            key: 'tier',
            render: (_, entry) => (
              <Tooltip title={entry.organizationName}>
                <Tag color={entry.retiredAt ? undefined : TIER_COLORS[entry.tier]}>
                  {LIBRARY_TIER_LABELS[entry.tier]}
                </Tag>
              </Tooltip>
            ),
          },
          {
            title: `${year ?? ''} 年使用`,
            dataIndex: 'usageCount',
            align: 'right',
            render: (count: number) => (count ? `${count} 个项目` : '—'),
          },
          {
            title: '操作',
            key: 'actions',
            render: (_, entry) =>
              entry.editable ? (
                <Space size={0}>
                  <Button type="link" size="small" onClick={() => setEditing({ entry })}>
                    编辑
                  </Button>
                  <Button
                    type="link"
                    size="small"
                    loading={retire.isPending && retire.variables?.id === entry.id}
                    onClick={() => setRetired(entry, entry.retiredAt === null)}
                  >
                    {entry.retiredAt ? '启用' : '停用'}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
      <LibraryEntryDialog
        open={editing !== null}
        entry={editing?.entry ?? null}
        tiers={tiers}
        taxonomy={taxonomy.data ?? []}
        functionClasses={functionClasses.data ?? []}
        onClose={() => setEditing(null)}
      />
    </div>
  );
}
