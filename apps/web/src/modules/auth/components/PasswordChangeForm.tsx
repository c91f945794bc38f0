import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { checkPassword, passwordClasses } from '@jxt/domain';
import { ApiRequestError } from '../../../api/http';
import { useChangePassword } from '../hooks';

interface Values {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}

/**
 * 修改密码, with the rules of libs/domain checked while the user types (the API checks the same ones, and the
 * tenant's minimum length, which `minLength` gives when known).
 */
export function PasswordChangeForm({
  username,
  minLength,
  onDone,
}: {
  username: string;
  minLength?: number;
  onDone?: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const [draft, setDraft] = useState('');
  const [done, setDone] = useState(false);
  const problems = checkPassword(draft, { username, minLength });
  const classes = passwordClasses(draft);

  const submit = ({ currentPassword, newPassword }: Values) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          setDraft('');
          setDone(true);
          onDone?.();
        },
        onError: (error) => {
          if (!(error instanceof ApiRequestError)) return;
          form.setFields(
            (error.body.fields ?? []).map((f) => ({ name: f.field as keyof Values, errors: [f.message] })),
          );
        },
      },
    );

  const serverError =
    change.error instanceof ApiRequestError && !change.error.body.fields?.length ? change.error.message : null;

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      requiredMark={false}
      disabled={change.isPending}
      style={{ maxWidth: 420 }}
      onValuesChange={(changed: Partial<Values>) => {
        if (changed.newPassword !== undefined) setDraft(changed.newPassword);
        setDone(false);
      }}
    >
      {done && (
        <Alert type="success" showIcon title="密码已修改，其他设备上的登录已退出" style={{ marginBottom: 16 }} />
      )}
      {serverError && <Alert type="error" showIcon title={serverError} style={{ marginBottom: 16 }} role="alert" />}
      <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label="新密码"
        name="newPassword"
        rules={[
          { required: true, message: '请输入新密码' },
          {
            validator: (_, value: string | undefined) => {
              const first = checkPassword(value ?? '', { username, minLength })[0];
              return first ? Promise.reject(new Error(first.message)) : Promise.resolve();
            },
          },
        ]}
        extra={
          <ul className="password-rules" aria-label="密码要求">
            <RuleLine ok={!problems.some((p) => p.rule === 'length')}>
              至少 {Math.max(10, minLength ?? 10)} 个字符
            </RuleLine>
            <RuleLine ok={classes.filter((c) => c.present).length >= 3}>
              大写字母、小写字母、数字、符号中至少三类（已有：
              {classes
                .filter((c) => c.present)
                .map((c) => c.label)
                .join('、') || '无'}
              ）
            </RuleLine>
            <RuleLine ok={draft !== '' && !problems.some((p) => p.rule === 'username')}>不含用户名</RuleLine>
            <RuleLine ok={draft !== '' && !problems.some((p) => p.rule === 'common')}>不是常见密码</RuleLine>
          </ul>
        }
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="再次输入新密码"
        name="repeat"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error('两次输入的新密码不一致')),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        修改密码
      </Button>
    </Form>
  );
}

function RuleLine({ ok, children }: { ok: boolean; children: React.ReactNode }) {
  return (
    <li>
      <Typography.Text type={ok ? 'success' : 'secondary'}>
        {ok ? '✓' : '·'} {children}
      </Typography.Text>
    </li>
  );
}
