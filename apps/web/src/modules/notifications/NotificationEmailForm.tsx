import { Alert, App, Button, Form, Input, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ApiRequestError } from '../../api/http';
import { useNotificationEmail, useSaveNotificationEmail } from './hooks';
import { ReadFailure } from '../../ui/ReadFailure';

interface Values {
  email: string;
}

/** 通知邮箱 (个人设置): where the user's reminders are also sent by e-mail; empty for none. */
export function NotificationEmailForm() {
  const settings = useNotificationEmail();
  const save = useSaveNotificationEmail();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (settings.data) form.setFieldsValue({ email: settings.data.email ?? '' });
  }, [settings.data, form]);

  if (settings.isError)
    return <ReadFailure what="通知邮箱" error={settings.error} onRetry={() => void settings.refetch()} />;
  if (settings.isPending) return <Spin description="加载中…" />;

  const onFinish = ({ email }: Values) => {
    setFailure(null);
    const value = email.trim() || null;
    save.mutate(value, {
      onSuccess: () => void message.success(value ? '已保存通知邮箱' : '已清除通知邮箱，不再发送邮件提醒'),
      onError: (error) => {
        const field =
          error instanceof ApiRequestError ? error.body.fields?.find((f) => f.field === 'email') : undefined;
        if (field) form.setFields([{ name: 'email', errors: [field.message] }]);
        else setFailure(error.message || '保存失败，请稍后再试');
      },
    });
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={onFinish} className="notification-email-form">
      <Typography.Paragraph type="secondary">
        消息提醒（待审核、退回、截止提醒等）除在右上角的铃铛中显示外，也发送到这个邮箱；留空则不发送邮件。
      </Typography.Paragraph>
      {!settings.data.enabled && (
        <Alert
          className="notification-email-disabled"
          type="info"
          showIcon
          title="本系统尚未配置邮件发送（SMTP），填写的邮箱暂时不会收到邮件。"
        />
      )}
      <Form.Item
        name="email"
        label="通知邮箱"
        rules={[
          { type: 'email', message: '邮箱格式不正确', transform: (value: string) => value.trim() },
          { max: 254, message: '邮箱过长' },
        ]}
      >
        <Input type="email" autoComplete="email" placeholder="例如 zhangwen@example.gov.cn" style={{ maxWidth: 360 }} />
      </Form.Item>
      {failure && <Alert type="error" showIcon title="保存失败" description={failure} />}
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        保存通知邮箱
      </Button>
    </Form>
  );
}
