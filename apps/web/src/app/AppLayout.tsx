import { Button, Layout, Space, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { ORGANIZATION_KIND_LABELS, ROLE_LABELS } from '@jxt/contracts';
import { setUnauthorizedListener } from '../api/http';
import { useCurrentUser, useLogout } from '../modules/auth/hooks';
import type { LoginLocationState } from '../modules/auth/LoginPage';
import { RestrictedSessionPage } from '../modules/auth/RestrictedSessionPage';
import { NotificationBell } from '../modules/notifications/NotificationBell';

/**
 * 管理: the admin's screens, in the order a district sets itself up (the tree and its people, the year, its lists,
 * then the rules and the log). A bar of their own under the header, so the filer's three stay uncluttered.
 */
const ADMIN_PAGES = [
  { to: '/admin/organizations', label: '组织机构' },
  { to: '/admin/users', label: '用户' },
  { to: '/admin/finance-divisions', label: '财政科室' },
  { to: '/admin/years', label: '年度管理' },
  { to: '/admin/deadlines', label: '截止日期' },
  { to: '/admin/taxonomy', label: '指标体系' },
  { to: '/admin/code-lists', label: '代码表' },
  { to: '/admin/scoring-policy', label: '评分规则' },
  { to: '/admin/quality-policy', label: '质量检查' },
  { to: '/admin/security', label: '安全设置' },
  { to: '/admin/audit-log', label: '日志' },
] as const;

/** The signed-in shell: who is working (name, role, organisation), logout, the admin's bar, and the page. */
export function AppLayout() {
  const me = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();

  const [sessionEnded, setSessionEnded] = useState<string | null>(null);

  useEffect(() => {
    // A session that ends while working (expired, revoked, user disabled) sends the user to log in again, with the
    // reason of the first 401 (the reads still in flight answer 401 too). The page is taken down at once, not when
    // the login route has loaded: left mounted, on a slow machine its reads and its URL defaults went on (new 401s,
    // `?year=` written onto /login) and the user arrived without the reason, or not at all. The login page clears
    // the cache once shown.
    setUnauthorizedListener((message) => setSessionEnded((first) => first ?? `${message}（会话已结束）`));
  }, []);

  if (sessionEnded)
    return (
      <Navigate
        to="/login"
        replace
        state={{ notice: sessionEnded, from: location.pathname } satisfies LoginLocationState}
      />
    );

  if (me.isPending) return <Spin fullscreen description="加载中…" />;
  if (me.isError || !me.data)
    return <Navigate to="/login" replace state={{ from: location.pathname } satisfies LoginLocationState} />;
  const user = me.data;
  const signOut = () => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });

  return (
    <Layout className="app-layout">
      <Layout.Header className="app-header no-print">
        <Space size="large" className="app-nav-area">
          <Link to="/inbox" className="app-brand">
            绩效通
          </Link>
          {/* A restricted session has nowhere else to go until it is lifted. */}
          {!user.restriction && (
            <nav className="app-nav" aria-label="主导航">
              <NavLink to="/inbox" className="app-nav-link">
                待办
              </NavLink>
              <NavLink to="/projects" className="app-nav-link">
                项目
              </NavLink>
              <NavLink to="/evaluations" className="app-nav-link">
                绩效自评
              </NavLink>
              {user.roles.some((role) => role === 'filer' || role === 'supervisor') && (
                <NavLink to="/imports" className="app-nav-link">
                  导入
                </NavLink>
              )}
              {user.roles.some((role) => role === 'supervisor' || role === 'finance') && (
                <NavLink to="/exports" className="app-nav-link">
                  导出任务
                </NavLink>
              )}
              {/* 指标库: everyone who files, reviews or administers (not the 审计管理员 alone). */}
              {user.roles.some((role) => role !== 'auditor') && (
                <NavLink to="/indicator-library" className="app-nav-link">
                  指标库
                </NavLink>
              )}
              {user.roles.includes('auditor') && !user.roles.includes('admin') && (
                <NavLink to="/admin/audit-log" className="app-nav-link">
                  日志
                </NavLink>
              )}
            </nav>
          )}
        </Space>
        <Space size="middle" className="app-user">
          {!user.restriction && <NotificationBell />}
          <Link to="/account" className="app-user-name" title="个人设置">
            <Typography.Text strong>{user.displayName}</Typography.Text>
          </Link>
          {user.roles.map((role) => (
            <Tag key={role} color="blue">
              {ROLE_LABELS[role]}
            </Tag>
          ))}
          <Typography.Text
            className="app-user-org"
            title={`${ORGANIZATION_KIND_LABELS[user.organization.kind]}：${user.organization.name}`}
          >
            {user.organization.name}
          </Typography.Text>
          <Button size="small" onClick={signOut} loading={logout.isPending}>
            退出登录
          </Button>
        </Space>
      </Layout.Header>
      {!user.restriction && user.roles.includes('admin') && (
        <nav className="app-nav app-admin-nav no-print" aria-label="管理">
          <span className="app-admin-nav-title">管理</span>
          {ADMIN_PAGES.map((page) => (
            <NavLink key={page.to} to={page.to} className="app-nav-link">
              {page.label}
            </NavLink>
          ))}
        </nav>
      )}
      <Layout.Content className="app-content">
        {/* A restricted session (a password an admin set, an admin without TOTP) sees only what lifts it. */}
        {user.restriction ? <RestrictedSessionPage user={user} onLogout={signOut} /> : <Outlet />}
      </Layout.Content>
    </Layout>
  );
}
