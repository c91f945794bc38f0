import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CarryForwardResponse, Organization } from '@jxt/contracts';
import { withFastComputedStyle } from '../../testing/fast-computed-style';
import { buttonName, json, renderWithProviders } from '../../testing/render';
import { CarryForwardDialog } from './CarryForwardDialog';

const UNIT = '11111111-1111-4111-8111-111111111111';
const ORGS: Organization[] = [
  {
    id: 'dept',
    parentId: null,
    kind: 'department',
    name: '科学技术委员会',
    unitTypeCode: null,
    sortOrder: 0,
    disabled: false,
  },
  {
    id: UNIT,
    parentId: 'dept',
    kind: 'unit',
    name: '科技创新服务中心',
    unitTypeCode: null,
    sortOrder: 0,
    disabled: false,
  },
];

const ANSWER: CarryForwardResponse = {
  fromYear: 2021,
  toYear: 2022,
  created: 1,
  skipped: 2,
  refused: 0,
  results: [
    {
      projectId: 'p1',
      code: '2021-KCZX-001',
      projectName: '市民服务',
      outcome: 'skipped',
      formId: null,
      message: '计划完成日期 2021-12-31 早于 2022 年度',
    },
    {
      projectId: 'p2',
      code: '2021-KCZX-002',
      projectName: '项目服务管理',
      outcome: 'skipped',
      formId: null,
      message: '2021 年度没有已审核的版本',
    },
    {
      projectId: 'p3',
      code: '2021-KCZX-003',
      projectName: '网络信息系统运行与维护',
      outcome: 'created',
      formId: 'f-2022',
      message: null,
    },
  ],
};

withFastComputedStyle();

let fetchMock: jest.Mock;
beforeEach(() => {
  fetchMock = jest.fn(async () => json(200, ANSWER));
  global.fetch = fetchMock as unknown as typeof fetch;
});

describe('CarryForwardDialog (结转到下一年度)', () => {
  it("carries the filer's unit from the list's year into the next, and lists each project's result", async () => {
    renderWithProviders(
      <CarryForwardDialog fromYear={2021} organizations={ORGS} ownOrganizationId={UNIT} onClose={() => undefined} />,
    );
    expect(screen.getByText('结转到 2022 年度')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: buttonName('结转') }));

    expect(await screen.findByText('已生成 1 个，未结转 2 个，失败 0 个')).toBeInTheDocument();
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe('/api/projects/carry-forward');
    expect(JSON.parse(String(init.body))).toEqual({ organizationId: UNIT, fromYear: 2021, toYear: 2022 });

    const rows = screen.getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['2021-KCZX-001', '市民服务', '未结转', '计划完成日期 2021-12-31 早于 2022 年度'],
      ['2021-KCZX-002', '项目服务管理', '未结转', '2021 年度没有已审核的版本'],
      ['2021-KCZX-003', '网络信息系统运行与维护', '已生成', '打开草稿'],
    ]);
    expect(screen.getByRole('link', { name: '打开草稿' })).toHaveAttribute('href', '/forms/f-2022');
  });
});
