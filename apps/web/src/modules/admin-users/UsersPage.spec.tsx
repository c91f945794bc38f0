import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Organization, User } from '@jxt/contracts';
import { withFastComputedStyle } from '../../testing/fast-computed-style';
import { buttonName, json, renderWithProviders, user as currentUser } from '../../testing/render';
import { UsersPage } from './UsersPage';

withFastComputedStyle();

// The page's lazy antd parts and its first reads can take longer than 5 s on a loaded machine.
const FIRST_LOAD = { timeout: 15_000 };

const org = (id: string, parentId: string | null, kind: Organization['kind'], name: string): Organization => ({
  id,
  parentId,
  kind,
  name,
  unitTypeCode: null,
  sortOrder: 0,
  disabled: false,
});
const ORGS = [
  org('b', null, 'finance_bureau', '松江区财政局'),
  org('d1', 'b', 'department', '松江区科学技术委员会'),
  org('u1', 'd1', 'unit', '科技创新服务中心'),
];
const account = (id: string, username: string, displayName: string, extra: Partial<User> = {}): User => ({
  id,
  username,
  displayName,
  phone: null,
  organizationId: 'u1',
  roles: ['filer'],
  disabled: false,
  passwordChangeRequired: false,
  ...extra,
});
const ME = {
  ...currentUser('me', 'admin'),
  organization: { id: 'b', name: '松江区财政局', kind: 'finance_bureau' as const },
};
const USERS = [
  account('me', 'admin', '本人', { organizationId: 'b', roles: ['admin'] }),
  account('u-1', 'zhang.san', '张三'),
  account('u-2', 'li.si', '李四', { disabled: true }),
  account('u-3', 'wang.wu', '王五', { organizationId: 'd1', roles: ['supervisor'], passwordChangeRequired: true }),
];

type Call = { url: string; method: string; body: unknown };
let calls: Call[];

beforeEach(() => {
  calls = [];
  global.fetch = jest.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? (JSON.parse(init.body as string) as Record<string, unknown>) : undefined;
    calls.push({ url, method, body });
    if (url === '/api/auth/me') return json(200, ME);
    if (url === '/api/organizations') return json(200, ORGS);
    if (method === 'GET' && url === '/api/users') return json(200, USERS);
    if (method === 'POST' && url === '/api/users')
      return json(201, {
        ...account('u-new', String(body!.username), String(body!.displayName)),
        passwordChangeRequired: true,
        initialPassword: 'Kx7#mQ2-vRt9pW',
      });
    if (url.endsWith('/reset-password')) return json(200, { password: 'Np4=hT8-zLw3qE' });
    if (url.endsWith('/revoke-sessions')) return json(204, null);
    if (method === 'PATCH') return json(200, { ...USERS.find((u) => url.endsWith(u.id))!, ...body });
    return json(404, { statusCode: 404, error: 'Not Found', message: url });
  }) as unknown as typeof fetch;
});

const writes = () => calls.filter((c) => c.method !== 'GET');
const rowOf = async (name: string) => (await screen.findByText(name, {}, FIRST_LOAD)).closest('tr')!;

