import { DEADLINE_KIND_LABELS, DEADLINE_KINDS, type DeadlineKind, type SetDeadlinesRequest } from '@jxt/contracts';
import { Alert, App, Button, DatePicker, Form, Result, Spin, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiRequestError } from '../../api/http';
import { PageHeading } from '../../ui/PageHeading';
import { useCurrentUser } from '../auth/hooks';
import { YearSelect } from '../years/YearSelect';
import { useYears } from '../years/hooks';
import { useDeadlines, useSaveDeadlines } from './hooks';
import { ReminderSettingsForm } from './ReminderSettingsForm';
import { ReadFailure } from '../../ui/ReadFailure';

type Values = Record<DeadlineKind, Dayjs | null>;

/** /admin/deadlines — 截止日期 per year and stage (admin): 单位提交, 主管部门审核, 财政审核; and 提醒设置 (days before). */
export function DeadlinesPage() {
  const me = useCurrentUser();
  if (me.data && !me.data.roles.includes('admin')) return <Result status="403" title="只有管理员可以设置截止日期" />;
  return <DeadlineYears />;
}

/** The URL's year, else the newest open year (else the newest, else this year), put into the URL. */
function DeadlineYears() {
  const [searchParams, setSearchParams] = useSearchParams();
  const years = useYears();
  const urlYear = Number(searchParams.get('year')) || undefined;
  const list = years.data?.years;
  const fallback = list
    ? ((list.find((y) => y.status === 'open') ?? list[0])?.year ?? new Date().getFullYear())
    : years.isError
      ? new Date().getFullYear()
      : undefined;
  useEffect(() => {
    if (urlYear === undefined && fallback !== undefined) setSearchParams({ year: String(fallback) }, { replace: true });
  }, [urlYear, fallback, setSearchParams]);
  const year = urlYear ?? fallback;
  const status = list?.find((y) => y.year === year)?.status;
  return (
    <div className="admin-deadlines-page">
      <PageHeading title="截止日期">
        <YearSelect value={year} onChange={(y) => setSearchParams({ year: String(y) })} />
        {year !== undefined &&
          list &&
          (status === 'open' ? (
            <Tag color="green">已开启</Tag>
          ) : status === 'closed' ? (
            <Tag>已关闭</Tag>
          ) : (
            <Tag color="orange">未开启</Tag>
          ))}
      </PageHeading>
      <Typography.Paragraph type="secondary">
        每个环节一个截止日期，须按环节先后（单位提交 ≤ 主管部门审核 ≤
        财政审核）；留空表示不设。待办按截止日期排序并标出逾期。 开启新年度时按上一年度同月同日建议，可在此修改（
        <Link to="/admin/years">年度管理</Link>）。
      </Typography.Paragraph>
      {year === undefined ? <Spin description="加载中…" /> : <DeadlineForm key={year} year={year} />}
      <section className="reminder-settings" aria-labelledby="reminder-settings-title">
        <Typography.Title level={4} id="reminder-settings-title">
          提醒设置
        </Typography.Title>
        <ReminderSettingsForm />
      </section>
    </div>
  );
}

function DeadlineForm({ year }: { year: number }) {
  const deadlines = useDeadlines(year);
  const save = useSaveDeadlines(year);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (!deadlines.data) return;
    const byKind = new Map(deadlines.data.map((d) => [d.kind, d.dueDate]));
    form.setFieldsValue(
      Object.fromEntries(DEADLINE_KINDS.map((kind) => [kind, byKind.has(kind) ? dayjs(byKind.get(kind)) : null])),
    );
  }, [deadlines.data, form]);

  if (deadlines.isError)
    return <ReadFailure what="截止日期" error={deadlines.error} onRetry={() => void deadlines.refetch()} />;
  if (deadlines.isPending) return <Spin description="加载中…" />;

  const onFinish = (values: Values) => {
    setFailure(null);
    const body: SetDeadlinesRequest = Object.fromEntries(
      DEADLINE_KINDS.map((kind) => [kind, values[kind] ? values[kind].format('YYYY-MM-DD') : null]),
    );
    save.mutate(body, {
      onSuccess: () => void message.success(`已保存 ${year} 年度的截止日期`),
      onError: (error) => {
        const fields = error instanceof ApiRequestError ? (error.body.fields ?? []) : [];
        const known = fields.filter((f) => (DEADLINE_KINDS as readonly string[]).includes(f.field));
        form.setFields(known.map((f) => ({ name: f.field as DeadlineKind, errors: [f.message] })));
        if (!known.length) setFailure(error.message || '保存失败，请稍后再试');
      },
    });
  };

  return (
    <Form<Values>
      form={form}
      layout="horizontal"
      labelCol={{ flex: '180px' }}
      onFinish={onFinish}
      className="deadline-form"
    >
      {DEADLINE_KINDS.map((kind) => (
        <Form.Item key={kind} name={kind} label={DEADLINE_KIND_LABELS[kind]}>
          <DatePicker format="YYYY-MM-DD" allowClear aria-label={DEADLINE_KIND_LABELS[kind]} placeholder="不设" />
        </Form.Item>
      ))}
      {failure && <Alert className="list-error" type="error" showIcon title="保存失败" description={failure} />}
      <Form.Item label=" " colon={false}>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存
        </Button>
      </Form.Item>
    </Form>
  );
}
