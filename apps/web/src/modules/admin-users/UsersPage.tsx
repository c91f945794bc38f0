import { ROLE_LABELS, ROLES, type Role, type User } from '@jxt/contracts';
import { App, Button, Flex, Input, Popconfirm, Select, Space, Spin, Table, Tag, Tooltip, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { LoadFailure } from '../../ui/LoadFailure';
import { PageHeading } from '../../ui/PageHeading';
import { useAdminOrganizations } from '../admin-organizations/hooks';
import { buildAdminTree, type AdminTreeNode } from '../admin-organizations/org-admin-tree';
import { useCurrentUser } from '../auth/hooks';
import { useResetPassword, useRevokeSessions, useUpdateUser, useUsers } from './hooks';
import { PasswordOnceDialog, UserDialog } from './UserDialogs';
import { filterUsers, USER_STATUS_LABELS, userStatus, type UserFilter, type UserStatus } from './user-filter';

const STATUS_COLORS: Record<UserStatus, string> = { active: 'green', disabled: 'default', password_change: 'gold' };

interface OrgOption {
  value: string;
  title: string;
  children: OrgOption[];
}

const filterTree = (nodes: AdminTreeNode[]): OrgOption[] =>
  nodes.map((n) => ({ value: n.key, title: n.organization.name, children: filterTree(n.children) }));

/**
 * 用户 (admin): the users of the admin's subtree, searched by name, organisation, role and status; 新增 (the initial
 * password generated and shown once), 编辑, 停用/启用 (a disabled user is logged out at once), 重置密码 (shown once,
 * the user must change it) and 强制下线.
 */
export function UsersPage() {
  const me = useCurrentUser();
  const users = useUsers();
  const organizations = useAdminOrganizations();
  const update = useUpdateUser();
  const reset = useResetPassword();
  const revoke = useRevokeSessions();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<UserFilter>({ text: '' });
  const [dialog, setDialog] = useState<{ editing: User | null } | null>(null);
  const [shown, setShown] = useState<{ title: string; user: User; password: string } | null>(null);

  const orgs = useMemo(() => organizations.data ?? [], [organizations.data]);
  const orgNames = useMemo(() => new Map(orgs.map((o) => [o.id, o.name])), [orgs]);
  const orgTree = useMemo(() => filterTree(buildAdminTree(orgs)), [orgs]);
  const rows = useMemo(() => filterUsers(users.data ?? [], orgs, filter), [users.data, orgs, filter]);

  if (users.isPending || organizations.isPending || me.isPending) return <Spin />;
  if (users.isError || organizations.isError || me.isError)
    return (
      <LoadFailure
        error={(users.error ?? organizations.error ?? me.error)!}
        notFoundTitle="找不到用户"
        failedTitle="无法读取用户"
        backTo="/inbox"
        backLabel="返回待办"
        onRetry={() => void Promise.all([users.refetch(), organizations.refetch()])}
      />
    );
  const myId = me.data.id;

  const setDisabled = (user: User, disabled: boolean) =>
    update.mutate(
      { id: user.id, change: { disabled } },
      {
        onSuccess: () =>
          void message.success(
            disabled ? `已停用「${user.displayName}」，其会话已全部结束` : `已启用「${user.displayName}」`,
          ),
        onError: (error) => void message.error(error.message),
      },
    );

  return (
    <div className="admin-users-page">
      <PageHeading title="用户" />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label="查找用户"
          placeholder="用户名或姓名"
          allowClear
          style={{ width: 220 }}
          onChange={(e) => setFilter((f) => ({ ...f, text: e.target.value }))}
        />
        <TreeSelect
          aria-label="按组织筛选"
          placeholder="所有组织"
          allowClear
          treeDefaultExpandAll
          showSearch={{ treeNodeFilterProp: 'title' }}
          style={{ width: 260 }}
          treeData={orgTree}
          onChange={(organizationId?: string) => setFilter((f) => ({ ...f, organizationId }))}
        />
        <Select<Role>
          aria-label="按角色筛选"
          placeholder="所有角色"
          allowClear
          style={{ width: 160 }}
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          onChange={(role?: Role) => setFilter((f) => ({ ...f, role }))}
        />
        <Select<UserStatus>
          aria-label="按状态筛选"
          placeholder="所有状态"
          allowClear
          style={{ width: 160 }}
          options={(Object.keys(USER_STATUS_LABELS) as UserStatus[]).map((s) => ({
            value: s,
            label: USER_STATUS_LABELS[s],
          }))}
          onChange={(status?: UserStatus) => setFilter((f) => ({ ...f, status }))}
        />
        <Button type="primary" onClick={() => setDialog({ editing: null })} style={{ marginLeft: 'auto' }}>
          新增用户
        </Button>
      </Flex>
      <Table<User>
        rowKey="id"
        dataSource={rows}
        size="middle"
        pagination={{ pageSize: 50, showSizeChanger: false, showTotal: (total) => `共 ${total} 人` }}
        locale={{ emptyText: '没有符合条件的用户' }}
        columns={[
          { title: '用户名', dataIndex: 'username', width: 150 },
          { title: '姓名', dataIndex: 'displayName', width: 170 },
          {
            title: '所属组织',
            key: 'organization',
            render: (_, u) => orgNames.get(u.organizationId) ?? '—',
          },
          {
            title: '角色',
            key: 'roles',
            render: (_, u) => u.roles.map((r) => <Tag key={r}>{ROLE_LABELS[r]}</Tag>),
          },
          {
            title: '状态',
            key: 'status',
            width: 130,
            render: (_, u) => <Tag color={STATUS_COLORS[userStatus(u)]}>{USER_STATUS_LABELS[userStatus(u)]}</Tag>,
          },
          {
            title: '操作',
            key: 'actions',
            width: 330,
            render: (_, u) => {
              const self = u.id === myId;
              return (
                <Space size={0} wrap>
                  <Button type="link" onClick={() => setDialog({ editing: u })}>
                    编辑
                  </Button>
                  {u.disabled ? (
                    <Button type="link" onClick={() => setDisabled(u, false)}>
                      启用
                    </Button>
                  ) : self ? (
                    <Tooltip title="不能停用自己">
                      <Button type="link" disabled>
                        停用
                      </Button>
                    </Tooltip>
                  ) : (
                    <Popconfirm
                      title={`停用「${u.displayName}」？`}
                      description="该用户立即下线，且不能再登录；可以再启用。"
                      okText="停用"
                      cancelText="取消"
                      onConfirm={() => setDisabled(u, true)}
                    >
                      <Button type="link" danger>
                        停用
                      </Button>
                    </Popconfirm>
                  )}
                  <Popconfirm
                    title={`重置「${u.displayName}」的密码？`}
                    description="系统生成新密码（只显示一次），该用户立即下线，下次登录须修改密码。"
                    okText="重置"
                    cancelText="取消"
                    disabled={self}
                    onConfirm={() =>
                      reset.mutate(u.id, {
                        onSuccess: ({ password }) => setShown({ title: '密码已重置', user: u, password }),
                        onError: (error) => void message.error(error.message),
                      })
                    }
                  >
                    <Button type="link" disabled={self} title={self ? '请在个人设置中修改自己的密码' : undefined}>
                      重置密码
                    </Button>
                  </Popconfirm>
                  <Popconfirm
                    title={`让「${u.displayName}」强制下线？`}
                    description="结束该用户的全部会话，需重新登录。"
                    okText="强制下线"
                    cancelText="取消"
                    onConfirm={() =>
                      revoke.mutate(u.id, {
                        onSuccess: () => void message.success(`「${u.displayName}」的会话已全部结束`),
                        onError: (error) => void message.error(error.message),
                      })
                    }
                  >
                    <Button type="link">强制下线</Button>
                  </Popconfirm>
                </Space>
              );
            },
          },
        ]}
      />
      {dialog && (
        <UserDialog
          editing={dialog.editing}
          organizations={orgs}
          adminKind={me.data.organization.kind}
          onClose={() => setDialog(null)}
          onSaved={(user) => {
            setDialog(null);
            void message.success(`已保存「${user.displayName}」`);
          }}
          onCreated={(user) => {
            setDialog(null);
            if (user.initialPassword) setShown({ title: '用户已创建', user, password: user.initialPassword });
            else void message.success(`已新增「${user.displayName}」`);
          }}
        />
      )}
      {shown && (
        <PasswordOnceDialog
          title={shown.title}
          user={shown.user}
          password={shown.password}
          onClose={() => setShown(null)}
        />
      )}
    </div>
  );
}
