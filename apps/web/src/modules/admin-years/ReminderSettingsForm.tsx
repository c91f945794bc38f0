import { Alert, App, Button, Form, Input, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiRequestError } from '../../api/http';
import { useReminderSettings, useSaveReminderSettings } from './hooks';
import { ReadFailure } from '../../ui/ReadFailure';

interface Values {
  days: string;
}

/** The API's bounds (SetReminderSettingsRequest): 0–60 days, at most 6 of them. */
const MAX_DAYS = 60;
const MAX_REMINDERS = 6;

/**
 * "7, 3, 1" (commas, 、 or spaces) → [7, 3, 1], without repeats, the earliest reminder first; an empty field is no
 * reminder. A string names what is wrong, for the field.
 */
export function parseReminderDays(text: string): number[] | string {
  const parts = text.split(/[\s,，、;；]+/).filter(Boolean);
  const days: number[] = [];
  for (const part of parts) {
    if (!/^\d+$/.test(part)) return `「${part}」不是整数天数`;
    const day = Number(part);
    if (day > MAX_DAYS) return `提前天数不能大于 ${MAX_DAYS}`;
    if (!days.includes(day)) days.push(day);
  }
  if (days.length > MAX_REMINDERS) return `最多设置 ${MAX_REMINDERS} 个提醒日`;
  return days.sort((a, b) => b - a);
}

/** 提醒设置 (admin, on 截止日期): how many days before the 单位提交 deadline the filers who have not submitted are reminded. */
export function ReminderSettingsForm() {
  const settings = useReminderSettings();
  const save = useSaveReminderSettings();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (settings.data) form.setFieldsValue({ days: settings.data.daysBefore.join(', ') });
  }, [settings.data, form]);

  if (settings.isError)
    return <ReadFailure what="提醒设置" error={settings.error} onRetry={() => void settings.refetch()} />;
  if (settings.isPending) return <Spin description="加载中…" />;

  const onFinish = ({ days }: Values) => {
    setFailure(null);
    const parsed = parseReminderDays(days ?? '');
    if (typeof parsed === 'string') return; // the field's rule says why
    save.mutate(parsed, {
      onSuccess: (saved) =>
        void message.success(
          saved.daysBefore.length
            ? `已保存：截止日期前 ${saved.daysBefore.join('、')} 天提醒`
            : '已保存：不发送截止提醒',
        ),
      onError: (error) => {
        const fields = error instanceof ApiRequestError ? (error.body.fields ?? []) : [];
        const known = fields.filter((f) => f.field.startsWith('daysBefore'));
        if (known.length) form.setFields([{ name: 'days', errors: known.map((f) => f.message) }]);
        else setFailure(error.message || '保存失败，请稍后再试');
      },
    });
  };

  return (
    <Form<Values>
      form={form}
      layout="horizontal"
      labelCol={{ flex: '180px' }}
      onFinish={onFinish}
      className="reminder-settings-form"
    >
      <Typography.Paragraph type="secondary">
        在单位提交截止日期前的这些天，向尚未提交的填报人发送截止提醒（消息提醒，已设通知邮箱的同时发邮件）。
        多个天数用逗号分隔，0 为截止当天；留空则不提醒。各年度通用。
      </Typography.Paragraph>
      <Form.Item
        name="days"
        label="提前天数"
        extra={settings.data.isDefault ? <Tag>当前为默认值</Tag> : undefined}
        rules={[
          {
            validator: (_rule, value: string | undefined) => {
              const parsed = parseReminderDays(value ?? '');
              return typeof parsed === 'string' ? Promise.reject(new Error(parsed)) : Promise.resolve();
            },
          },
        ]}
      >
        <Input placeholder="例如 7, 1" style={{ maxWidth: 240 }} suffix="天" />
      </Form.Item>
      {failure && <Alert className="list-error" type="error" showIcon title="保存失败" description={failure} />}
      <Form.Item label=" " colon={false}>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          保存提醒设置
        </Button>
      </Form.Item>
    </Form>
  );
}
