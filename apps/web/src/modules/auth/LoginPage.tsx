import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiRequestError } from '../../api/http';
import { isChallenge, useLogin, useLoginTotp } from './hooks';

interface LoginValues {
  username: string;
  password: string;
}

export interface LoginLocationState {
  /** Why the user is here: a session that ended, with the server's words. */
  notice?: string;
  from?: string;
}

const errorText = (error: Error | null) =>
  error instanceof ApiRequestError ? error.message : error ? '无法连接服务器，请稍后重试' : null;

/** 登录: the password, then, for a user with a second factor, the authenticator's code. */
export function LoginPage() {
  const login = useLogin();
  const loginTotp = useLoginTotp();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as LoginLocationState;
  const [challenge, setChallenge] = useState<string | null>(null);
  const client = useQueryClient();
  // Nothing of the last session stays in memory once its pages are gone (a shared computer's back button).
  useEffect(() => client.clear(), [client]);
  const error = errorText(challenge ? loginTotp.error : login.error);

  // navigate() resolves once the route has changed (the data router); nothing here waits for that.
  const enter = () => void navigate(state.from && state.from !== '/login' ? state.from : '/inbox', { replace: true });

  const submit = (values: LoginValues) =>
    login.mutate(values, {
      onSuccess: (answer) => (isChallenge(answer) ? setChallenge(answer.challengeToken) : enter()),
    });
  const submitCode = ({ code }: { code: string }) =>
    loginTotp.mutate({ challengeToken: challenge!, code: code.trim() }, { onSuccess: enter });
  const restart = () => {
    setChallenge(null);
    login.reset();
    loginTotp.reset();
  };

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
        {state.notice && !login.isPending && !error && !challenge && (
          <Alert type="warning" showIcon title={state.notice} style={{ marginBottom: 16 }} />
        )}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        {challenge ? (
          <Form<{ code: string }>
            layout="vertical"
            onFinish={submitCode}
            requiredMark={false}
            disabled={loginTotp.isPending}
          >
            <Typography.Paragraph>
              请打开手机上的身份验证器，输入“绩效通”的 6 位验证码；手机不在身边时可输入一个恢复码。
            </Typography.Paragraph>
            <Form.Item label="验证码" name="code" rules={[{ required: true, message: '请输入验证码' }]}>
              <Input autoComplete="one-time-code" inputMode="numeric" autoFocus maxLength={40} />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={loginTotp.isPending}>
              验证并登录
            </Button>
            <Button type="link" block onClick={restart} style={{ marginTop: 8 }}>
              返回，重新输入用户名和密码
            </Button>
          </Form>
        ) : (
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
        )}
      </Card>
    </main>
  );
}
