import type { FinanceDivision, Organization } from '@jxt/contracts';
import { Alert, App, Button, Select, Space, Spin, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { LoadFailure } from '../../ui/LoadFailure';
import { PageHeading } from '../../ui/PageHeading';
import { useAdminOrganizations, useAssignDepartments, useFinanceDivisions } from './hooks';

/** The enabled 主管部门 that no 财政科室 reviews: their forms would wait for a 财政审核 nobody sees. */
export function unreviewedDepartments(departments: Organization[], divisions: FinanceDivision[]): Organization[] {
  const reviewed = new Set(divisions.flatMap((d) => d.departmentIds));
  return departments.filter((d) => !d.disabled && !reviewed.has(d.id));
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * 财政科室 (admin): each finance division of the 财政局 and the 主管部门 whose forms it reviews (财政审核); a 主管部门
 * no division reviews is named above the table.
 */
export function FinanceDivisionsPage() {
  const divisions = useFinanceDivisions();
  const organizations = useAdminOrganizations();
  const assign = useAssignDepartments();
  const { message } = App.useApp();
  /** Edited, not yet saved choices per division. */
  const [drafts, setDrafts] = useState<Record<string, string[]>>({});

  const departments = useMemo(
    () => (organizations.data ?? []).filter((o) => o.kind === 'department'),
    [organizations.data],
  );
  const names = useMemo(() => new Map(departments.map((d) => [d.id, d.name])), [departments]);

  if (divisions.isPending || organizations.isPending) return <Spin />;
  if (divisions.isError || organizations.isError)
    return (
      <LoadFailure
        error={divisions.isError ? divisions.error : organizations.error!}
        notFoundTitle="找不到财政科室"
        failedTitle="无法读取财政科室"
        backTo="/inbox"
        backLabel="返回待办"
        onRetry={() => void Promise.all([divisions.refetch(), organizations.refetch()])}
      />
    );

  const missing = unreviewedDepartments(departments, divisions.data);

  const save = (division: FinanceDivision) => {
    const departmentIds = drafts[division.divisionId] ?? division.departmentIds;
    assign.mutate(
      { divisionId: division.divisionId, departmentIds },
      {
        onSuccess: () => {
          setDrafts(({ [division.divisionId]: _saved, ...rest }) => rest);
          void message.success(`已保存「${division.name}」负责的主管部门`);
        },
        onError: (error) => void message.error(error.message),
      },
    );
  };

  return (
    <div className="admin-finance-divisions-page">
      <PageHeading title="财政科室" />
      <Typography.Paragraph type="secondary">
        每个财政科室负责审核所分管主管部门（及其预算单位）的填报表。新增或停用科室请在
        <Link to="/admin/organizations">组织机构</Link>中操作。
      </Typography.Paragraph>
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={`以下主管部门尚无财政科室负责审核：${missing.map((d) => d.name).join('、')}`}
          style={{ marginBottom: 16 }}
        />
      )}
      <Table<FinanceDivision>
        rowKey="divisionId"
        pagination={false}
        dataSource={divisions.data}
        locale={{ emptyText: '还没有财政科室，请先在组织机构中新增' }}
        columns={[
          { title: '财政科室', dataIndex: 'name', width: 200 },
          {
            title: '负责审核的主管部门',
            key: 'departments',
            render: (_, division) => (
              <Select
                mode="multiple"
                aria-label={`${division.name}负责审核的主管部门`}
                style={{ width: '100%', minWidth: 320 }}
                placeholder="选择主管部门"
                optionFilterProp="label"
                value={drafts[division.divisionId] ?? division.departmentIds}
                onChange={(ids: string[]) => setDrafts((d) => ({ ...d, [division.divisionId]: ids }))}
                options={departments.map((d) => ({
                  value: d.id,
                  label: d.disabled ? `${d.name}（已停用）` : d.name,
                }))}
                labelRender={({ value }) => names.get(String(value)) ?? String(value)}
              />
            ),
          },
          {
            title: '操作',
            key: 'actions',
            width: 160,
            render: (_, division) => {
              const draft = drafts[division.divisionId];
              const changed = draft !== undefined && !sameSet(draft, division.departmentIds);
              return (
                <Space>
                  <Button
                    type="primary"
                    disabled={!changed}
                    loading={assign.isPending && assign.variables?.divisionId === division.divisionId}
                    onClick={() => save(division)}
                  >
                    保存
                  </Button>
                  {changed && (
                    <Button
                      type="link"
                      onClick={() => setDrafts(({ [division.divisionId]: _dropped, ...rest }) => rest)}
                    >
                      撤销
                    </Button>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
    </div>
  );
}
