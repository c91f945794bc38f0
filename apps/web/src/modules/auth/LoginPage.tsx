import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { ApiRequestError } from '../../api/http';
import { useLogin } from './hooks';

interface LoginValues {
  username: string;
  password: string;
}

export interface LoginLocationState {
  /** Why the user is here: a session that ended, with the server's words. */
  notice?: string;
  from?: string;
}

/** 登录 */
export function LoginPage() {
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginLocationState;
  const error =
    login.error instanceof ApiRequestError ? login.error.message : login.error ? '无法连接服务器，请稍后重试' : null;

  const submit = (values: LoginValues) =>
    login.mutate(values, {
      // navigate() resolves once the route has changed (the data router); nothing here waits for that.
      onSuccess: () => void navigate(state.from && state.from !== '/login' ? state.from : '/inbox', { replace: true }),
    });

  return (
    <main className="login-page">
      <Card
        className="login-card"
        title={
          <Typography.Title level={3} style={{ margin: 0 }}>
            绩效通 · 项目支出绩效目标管理
          </Typography.Title>
        }
      >
        {state.notice && !login.isPending && !error && (
          <Alert type="warning" showIcon title={state.notice} style={{ marginBottom: 16 }} />
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form<LoginValues> layout="vertical" onFinish={submit} requiredMark={false} disabled={login.isPending}>
          <Form.Item label="用户名" name="username" rules={[{ required: true, message: '请输入用户名' }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            登录
          </Button>
        </Form>
      </Card>
    </main>
  );
}
