import { Alert, App, Button, Card, Form, InputNumber, Spin } from 'antd';
import { useEffect } from 'react';
import type { UpdateSecuritySettingsRequest } from '@jxt/contracts';
import { ApiRequestError } from '../../api/http';
import { LoadFailure } from '../../ui/LoadFailure';
import { PageHeading } from '../../ui/PageHeading';
import { useSaveSecuritySettings, useSecuritySettings } from './hooks';

const FIELDS: { name: keyof UpdateSecuritySettingsRequest; label: string; min: number; max: number; unit: string }[] = [
  { name: 'maxFailuresPerUser', label: '连续登录失败多少次后开始限制', min: 3, max: 10, unit: '次' },
  { name: 'userDelaySeconds', label: '首次等待时间（此后每次失败加倍）', min: 1, max: 600, unit: '秒' },
  { name: 'userDelayMaxSeconds', label: '最长等待时间', min: 60, max: 86_400, unit: '秒' },
  { name: 'idleTimeoutMinutes', label: '会话空闲超时', min: 5, max: 240, unit: '分钟' },
  { name: 'sessionMaxHours', label: '会话最长有效时间', min: 1, max: 24, unit: '小时' },
  { name: 'passwordMinLength', label: '密码最短长度（不少于 10）', min: 10, max: 64, unit: '个字符' },
];

/** 安全设置 (admin): the tenant's login limits, session time-outs and password length. */
export function SecuritySettingsPage() {
  const settings = useSecuritySettings();
  const save = useSaveSecuritySettings();
  const [form] = Form.useForm<UpdateSecuritySettingsRequest>();
  const { message } = App.useApp();

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  if (settings.isPending) return <Spin />;
  if (settings.isError)
    return (
      <LoadFailure
        error={settings.error}
        notFoundTitle="找不到安全设置"
        failedTitle="无法读取安全设置"
        backTo="/inbox"
        backLabel="返回待办"
        onRetry={() => void settings.refetch()}
      />
    );
  const editable = settings.data.editable;

  const submit = (values: UpdateSecuritySettingsRequest) =>
    save.mutate(values, {
      onSuccess: () => void message.success('安全设置已保存'),
      onError: (error) => {
        if (error instanceof ApiRequestError)
          form.setFields(
            (error.body.fields ?? []).map((f) => ({
              name: f.field as keyof UpdateSecuritySettingsRequest,
              errors: [f.message],
            })),
          );
      },
    });

  return (
    <div className="security-settings-page">
      <PageHeading title="安全设置" />
      {!editable && (
        <Alert type="info" showIcon title="只有财政局的管理员可以修改安全设置" style={{ marginBottom: 16 }} />
      )}
      <Card style={{ maxWidth: 560 }}>
        <Form<UpdateSecuritySettingsRequest>
          form={form}
          layout="vertical"
          onFinish={submit}
          disabled={!editable || save.isPending}
          requiredMark={false}
        >
          {FIELDS.map((f) => (
            <Form.Item
              key={f.name}
              name={f.name}
              label={f.label}
              rules={[
                { required: true, type: 'integer', min: f.min, max: f.max, message: `须为 ${f.min}–${f.max} 的整数` },
              ]}
            >
              <InputNumber min={f.min} max={f.max} precision={0} suffix={f.unit} style={{ width: 200 }} />
            </Form.Item>
          ))}
          {editable && (
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              保存
            </Button>
          )}
        </Form>
      </Card>
    </div>
  );
}
