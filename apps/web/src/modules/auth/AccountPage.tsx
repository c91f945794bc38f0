import { Alert, Button, Card, Form, Input, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { SessionSummary } from '@jxt/contracts';
import { ApiRequestError } from '../../api/http';
import { formatTime } from '../../ui/format';
import { PageHeading } from '../../ui/PageHeading';
import { NotificationEmailForm } from '../notifications/NotificationEmailForm';
import { PasswordChangeForm } from './components/PasswordChangeForm';
import { TotpEnrolmentPanel } from './components/TotpEnrolmentPanel';
import { useCurrentUser, useRevokeSession, useSessions, useTotpDisable } from './hooks';

/** 个人设置: password, second factor, 通知邮箱, own sessions. */
export function AccountPage() {
  const me = useCurrentUser();
  if (!me.data) return null;
  const user = me.data;
  return (
    <div className="account-page">
      <PageHeading title="个人设置">
        <Typography.Text type="secondary">
          {user.displayName}（{user.username}）
        </Typography.Text>
      </PageHeading>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Card title="修改密码">
          <PasswordChangeForm username={user.username} />
        </Card>
        <Card title="双因素认证（TOTP）">
          {user.totpEnabled ? <TotpEnabled required={user.totpRequired} /> : <TotpEnrolmentPanel />}
        </Card>
        <Card title="通知邮箱">
          <NotificationEmailForm />
        </Card>
        <Card title="登录设备">
          <OwnSessions />
        </Card>
      </Space>
    </div>
  );
}

function TotpEnabled({ required }: { required: boolean }) {
  const disable = useTotpDisable();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ password: string }>();
  if (required) return <Alert type="success" showIcon title="已启用。管理员账号必须使用双因素认证，不能停用。" />;
  return (
    <Space orientation="vertical">
      <Alert type="success" showIcon title="已启用：登录时须输入验证器上的验证码" />
      {open ? (
        <Form
          form={form}
          layout="inline"
          onFinish={({ password }) =>
            disable.mutate(
              { password },
              {
                onError: (error) =>
                  error instanceof ApiRequestError &&
                  form.setFields([{ name: 'password', errors: [error.body.fields?.[0]?.message ?? error.message] }]),
              },
            )
          }
        >
          <Form.Item name="password" label="当前密码" rules={[{ required: true, message: '请输入当前密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button danger htmlType="submit" loading={disable.isPending}>
            确认停用
          </Button>
        </Form>
      ) : (
        <Button danger onClick={() => setOpen(true)}>
          停用双因素认证
        </Button>
      )}
    </Space>
  );
}

function OwnSessions() {
  const sessions = useSessions();
  const revoke = useRevokeSession();
  return (
    <Table<SessionSummary>
      rowKey="id"
      size="small"
      pagination={false}
      loading={sessions.isPending}
      dataSource={sessions.data ?? []}
      columns={[
        {
          title: '设备',
          dataIndex: 'userAgent',
          render: (ua: string | null, row) => (
            <Space>
              <Typography.Text ellipsis style={{ maxWidth: 360 }} title={ua ?? undefined}>
                {ua ?? '未知'}
              </Typography.Text>
              {row.current && <Tag color="green">本机</Tag>}
            </Space>
          ),
        },
        { title: 'IP 地址', dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
        { title: '登录时间', dataIndex: 'createdAt', render: (at: string) => formatTime(at) },
        { title: '最近活动', dataIndex: 'lastSeenAt', render: (at: string) => formatTime(at) },
        {
          title: '',
          key: 'revoke',
          render: (_, row) =>
            row.current ? null : (
              <Button size="small" onClick={() => revoke.mutate(row.id)} loading={revoke.isPending}>
                退出该设备
              </Button>
            ),
        },
      ]}
    />
  );
}
