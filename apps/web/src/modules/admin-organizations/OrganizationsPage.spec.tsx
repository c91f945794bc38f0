import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Organization } from '@jxt/contracts';
import { withFastComputedStyle } from '../../testing/fast-computed-style';
import { buttonName, json, renderWithProviders } from '../../testing/render';
import { OrganizationsPage } from './OrganizationsPage';

withFastComputedStyle();

// The page's lazy antd parts and its first reads can take longer than 5 s on a loaded machine.
const FIRST_LOAD = { timeout: 15_000 };

const org = (
  id: string,
  parentId: string | null,
  kind: Organization['kind'],
  name: string,
  extra: Partial<Organization> = {},
): Organization => ({
  id,
  parentId,
  kind,
  name,
  unitTypeCode: null,
  sortOrder: 0,
  disabled: false,
  ...extra,
});

const ORGS = [
  org('b', null, 'finance_bureau', '松江区财政局'),
  org('d1', 'b', 'department', '松江区科学技术委员会'),
  org('d2', 'b', 'department', '松江区教育局'),
  org('d3', 'b', 'department', '已撤销的部门', { disabled: true }),
  org('f', 'b', 'finance_division', '科教文卫科'),
  org('u1', 'd1', 'unit', '科技创新服务中心', { unitTypeCode: 'public_welfare_1' }),
];

type Call = { url: string; method: string; body: unknown };
let calls: Call[];
let deleteAnswer: () => Response;

beforeEach(() => {
  calls = [];
  deleteAnswer = () => json(204, null);
  global.fetch = jest.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    calls.push({ url, method, body: init?.body ? JSON.parse(init.body as string) : undefined });
    if (method === 'GET' && url === '/api/organizations') return json(200, ORGS);
    if (method === 'GET' && url === '/api/finance-divisions')
      return json(200, [{ divisionId: 'f', name: '科教文卫科', departmentIds: ['d1'] }]);
    if (method === 'GET' && url.startsWith('/api/code-lists'))
      return json(200, [
        { list: 'unit_type', code: 'public_welfare_1', label: '公益一类事业单位', sortOrder: 1 },
        { list: 'unit_type', code: 'admin', label: '行政单位', sortOrder: 2 },
      ]);
    if (method === 'DELETE') return deleteAnswer();
    if (method === 'PATCH') {
      const id = url.split('/').pop()!;
      return json(200, { ...ORGS.find((o) => o.id === id)!, ...(JSON.parse(init!.body as string) as object) });
    }
    if (method === 'POST') {
      const body = JSON.parse(init!.body as string) as Organization;
      if (body.name === '重名')
        return json(409, {
          statusCode: 409,
          error: 'Conflict',
          message: '名称重复',
          fields: [{ field: 'name', message: '同级已有同名组织', value: '重名' }],
        });
      return json(201, { ...body, id: 'new', disabled: false, unitTypeCode: null, sortOrder: 0 });
    }
    return json(404, { statusCode: 404, error: 'Not Found', message: url });
  }) as unknown as typeof fetch;
});

const writes = () => calls.filter((c) => c.method !== 'GET');
const pickNode = async (name: string) =>
  userEvent.click(await screen.findByText(name, { selector: '.ant-tree-title *' }, FIRST_LOAD));

