import type { CarryForwardResponse, CarryForwardResult, CarryOutcome, Organization } from '@jxt/contracts';
import { Alert, Button, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCarryForward } from './hooks';

const OWNER_KINDS = new Set(['unit', 'internal']);

const OUTCOMES: Record<CarryOutcome, { label: string; color: string }> = {
  created: { label: '已生成', color: 'green' },
  skipped: { label: '未结转', color: 'default' },
  refused: { label: '失败', color: 'red' },
};

const COLUMNS: TableColumnsType<CarryForwardResult> = [
  { title: '项目编码', dataIndex: 'code', width: 150 },
  { title: '项目名称', dataIndex: 'projectName' },
  {
    title: '结果',
    dataIndex: 'outcome',
    width: 90,
    render: (outcome: CarryOutcome) => <Tag color={OUTCOMES[outcome].color}>{OUTCOMES[outcome].label}</Tag>,
  },
  {
    title: '说明',
    key: 'message',
    render: (_: unknown, row) => (row.formId ? <Link to={`/forms/${row.formId}`}>打开草稿</Link> : (row.message ?? '')),
  },
];

export interface CarryForwardDialogProps {
  /** The year carried from (the list's year); the drafts are of the year after. */
  fromYear: number;
  organizations: Organization[];
  ownOrganizationId?: string;
  onClose: () => void;
}

/**
 * 结转到下一年度: for one unit (and its 内设机构), every project whose 计划完成日期 lies in the next year or later and
 * whose form of this year finance approved gets its next year's draft (延续); the result lists each project.
 */
export function CarryForwardDialog({ fromYear, organizations, ownOrganizationId, onClose }: CarryForwardDialogProps) {
  const owners = organizations.filter((o) => OWNER_KINDS.has(o.kind));
  const [organizationId, setOrganizationId] = useState<string | undefined>(
    owners.some((o) => o.id === ownOrganizationId) ? ownOrganizationId : owners[0]?.id,
  );
  const carry = useCarryForward();
  const [result, setResult] = useState<CarryForwardResponse>();
  const toYear = fromYear + 1;

  return (
    <Modal
      open
      title={`结转到 ${toYear} 年度`}
      width={760}
      onCancel={onClose}
      footer={
        result ? (
          <Button type="primary" onClick={onClose}>
            完成
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose}>取消</Button>
            <Button
              type="primary"
              disabled={!organizationId}
              loading={carry.isPending}
              onClick={() =>
                organizationId && carry.mutate({ organizationId, fromYear, toYear }, { onSuccess: setResult })
              }
            >
              结转
            </Button>
          </Space>
        )
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary">
          计划完成日期在 {toYear} 年或以后、{fromYear} 年度表已经财政审核的项目，由已审核版本生成 {toYear}{' '}
          年度草稿（延续）：表头、目标和指标带入，资金重新填写。
        </Typography.Paragraph>
        <Select
          aria-label="结转单位"
          style={{ width: '100%' }}
          value={organizationId}
          onChange={setOrganizationId}
          disabled={Boolean(result)}
          options={owners.map((o) => ({ value: o.id, label: o.name }))}
        />
        {carry.isError && <Alert type="error" showIcon title={carry.error.message || '结转失败'} />}
        {result && (
          <>
            <Alert
              type={result.refused ? 'warning' : 'success'}
              showIcon
              title={`已生成 ${result.created} 个，未结转 ${result.skipped} 个，失败 ${result.refused} 个`}
            />
            <Table<CarryForwardResult>
              rowKey="projectId"
              size="small"
              columns={COLUMNS}
              dataSource={result.results}
              pagination={result.results.length > 10 ? { pageSize: 10 } : false}
            />
          </>
        )}
      </Space>
    </Modal>
  );
}
