import type { CheckLevel, QualityPolicy, QualityPolicyVersion } from '@jxt/contracts';
import { QUALITY_CHECKS, QUALITY_GROUPS, qualityLevel } from '@jxt/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Radio, Result, Select, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import { ApiRequestError } from '../../api/http';
import { PageHeading } from '../../ui/PageHeading';
import { ReadFailure } from '../../ui/ReadFailure';
import { useCurrentUser } from '../auth/hooks';
import { useQualityPolicy } from '../forms/quality-policy-query';
import { YearSelect } from '../years/YearSelect';

const LEVEL_OPTIONS: { value: CheckLevel; label: string }[] = [
  { value: 'error', label: '阻止提交' },
  { value: 'warning', label: '提醒' },
  { value: 'off', label: '不检查' },
];

/** /admin/quality-policy — 审核要点 checks per year (admin only): each an error, a warning or off; versioned. */
export function QualityPolicyPage() {
  const me = useCurrentUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const year = Number(searchParams.get('year')) || new Date().getFullYear();
  if (me.data && !me.data.roles.includes('admin'))
    return <Result status="403" title="只有管理员可以修改质量检查规则" />;
  return (
    <div className="policy-page">
      <PageHeading title="质量检查规则（审核要点）">
        <YearSelect value={year} onChange={(y) => setSearchParams({ year: String(y) })} />
      </PageHeading>
      <PolicyOfYear key={year} year={year} />
    </div>
  );
}

function PolicyOfYear({ year }: { year: number }) {
  const current = useQualityPolicy(year);
  if (current.isPending) return <Spin className="form-loading" description="加载中…" />;
  if (current.isError)
    return <ReadFailure what="质量检查规则" error={current.error} onRetry={() => void current.refetch()} />;
  return <PolicyEditor key={current.data.version} year={year} current={current.data} />;
}

/** The editor of one year's policy, from the version read; a save adds the next version. */
export function PolicyEditor({ year, current }: { year: number; current: QualityPolicyVersion }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [levels, setLevels] = useState<Record<string, CheckLevel>>(() =>
    Object.fromEntries(QUALITY_CHECKS.map((c) => [c.code, qualityLevel(current.policy, c.code)])),
  );
  const [rule, setRule] = useState(current.policy.publicService);
  const [failure, setFailure] = useState<string | null>(null);
  const save = useMutation<QualityPolicyVersion, Error, QualityPolicy>({
    mutationFn: (policy) =>
      api.put('/api/quality-policies/{year}', { path: { year }, body: { policy, baseVersion: current.version } }),
    onSuccess: (saved) => {
      void message.success(`已保存为第 ${saved.version} 版`);
      client.setQueryData(['quality-policies', year], saved);
    },
    onError: (error) => setFailure(error instanceof ApiRequestError ? error.message : '保存失败，请重试'),
  });
  const rows = QUALITY_GROUPS.flatMap((group) => QUALITY_CHECKS.filter((c) => c.group === group));
  const words = (value: string[]) => value.map((v) => v.trim()).filter(Boolean);

  return (
    <>
      <Typography.Paragraph type="secondary">
        {year} 年度
        {current.version ? `第 ${current.version} 版（${current.createdByName ?? ''}）` : '默认规则（尚未保存过）'}。
        “阻止提交”的检查不通过时，填报单位不能提交；“提醒”只提示；表单原有的必填与金额核对检查始终阻止提交。
      </Typography.Paragraph>
      <Table
        size="small"
        pagination={false}
        rowKey="code"
        dataSource={rows}
        columns={[
          { title: '审核要点', dataIndex: 'group', width: 100 },
          { title: '检查', dataIndex: 'label' },
          {
            title: '级别',
            key: 'level',
            width: 280,
            render: (_, check) => (
              <Radio.Group
                aria-label={`${check.label} 的级别`}
                optionType="button"
                size="small"
                options={LEVEL_OPTIONS}
                value={levels[check.code]}
                onChange={(e) => setLevels({ ...levels, [check.code]: e.target.value as CheckLevel })}
              />
            ),
          },
        ]}
      />
      <Typography.Title level={5}>面向公众的项目（应有满意度指标）</Typography.Title>
      <Form layout="vertical">
        <Form.Item label="功能分类科目（前缀，如 208 社会保障和就业）">
          <Select
            mode="tags"
            aria-label="功能分类科目前缀"
            value={rule.functionClassPrefixes}
            onChange={(v: string[]) => setRule({ ...rule, functionClassPrefixes: words(v) })}
          />
        </Form.Item>
        <Form.Item label="项目名称中的词">
          <Select
            mode="tags"
            aria-label="项目名称中的词"
            value={rule.nameWords}
            onChange={(v: string[]) => setRule({ ...rule, nameWords: words(v) })}
          />
        </Form.Item>
        <Form.Item label="项目类别代码">
          <Select
            mode="tags"
            aria-label="项目类别代码"
            value={rule.categoryCodes}
            onChange={(v: string[]) => setRule({ ...rule, categoryCodes: words(v) })}
          />
        </Form.Item>
      </Form>
      {failure && <Alert type="error" showIcon title={failure} closable onClose={() => setFailure(null)} />}
      <Button
        type="primary"
        loading={save.isPending}
        onClick={() =>
          save.mutate({
            checks: QUALITY_CHECKS.map(({ code }) => ({ code, level: levels[code] })),
            publicService: rule,
          })
        }
      >
        保存为新版本
      </Button>
    </>
  );
}