describe('OrganizationsPage', () => {
  it('shows the tree with each node’s kind and 已停用, and a 主管部门’s reviewing 财政科室', async () => {
    renderWithProviders(<OrganizationsPage />, '/admin/organizations');
    const tree = await screen.findByRole('tree', {}, FIRST_LOAD);
    expect(within(tree).getByText('科技创新服务中心')).toBeInTheDocument();
    expect(within(tree).getAllByText('主管部门')).toHaveLength(3);
    expect(within(tree).getByText('已停用')).toBeInTheDocument();
    await pickNode('松江区科学技术委员会');
    const details = await screen.findByLabelText('组织详情：松江区科学技术委员会');
    expect(within(details).getByText('科教文卫科')).toBeInTheDocument();
    await pickNode('松江区教育局');
    expect(within(await screen.findByLabelText('组织详情：松江区教育局')).getByText('尚未指定')).toBeInTheDocument();
  });

  it('shows the selected node’s own 名称, 单位类型 and 排序 in its form, whichever was selected before', async () => {
    renderWithProviders(<OrganizationsPage />, '/admin/organizations');
    await pickNode('科技创新服务中心');
    let details = await screen.findByLabelText('组织详情：科技创新服务中心');
    expect(within(details).getByLabelText('名称')).toHaveValue('科技创新服务中心');
    expect(within(details).getByText('公益一类事业单位')).toBeInTheDocument();
    await pickNode('松江区教育局');
    details = await screen.findByLabelText('组织详情：松江区教育局');
    await waitFor(() => expect(within(details).getByLabelText('名称')).toHaveValue('松江区教育局'));
    expect(within(details).queryByLabelText('单位类型')).not.toBeInTheDocument();
    await userEvent.clear(within(details).getByLabelText('名称'));
    await userEvent.type(within(details).getByLabelText('名称'), '松江区教育局（新）');
    await userEvent.click(within(details).getByRole('button', { name: buttonName('保存') }));
    await waitFor(() =>
      expect(writes()).toEqual([
        { url: '/api/organizations/d2', method: 'PATCH', body: { name: '松江区教育局（新）', sortOrder: 0 } },
      ]),
    );
  });

  it('offers 停用 when a deletion is refused because the unit still has members or projects', async () => {
    deleteAnswer = () =>
      json(409, {
        statusCode: 409,
        error: 'Conflict',
        message: '该组织仍有 0 个下级组织、2 个用户、3 个项目，不能删除；可以停用',
        code: 'organization_in_use',
      });
    renderWithProviders(<OrganizationsPage />, '/admin/organizations');
    await pickNode('科技创新服务中心');
    await userEvent.click(await screen.findByRole('button', { name: buttonName('删除') }));
    // The Popconfirm's own 删除 confirms.
    await waitFor(() => expect(screen.getAllByRole('button', { name: buttonName('删除') })).toHaveLength(2));
    await userEvent.click(screen.getAllByRole('button', { name: buttonName('删除') })[1]);
    const title = await screen.findByText('不能删除「科技创新服务中心」', { selector: '.ant-modal-confirm-title' });
    const dialog = title.closest<HTMLElement>('.ant-modal')!;
    expect(within(dialog).getByText(/2 个用户、3 个项目，不能删除；可以停用/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: '改为停用' }));
    await waitFor(() =>
      expect(writes()).toEqual([
        { url: '/api/organizations/u1', method: 'DELETE', body: undefined },
        { url: '/api/organizations/u1', method: 'PATCH', body: { disabled: true } },
      ]),
    );
  });

  it('adds under a 主管部门 only a 预算单位 with its 单位类型, and shows a refusal at its field', async () => {
    renderWithProviders(<OrganizationsPage />, '/admin/organizations');
    await pickNode('松江区教育局');
    await userEvent.click(await screen.findByRole('button', { name: '新增下级' }));
    const dialog = await screen.findByRole('dialog', { name: '在「松江区教育局」下新增组织' });
    expect(within(dialog).getByText('预算单位')).toBeInTheDocument();
    await userEvent.type(within(dialog).getByLabelText('名称'), '重名');
    await userEvent.click(within(dialog).getByLabelText('单位类型'));
    await userEvent.click(await screen.findByText('行政单位', { selector: '.ant-select-item-option-content' }));
    await userEvent.click(within(dialog).getByRole('button', { name: buttonName('新增') }));
    expect(await within(dialog).findByText('同级已有同名组织')).toBeInTheDocument();
    expect(writes()[0]).toEqual({
      url: '/api/organizations',
      method: 'POST',
      body: { parentId: 'd2', kind: 'unit', name: '重名', sortOrder: 0, unitTypeCode: 'admin' },
    });
  });

  it('moves a unit only under another enabled 主管部门', async () => {
    renderWithProviders(<OrganizationsPage />, '/admin/organizations');
    await pickNode('科技创新服务中心');
    await userEvent.click(await screen.findByRole('button', { name: buttonName('移动') }));
    const dialog = await screen.findByRole('dialog', { name: '移动「科技创新服务中心」' });
    await userEvent.click(within(dialog).getByLabelText('新的上级'));
    const option = await waitFor(() => document.querySelector<HTMLElement>('.ant-select-tree [title="松江区教育局"]')!);
    const options = [...document.querySelectorAll('.ant-select-tree-treenode')];
    // (rc-tree keeps one empty node for measuring.)
    expect(options.map((o) => o.textContent).filter(Boolean)).toEqual(['松江区教育局']);
    await userEvent.click(option);
    await userEvent.click(within(dialog).getByRole('button', { name: buttonName('移动') }));
    await waitFor(() =>
      expect(writes()).toEqual([{ url: '/api/organizations/u1', method: 'PATCH', body: { parentId: 'd2' } }]),
    );
  });
});
