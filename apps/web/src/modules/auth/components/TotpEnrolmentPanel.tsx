import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Space, Steps, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'react';
import { ApiRequestError } from '../../../api/http';
import { useTotpConfirm, useTotpSetup } from '../hooks';
import { authKeys } from '../query-keys';

/** The otpauth URI as a QR code, drawn on a canvas (no data: image, which the page's CSP would refuse). */
function QrCanvas({ text }: { text: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current) void QRCode.toCanvas(canvas.current, text, { width: 200, margin: 1 });
  }, [text]);
  return <canvas ref={canvas} aria-label="双因素认证二维码" role="img" />;
}

/**
 * 启用双因素认证: scan the QR code (or type the secret) into an authenticator app, confirm with its code, then keep the
 * recovery codes, shown this once.
 */
export function TotpEnrolmentPanel({ onDone }: { onDone?: () => void }) {
  const client = useQueryClient();
  const setup = useTotpSetup();
  const confirm = useTotpConfirm();
  const [form] = Form.useForm<{ code: string }>();
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);

  const finish = () => {
    void client.invalidateQueries({ queryKey: authKeys.me });
    onDone?.();
  };

  if (recoveryCodes)
    return (
      <Space orientation="vertical" size="middle" style={{ maxWidth: 520 }}>
        <Steps
          size="small"
          current={2}
          items={[{ title: '扫描二维码' }, { title: '输入验证码' }, { title: '保存恢复码' }]}
        />
        <Alert
          type="success"
          showIcon
          title="双因素认证已启用"
          description="下面的恢复码只显示这一次。请抄写或打印后妥善保管：手机丢失时，每个恢复码可代替验证码登录一次。"
        />
        <ol className="recovery-codes" aria-label="恢复码">
          {recoveryCodes.map((code) => (
            <li key={code}>
              <Typography.Text code copyable>
                {code}
              </Typography.Text>
            </li>
          ))}
        </ol>
        <Button type="primary" onClick={finish}>
          我已保存恢复码，继续
        </Button>
      </Space>
    );

  if (!setup.data)
    return (
      <Space orientation="vertical" size="middle" style={{ maxWidth: 520 }}>
        <Typography.Paragraph>
          启用后，登录时除密码外还须输入手机身份验证器（如 Microsoft Authenticator、Google 身份验证器、FreeOTP）上的 6
          位验证码。
        </Typography.Paragraph>
        {setup.error && <Alert type="error" showIcon title={setup.error.message} role="alert" />}
        <Button type="primary" loading={setup.isPending} onClick={() => setup.mutate()}>
          开始启用双因素认证
        </Button>
      </Space>
    );

  const { secret, otpauthUri } = setup.data;
  const submit = ({ code }: { code: string }) =>
    confirm.mutate(code.trim(), {
      onSuccess: (answer) => setRecoveryCodes(answer.recoveryCodes),
      onError: (error) => {
        if (error instanceof ApiRequestError)
          form.setFields([{ name: 'code', errors: [error.body.fields?.[0]?.message ?? error.message] }]);
      },
    });

  return (
    <Space orientation="vertical" size="middle" style={{ maxWidth: 520 }}>
      <Steps
        size="small"
        current={1}
        items={[{ title: '扫描二维码' }, { title: '输入验证码' }, { title: '保存恢复码' }]}
      />
      <Typography.Paragraph>用身份验证器扫描二维码；无法扫码时，手工添加账户并输入密钥：</Typography.Paragraph>
      <QrCanvas text={otpauthUri} />
      <Typography.Text code copyable className="totp-secret">
        {secret}
      </Typography.Text>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} disabled={confirm.isPending}>
        <Form.Item label="验证器上的 6 位验证码" name="code" rules={[{ required: true, message: '请输入验证码' }]}>
          <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} style={{ width: 160 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={confirm.isPending}>
          确认启用
        </Button>
      </Form>
    </Space>
  );
}
