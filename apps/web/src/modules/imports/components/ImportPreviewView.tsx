import { Alert, Button, Checkbox, Space, Table, Tag, TreeSelect, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { FORM_STATUS_LABELS, type ImportPreview, type ImportPreviewSheet, type Organization } from '@jxt/contracts';
import { formatYuan } from '@jxt/domain';
import { buildOrgTree, OWNER_KINDS, ownerTree } from '../../projects/org-tree';
import { ACTION_COLORS, ACTION_LABELS, KIND_LABELS } from '../import-text';
import { ProblemList } from './ProblemList';

/** The user's choice for one sheet: whether it is imported and, for a new project, which unit owns it. */
export interface SheetChoice {
  include: boolean;
  organizationId: string | null;
}

export interface ImportPreviewViewProps {
  preview: ImportPreview;
  organizations: Organization[];
  /** The caller's own organisation: proposed as the owner of a new project when it may own one. */
  ownOrganizationId: string | undefined;
  /** Only a 填报人 writes forms (the confirm is theirs); anyone else sees the preview to check a workbook. */
  canConfirm: boolean;
  confirming: boolean;
  onConfirm: (choices: Map<string, SheetChoice>) => void;
  onCancel: () => void;
}

const errorsOf = (sheet: ImportPreviewSheet) => sheet.problems.filter((p) => p.severity === 'error').length;
const warningsOf = (sheet: ImportPreviewSheet) => sheet.problems.filter((p) => p.severity === 'warning').length;
/** A sheet the confirm would refuse: an error at a cell, or nothing read. */
const blocked = (sheet: ImportPreviewSheet) => errorsOf(sheet) > 0 || !sheet.form || sheet.year === null;

const money = (value: string | null) => (value === null ? '—' : formatYuan(value));

/** What the sheet will do, in words: the project it matched (how, where, which revision) or the new project. */
function MatchText({ sheet }: { sheet: ImportPreviewSheet }) {
  const { match } = sheet;
  // docs/domain.md §4.1: a past 自评表 becomes the year's approved revision (导入) with its final 自评表.
  if (sheet.kind === 'evaluation') {
    if (sheet.action === 'locked')
      return (
        <Typography.Text type="secondary">
          已导入：该项目 {sheet.year} 年度已有填报表{match?.revision ? `（第 ${match.revision} 版）` : ''}，不会改动
        </Typography.Text>
      );
    return (
      <Typography.Text type="secondary">
        {match ? `匹配到 ${match.organizationName}（${match.code}），` : '未匹配到项目，将新建项目，'}
        导入为 {sheet.year} 年度已审核的历史记录及已定稿的自评表
      </Typography.Text>
    );
  }
  if (!match) return <Typography.Text type="secondary">未匹配到项目，将新建项目</Typography.Text>;
  const how = match.by === 'code' ? '按项目编码' : '按项目名称';
  const where = `${match.organizationName}（${match.code}）`;
  if (sheet.action === 'create')
    return (
      <Typography.Text type="secondary">
        {how}匹配：{where}，新建 {sheet.year} 年度填报表
      </Typography.Text>
    );
  const revision = match.revision === null ? '' : `第 ${match.revision} 版`;
  const status = match.status ? FORM_STATUS_LABELS[match.status] : '';
  return (
    <Typography.Text type="secondary">
      {how}匹配：{where}，{revision}
      {status}
      {sheet.action === 'locked' ? '，不会改动' : ''}
    </Typography.Text>
  );
}

/** A past 自评表's scores: the printed beside the system's arithmetic, and each difference (docs/domain.md §4.1). */
function EvaluationCheck({ sheet }: { sheet: ImportPreviewSheet }) {
  const evaluation = sheet.evaluation;
  if (!evaluation) return null;
  const signed = (d: string) => (d.startsWith('-') ? d : `+${d}`);
  return (
    <section aria-label={`工作表「${sheet.sheet}」的得分核算`} className="import-evaluation-check">
      <Typography.Text>
        得分核算：预算执行率 所印 {evaluation.budget.printed ?? '—'}、核算 {evaluation.budget.computed}；总分 所印{' '}
        {evaluation.total.printed ?? '—'}、核算 {evaluation.total.computed}
        {evaluation.printedGrade ? `；所印自评等级 ${evaluation.printedGrade}` : ''}
      </Typography.Text>
      {evaluation.differences.length === 0 ? (
        <div>
          <Typography.Text type="success">所印得分与系统核算一致</Typography.Text>
        </div>
      ) : (
        <ul className="import-reasons">
          {evaluation.differences.map((d) => (
            <li key={`${d.row ?? ''}${d.name}`}>
              <Typography.Text type="warning">
                {d.row !== null ? `第 ${d.row} 行 ` : ''}
                {d.name}：所印 {d.printed ?? '—'}，核算 {d.computed}（{signed(d.difference)}）
              </Typography.Text>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * The preview of an uploaded workbook: per sheet its action, kind, project, year, indicator count and funds (元), its
 * problems grouped under it (severity, cell, message), whether to import it and, for a new project, its unit. 确认导入
 * stays disabled while a sheet kept has an error or lacks its unit, each reason said beside the button.
 */
export function ImportPreviewView({
  preview,
  organizations,
  ownOrganizationId,
  canConfirm,
  confirming,
  onConfirm,
  onCancel,
}: ImportPreviewViewProps) {
  const kinds = useMemo(
    () => new Map(organizations.map((o) => [o.id, o.disabled ? 'disabled' : (o.kind as string)])),
    [organizations],
  );
  const tree = useMemo(() => ownerTree(buildOrgTree(organizations), kinds), [organizations, kinds]);
  // One unit the caller may file for (a filer's own): proposed for every new project; the user sees and can change it.
  const proposedUnit =
    ownOrganizationId && OWNER_KINDS.has(kinds.get(ownOrganizationId) ?? '') ? ownOrganizationId : null;

  // Every sheet starts kept: a sheet with errors is left out only by the user's own choice, never silently.
  const [choices, setChoices] = useState<Map<string, SheetChoice>>(
    () => new Map(preview.forms.map((sheet) => [sheet.sheet, { include: true, organizationId: null }])),
  );
  const choiceOf = (sheet: ImportPreviewSheet): SheetChoice => {
    const choice = choices.get(sheet.sheet) ?? { include: true, organizationId: null };
    return sheet.action === 'needs-unit' && choice.organizationId === null
      ? { ...choice, organizationId: proposedUnit }
      : choice;
  };
  const choose = (sheet: ImportPreviewSheet, change: Partial<SheetChoice>) =>
    setChoices((previous) => new Map(previous).set(sheet.sheet, { ...choiceOf(sheet), ...change }));

  const kept = preview.forms.filter((sheet) => choiceOf(sheet).include);
  const reasons = [
    ...(canConfirm ? [] : ['确认导入须由单位填报人操作：您可以上传核对，确认请交填报人']),
    ...kept
      .filter(blocked)
      .map((sheet) =>
        errorsOf(sheet)
          ? `工作表「${sheet.sheet}」有 ${errorsOf(sheet)} 处错误：请改正后重新上传，或取消勾选该表（不导入）`
          : `工作表「${sheet.sheet}」未读出填报表：请取消勾选该表（不导入）`,
      ),
    ...kept
      .filter((sheet) => !blocked(sheet) && sheet.action === 'needs-unit' && !choiceOf(sheet).organizationId)
      .map((sheet) => `工作表「${sheet.sheet}」未匹配到项目：请选择新项目的所属单位`),
    ...(preview.forms.length > 0 && kept.length === 0 ? ['没有勾选要导入的工作表'] : []),
    ...(preview.forms.length === 0 ? ['工作簿中没有可导入的工作表'] : []),
  ];

  const counts = {
    create: kept.filter((s) => !blocked(s) && (s.action === 'create' || s.action === 'needs-unit')).length,
    update: kept.filter((s) => !blocked(s) && s.action === 'update').length,
    errors: preview.forms.filter(blocked).length,
  };

  const columns: TableColumnsType<ImportPreviewSheet> = [
    {
      title: '导入',
      key: 'include',
      width: 56,
      align: 'center',
      render: (_, sheet) => (
        <Checkbox
          aria-label={`导入工作表「${sheet.sheet}」`}
          checked={choiceOf(sheet).include}
          onChange={(event) => choose(sheet, { include: event.target.checked })}
        />
      ),
    },
    {
      title: '工作表',
      dataIndex: 'sheet',
      key: 'sheet',
      width: 120,
      render: (name: string, sheet) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong>{name}</Typography.Text>
          <Tag>{KIND_LABELS[sheet.kind]}</Tag>
        </Space>
      ),
    },
    {
      title: '项目名称',
      key: 'name',
      render: (_, sheet) => (
        <Space orientation="vertical" size={0}>
          <span>{sheet.name ?? '（未读出项目名称）'}</span>
          {sheet.code && <Typography.Text type="secondary">{sheet.code}</Typography.Text>}
        </Space>
      ),
    },
    { title: '年度', dataIndex: 'year', key: 'year', width: 64, render: (year: number | null) => year ?? '—' },
    { title: '指标数', dataIndex: 'indicatorCount', key: 'indicatorCount', width: 72, align: 'right' },
    {
      title: '项目资金总额（元）',
      key: 'total',
      width: 150,
      align: 'right',
      className: 'money-cell',
      render: (_, sheet) => money(sheet.funds.totalAmount),
    },
    {
      title: '年度资金申请总额（元）',
      key: 'annual',
      width: 150,
      align: 'right',
      className: 'money-cell',
      render: (_, sheet) => (
        <Space orientation="vertical" size={0} align="end">
          <span>{money(sheet.funds.annualAmount)}</span>
          {sheet.amountUnit === '万元' && <Typography.Text type="secondary">表上以万元填写</Typography.Text>}
        </Space>
      ),
    },
    {
      title: '处理',
      key: 'action',
      width: 260,
      render: (_, sheet) => (
        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <span>
            {blocked(sheet) ? (
              <Tag color="red">{sheet.action === 'locked' ? ACTION_LABELS.locked : '不能导入'}</Tag>
            ) : (
              <Tag color={ACTION_COLORS[sheet.action]}>
                {sheet.kind === 'evaluation' && sheet.action === 'locked' ? '已导入' : ACTION_LABELS[sheet.action]}
              </Tag>
            )}
            {!choiceOf(sheet).include && <Tag>不导入</Tag>}
          </span>
          <MatchText sheet={sheet} />
          {sheet.action === 'needs-unit' && !blocked(sheet) && choiceOf(sheet).include && (
            <TreeSelect
              aria-label={`工作表「${sheet.sheet}」的所属单位`}
              size="small"
              style={{ width: '100%' }}
              treeData={tree}
              treeDefaultExpandAll
              showSearch
              treeNodeFilterProp="title"
              popupMatchSelectWidth={false}
              placeholder="选择所属单位"
              value={choiceOf(sheet).organizationId ?? undefined}
              onChange={(value?: string) => choose(sheet, { organizationId: value ?? null })}
            />
          )}
        </Space>
      ),
    },
    {
      title: '问题',
      key: 'problems',
      width: 96,
      render: (_, sheet) =>
        sheet.problems.length === 0 ? (
          <Typography.Text type="secondary">无</Typography.Text>
        ) : (
          <Space orientation="vertical" size={0}>
            {errorsOf(sheet) > 0 && <Typography.Text type="danger">{errorsOf(sheet)} 处错误</Typography.Text>}
            {warningsOf(sheet) > 0 && <Typography.Text type="warning">{warningsOf(sheet)} 处提醒</Typography.Text>}
          </Space>
        ),
    },
  ];

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        role="status"
        type={counts.errors ? 'warning' : 'info'}
        showIcon
        title={`共 ${preview.forms.length} 个工作表：将新建 ${counts.create} 张、更新 ${counts.update} 张${counts.errors ? `，${counts.errors} 个表有错误不能导入` : ''}`}
        description="以下为预览，尚未写入任何数据。请核对每个表的处理方式和问题，确认后一次写入（任何一表失败则全部不写入）。"
      />
      {preview.problems.length > 0 && (
        <section aria-label="整个文件的问题">
          <ProblemList problems={preview.problems} withSheet />
        </section>
      )}
      <Table<ImportPreviewSheet>
        rowKey="sheet"
        size="middle"
        columns={columns}
        dataSource={preview.forms}
        pagination={false}
        scroll={{ x: 1080 }}
        rowClassName={(sheet) => (choiceOf(sheet).include ? '' : 'import-row-skipped')}
        expandable={{
          rowExpandable: (sheet) => sheet.problems.length > 0 || sheet.evaluation !== null,
          defaultExpandAllRows: true,
          expandedRowRender: (sheet) => (
            <>
              <EvaluationCheck sheet={sheet} />
              {sheet.problems.length > 0 && (
                <section aria-label={`工作表「${sheet.sheet}」的问题`}>
                  <ProblemList problems={sheet.problems} />
                </section>
              )}
            </>
          ),
        }}
      />
      {reasons.length > 0 && (
        <Alert
          role="status"
          type="warning"
          showIcon
          title="确认导入前请处理"
          description={
            <ul className="import-reasons">
              {reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          }
        />
      )}
      <Space>
        <Button
          type="primary"
          disabled={reasons.length > 0}
          loading={confirming}
          onClick={() => {
            const chosen = new Map(preview.forms.map((sheet) => [sheet.sheet, choiceOf(sheet)]));
            onConfirm(chosen);
          }}
        >
          确认导入
        </Button>
        <Button onClick={onCancel} disabled={confirming}>
          重新选择文件
        </Button>
      </Space>
    </Space>
  );
}
