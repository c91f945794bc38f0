import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Organization } from '@jxt/contracts';
import { withFastComputedStyle } from '../../testing/fast-computed-style';
import { json, renderWithProviders } from '../../testing/render';
import { FinanceDivisionsPage } from './FinanceDivisionsPage';

withFastComputedStyle();

// The page's lazy antd parts and its first reads can take longer than 5 s on a loaded machine.
const FIRST_LOAD = { timeout: 15_000 };

const org = (
  id: string,
  parentId: string | null,
  kind: Organization['kind'],
  name: string,
  disabled = false,
): Organization => ({
  id,
  parentId,
  kind,
  name,
  unitTypeCode: null,
  sortOrder: 0,
  disabled,
});
const ORGS = [
  org('b', null, 'finance_bureau', '松江区财政局'),
  org('d1', 'b', 'department', '松江区科学技术委员会'),
  org('d2', 'b', 'department', '松江区教育局'),
  org('d3', 'b', 'department', '已撤销的部门', true),
  org('f1', 'b', 'finance_division', '科教文卫科'),
  org('f2', 'b', 'finance_division', '经济建设科'),
];

type Call = { url: string; method: string; body: unknown };
let calls: Call[];

beforeEach(() => {
  calls = [];
  global.fetch = jest.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    const body = init?.body ? (JSON.parse(init.body as string) as { departmentIds: string[] }) : undefined;
    calls.push({ url, method, body });
    if (url === '/api/organizations') return json(200, ORGS);
    if (url === '/api/finance-divisions')
      return json(200, [
        { divisionId: 'f1', name: '科教文卫科', departmentIds: ['d1'] },
        { divisionId: 'f2', name: '经济建设科', departmentIds: [] },
      ]);
    if (method === 'PUT') return json(200, { divisionId: url.split('/').pop(), departmentIds: body!.departmentIds });
    return json(404, { statusCode: 404, error: 'Not Found', message: url });
  }) as unknown as typeof fetch;
});

describe('FinanceDivisionsPage', () => {
  it('shows each division with the 主管部门 it reviews and names the enabled ones nobody reviews', async () => {
    renderWithProviders(<FinanceDivisionsPage />, '/admin/finance-divisions');
    const row = (await screen.findByText('科教文卫科', {}, FIRST_LOAD)).closest('tr')!;
    expect(within(row).getByText('松江区科学技术委员会')).toBeInTheDocument();
    expect(screen.getByText('以下主管部门尚无财政科室负责审核：松江区教育局')).toBeInTheDocument();
  });

  it('saves a division’s new list of 主管部门 (only once it changed)', async () => {
    renderWithProviders(<FinanceDivisionsPage />, '/admin/finance-divisions');
    const row = (await screen.findByText('经济建设科', {}, FIRST_LOAD)).closest('tr')!;
    const save = within(row).getByRole('button', { name: /保\s*存/ });
    expect(save).toBeDisabled();
    await userEvent.click(within(row).getByLabelText('经济建设科负责审核的主管部门'));
    await userEvent.click(await screen.findByText('松江区教育局', { selector: '.ant-select-item-option-content' }));
    await userEvent.click(save);
    await waitFor(() =>
      expect(calls.filter((c) => c.method === 'PUT')).toEqual([
        { url: '/api/finance-divisions/f2', method: 'PUT', body: { departmentIds: ['d2'] } },
      ]),
    );
  });
});
