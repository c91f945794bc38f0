import type { Evaluation } from '@jxt/contracts';
import { Alert, Table, Tag } from 'antd';

interface Row {
  key: string;
  name: string;
  printed: string | null;
  computed: string;
  difference: string | null;
}

/**
 * An imported past 自评表 (docs/domain.md §4.1): the scores its sheet printed beside the system's arithmetic, each
 * difference (计算 − 所印) highlighted — the reviewer's arithmetic check. Qualitative scores are kept as printed.
 */
export function PrintedScores({ evaluation }: { evaluation: Evaluation }) {
  const imported = evaluation.imported;
  if (!imported) return null;
  const differenceOf = (indicatorId: string | null, name: string) =>
    imported.differences.find((d) => d.indicatorId === indicatorId && d.name === name)?.difference ?? null;
  const rows: Row[] = [
    {
      key: 'budget',
      name: '预算执行率',
      printed: imported.budgetScore,
      computed: evaluation.score.budget.score,
      difference: differenceOf(null, '预算执行率'),
    },
    ...evaluation.indicators.map((indicator) => ({
      key: indicator.id,
      name: indicator.name,
      printed: indicator.printedScore,
      computed: indicator.scored.score,
      difference: differenceOf(indicator.id, indicator.name),
    })),
    {
      key: 'total',
      name: '总分',
      printed: imported.total,
      computed: evaluation.score.total,
      difference: differenceOf(null, '总分'),
    },
  ];
  const count = imported.differences.length;
  return (
    <section className="printed-scores no-print" aria-label="所印得分与系统核算">
      <Alert
        className="form-alert"
        type={count ? 'warning' : 'info'}
        showIcon
        title="本表为导入的历史自评表，未经系统审核流程"
        description={
          count
            ? `系统按所印分值重新核算定量指标与预算执行率（定性指标按所印得分保留），有 ${count} 处与表上所印得分不一致，已标出。`
            : '系统按所印分值重新核算定量指标与预算执行率（定性指标按所印得分保留），与表上所印得分一致。'
        }
      />
      <Table<Row>
        size="small"
        pagination={false}
        dataSource={rows}
        rowClassName={(row) => (row.difference ? 'printed-score-differs' : '')}
        columns={[
          { title: '项目', dataIndex: 'name' },
          { title: '所印得分', dataIndex: 'printed', align: 'right', render: (v: string | null) => v ?? '—' },
          { title: '系统核算', dataIndex: 'computed', align: 'right' },
          {
            title: '差额（核算 − 所印）',
            dataIndex: 'difference',
            align: 'right',
            render: (v: string | null) => (v ? <Tag color="red">{v.startsWith('-') ? v : `+${v}`}</Tag> : '一致'),
          },
        ]}
      />
      {imported.grade && <div className="eval-note">所印自评等级：{imported.grade}</div>}
    </section>
  );
}
