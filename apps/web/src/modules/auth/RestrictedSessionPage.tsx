import { Alert, Button, Card, Space } from 'antd';
import type { CurrentUser } from '@jxt/contracts';
import { PageHeading } from '../../ui/PageHeading';
import { PasswordChangeForm } from './components/PasswordChangeForm';
import { TotpEnrolmentPanel } from './components/TotpEnrolmentPanel';

/**
 * What a restricted session shows in place of every page: the forced change of a password an admin set, or an
 * admin's enrolment of a second factor. The API refuses every other route to such a session (403 with the code).
 */
export function RestrictedSessionPage({ user, onLogout }: { user: CurrentUser; onLogout: () => void }) {
  const passwordChange = user.restriction === 'password_change';
  return (
    <div className="restricted-page">
      <PageHeading title={passwordChange ? '请修改初始密码' : '请启用双因素认证'} />
      <Space orientation="vertical" size="large" style={{ width: '100%', maxWidth: 640 }}>
        <Alert
          type="info"
          showIcon
          title={
            passwordChange
              ? '您的密码由管理员设置。为保证账号安全，请先设置只有您自己知道的新密码，然后才能继续使用。'
              : '管理员账号须同时使用密码和手机身份验证器登录（等保 2.0 三级要求）。启用后即可继续使用。'
          }
        />
        <Card>{passwordChange ? <PasswordChangeForm username={user.username} /> : <TotpEnrolmentPanel />}</Card>
        <Button onClick={onLogout}>退出登录</Button>
      </Space>
    </div>
  );
}