describe('UsersPage', () => {
  it('lists the users with organisation, roles and status, and searches by name', async () => {
    renderWithProviders(<UsersPage />, '/admin/users');
    const zhang = await rowOf('张三');
    expect(within(zhang).getByText('科技创新服务中心')).toBeInTheDocument();
    expect(within(zhang).getByText('填报人')).toBeInTheDocument();
    expect(within(zhang).getByText('正常')).toBeInTheDocument();
    expect(within(await rowOf('李四')).getByText('已停用')).toBeInTheDocument();
    expect(within(await rowOf('王五')).getByText('待修改初始密码')).toBeInTheDocument();
    expect(screen.getByText('共 4 人')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('查找用户'), 'LI');
    await waitFor(() => expect(screen.queryByText('张三')).not.toBeInTheDocument());
    expect(screen.getByText('李四')).toBeInTheDocument();
    expect(screen.getByText('共 1 人')).toBeInTheDocument();
  });

  it('creates a user with the roles that fit the organisation, then shows the generated password once', async () => {
    renderWithProviders(<UsersPage />, '/admin/users');
    await userEvent.click(await screen.findByRole('button', { name: '新增用户' }, FIRST_LOAD));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('用户名（登录名）'), 'zhao.liu');
    await userEvent.type(within(dialog).getByLabelText('姓名'), '赵六');
    await userEvent.click(within(dialog).getByLabelText('所属组织'));
    const option = await waitFor(() =>
      document.querySelector<HTMLElement>('.ant-select-tree [title="科技创新服务中心"]')!,
    );
    await userEvent.click(option);
    // At a 预算单位: 填报人 and 管理员 only.
    const roles = within(dialog)
      .getAllByRole('checkbox')
      .map((box) => box.closest('label')!.textContent);
    expect(roles).toEqual(['填报人', '管理员']);
    await userEvent.click(within(dialog).getByLabelText('填报人'));
    await userEvent.click(within(dialog).getByRole('button', { name: buttonName('新增') }));

    const shown = await screen.findByText('Kx7#mQ2-vRt9pW');
    expect(shown.closest('.ant-modal')).toHaveTextContent('密码只显示这一次');
    expect(shown.closest('.ant-modal')).toHaveTextContent('赵六（zhao.liu）');
    expect(writes()).toEqual([
      {
        url: '/api/users',
        method: 'POST',
        body: { username: 'zhao.liu', displayName: '赵六', phone: null, organizationId: 'u1', roles: ['filer'] },
      },
    ]);
    await userEvent.click(screen.getByRole('button', { name: '我已记下' }));
    await waitFor(() => expect(screen.queryByText('Kx7#mQ2-vRt9pW')).not.toBeInTheDocument());
  });

  it('resets a password after a confirmation and shows the new one once', async () => {
    renderWithProviders(<UsersPage />, '/admin/users');
    await userEvent.click(within(await rowOf('张三')).getByRole('button', { name: '重置密码' }));
    await userEvent.click(await screen.findByRole('button', { name: buttonName('重置') }));
    expect(await screen.findByText('Np4=hT8-zLw3qE')).toBeInTheDocument();
    expect(writes()).toEqual([{ url: '/api/users/u-1/reset-password', method: 'POST', body: undefined }]);
  });

  it('disables, enables and logs out a user; the admin cannot disable or reset themselves', async () => {
    renderWithProviders(<UsersPage />, '/admin/users');
    const mine = await rowOf('本人');
    expect(within(mine).getByRole('button', { name: buttonName('停用') })).toBeDisabled();
    expect(within(mine).getByRole('button', { name: '重置密码' })).toBeDisabled();

    await userEvent.click(within(await rowOf('张三')).getByRole('button', { name: buttonName('停用') }));
    const confirm = await screen.findByText('该用户立即下线，且不能再登录；可以再启用。');
    await userEvent.click(within(confirm.closest('.ant-popover')!).getByRole('button', { name: buttonName('停用') }));
    await userEvent.click(within(await rowOf('李四')).getByRole('button', { name: buttonName('启用') }));
    await userEvent.click(within(await rowOf('王五')).getByRole('button', { name: '强制下线' }));
    const logout = await screen.findByText('结束该用户的全部会话，需重新登录。');
    await userEvent.click(within(logout.closest('.ant-popover')!).getByRole('button', { name: '强制下线' }));
    await waitFor(() =>
      expect(writes()).toEqual([
        { url: '/api/users/u-1', method: 'PATCH', body: { disabled: true } },
        { url: '/api/users/u-2', method: 'PATCH', body: { disabled: false } },
        { url: '/api/users/u-3/revoke-sessions', method: 'POST', body: undefined },
      ]),
    );
  });
});
