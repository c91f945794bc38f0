import type { GoalForm } from '@jxt/contracts';
import { EMPTY_MARK } from '@jxt/domain';
import { Alert, Button, Result, Space, Spin, Switch, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useCodeList, useFunctionClasses, useGoalForm } from '../forms/hooks';
import { compareRevisions, type CompareRow } from './revision-diff';
import './workflow.css';

const cell = (value: string | null) =>
  value === null ? <Typography.Text type="secondary">{EMPTY_MARK}</Typography.Text> : value;

/** /forms/:formId/compare/:otherId — two revisions side by side, the older on the left, changed rows highlighted. */
export function ComparePage() {
  const { formId = '', otherId = '' } = useParams();
  const first = useGoalForm(formId);
  const second = useGoalForm(otherId);
  const [onlyChanged, setOnlyChanged] = useState(false);
  const categories = useCodeList('project_category');
  // Each revision prints its own labels; a code without one reads by the version in force for the newer year.
  const functionClasses = useFunctionClasses(
    first.data && second.data ? Math.max(first.data.year, second.data.year) : undefined,
  );

  const pair = useMemo<[GoalForm, GoalForm] | null>(() => {
    if (!first.data || !second.data) return null;
    // The older on the left: by year (a next year's form against the revision it was carried from), then revision.
    const older = (a: GoalForm, b: GoalForm) => a.year < b.year || (a.year === b.year && a.revision <= b.revision);
    return older(first.data, second.data) ? [first.data, second.data] : [second.data, first.data];
  }, [first.data, second.data]);
  const rows = useMemo(() => {
    if (!pair) return [];
    return compareRevisions(pair[0], pair[1], {
      project_category: categories.data,
      function_class: functionClasses.data,
    });
  }, [pair, categories.data, functionClasses.data]);

  if (first.isPending || second.isPending) return <Spin className="form-loading" description="加载中…" />;
  const error = first.error ?? second.error;
  if (error || !pair)
    return (
      <Result
        status="error"
        title="无法读取要对比的修订"
        subTitle={error?.message}
        extra={<Button onClick={() => (void first.refetch(), void second.refetch())}>重试</Button>}
      />
    );

  const [older, newer] = pair;
  // Across years each side names its year (上年已审核版本 against this year's form); within a year the revision.
  const name = (form: GoalForm) =>
    older.year === newer.year ? `修订 ${form.revision}` : `${form.year} 年度第 ${form.revision} 版`;
  const changed = rows.filter((r) => r.changed).length;
  const shown = onlyChanged ? rows.filter((r) => r.changed) : rows;
  return (
    <div className="compare-page">
      <div className="form-meta">
        <Space wrap size="middle">
          <Link to={`/forms/${formId}`}>← 返回表单</Link>
          <Typography.Title level={4} className="form-meta-title">
            修订对比：{newer.project.name}
          </Typography.Title>
        </Space>
        <Space>
          <Switch checked={onlyChanged} onChange={setOnlyChanged} aria-label="只看有变化的栏目" />
          <Typography.Text>只看有变化的栏目</Typography.Text>
        </Space>
      </div>
      <Alert
        className="form-alert"
        type={changed ? 'info' : 'success'}
        showIcon
        title={changed ? `${name(older)} 与${name(newer)} 之间有 ${changed} 处变化（已高亮）` : '两个版本的内容相同'}
      />
      <Table<CompareRow>
        className="compare-table"
        size="small"
        bordered
        pagination={false}
        rowKey="key"
        dataSource={shown}
        rowClassName={(row) => (row.changed ? 'compare-changed' : 'compare-same')}
        columns={[
          {
            title: '栏目',
            dataIndex: 'section',
            width: 140,
            onCell: (row, i) => ({ rowSpan: sectionSpan(shown, row, i ?? 0) }),
          },
          {
            title: '项目',
            dataIndex: 'label',
            width: 280,
            render: (label: string, row) => (
              <>
                {label}
                {row.changed && (
                  <Tag color="orange" className="compare-tag">
                    {changeTag(row)}
                  </Tag>
                )}
              </>
            ),
          },
          { title: name(older), dataIndex: 'left', render: (value: string | null) => cell(value) },
          {
            title: name(newer),
            dataIndex: 'right',
            render: (value: string | null, row) => (
              <>
                {cell(value)}
                {row.details.map((d) => (
                  <div key={d.field} className="compare-detail">
                    {d.label.split(' / ').pop()}：{d.before ?? EMPTY_MARK} → {d.after ?? EMPTY_MARK}
                  </div>
                ))}
              </>
            ),
          },
        ]}
      />
    </div>
  );
}

/** An indicator is added or removed; a header field, amount or goal that was blank is still a change of that field. */
function changeTag(row: CompareRow): string {
  if (!row.key.startsWith('indicators.')) return '已修改';
  return row.left === null ? '新增' : row.right === null ? '删除' : '已修改';
}

function sectionSpan(rows: CompareRow[], row: CompareRow, index: number): number {
  if (index > 0 && rows[index - 1].section === row.section) return 0;
  let span = 1;
  while (rows[index + span]?.section === row.section) span += 1;
  return span;
}
