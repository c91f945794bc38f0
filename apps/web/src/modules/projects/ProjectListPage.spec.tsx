import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import type { CodeListItem, Organization, ProjectListItem, ProjectListResponse } from '@jxt/contracts';
import { withFastComputedStyle } from '../../testing/fast-computed-style';
import { json, renderWithProviders, user } from '../../testing/render';
import { ProjectListPage } from './ProjectListPage';

const UNIT = '11111111-1111-4111-8111-111111111111';

const project = (
  code: string,
  name: string,
  annualAmount: string | null,
  extra: Partial<ProjectListItem> = {},
): ProjectListItem => ({
  id: `p-${code}`,
  code,
  name,
  categoryCode: 'recurring',
  continuity: 'continuing',
  functionClassCode: null,
  printedDepartment: null,
  printedImplementingUnit: null,
  plannedStart: null,
  plannedEnd: null,
  organizationId: UNIT,
  organizationName: '科技创新服务中心',
  year: 2021,
  formId: `f-${code}`,
  formStatus: 'draft',
  annualAmount,
  ...extra,
});

const PROJECTS = [
  project('A01', '市民服务', '213500'),
  project('A02', '项目服务管理', '1450000.00', { formStatus: 'submitted', categoryCode: 'one_off' }),
  project('A03', '网络信息系统运行与维护', '8927300', { categoryCode: null, annualAmount: null }),
];
const ORGS: Organization[] = [
  {
    id: UNIT,
    parentId: 'outside',
    kind: 'unit',
    name: '科技创新服务中心',
    unitTypeCode: null,
    sortOrder: 0,
    disabled: false,
  },
];
const CATEGORIES: CodeListItem[] = [
  { list: 'project_category', year: null, code: 'recurring', label: '经常性项目', sortOrder: 1 },
  { list: 'project_category', year: null, code: 'one_off', label: '一次性项目', sortOrder: 2 },
];

type Handler = (url: URL) => { status: number; body: unknown };
let projectsHandler: Handler;
const requests: URL[] = [];

beforeEach(() => {
  requests.length = 0;
  // Only 2021 has projects; search filters by name.
  projectsHandler = (url) => {
    const year = Number(url.searchParams.get('year'));
    const search = url.searchParams.get('search') ?? '';
    const items = year === 2021 ? PROJECTS.filter((p) => p.name.includes(search) || p.code.includes(search)) : [];
    const pageSize = Number(url.searchParams.get('pageSize'));
    return {
      status: 200,
      body: {
        items: items.slice(0, pageSize),
        total: items.length,
        page: Number(url.searchParams.get('page')),
        pageSize,
      } satisfies ProjectListResponse,
    };
  };
  global.fetch = jest.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost');
    requests.push(url);
    if (url.pathname === '/api/projects') {
      const { status, body } = projectsHandler(url);
      return json(status, body);
    }
    if (url.pathname === '/api/years')
      return json(200, {
        years: [{ year: 2021, projects: 3, evaluations: 0, evaluationsOpen: 0, policyVersions: 0, taxonomy: true }],
      });
    if (url.pathname === '/api/organizations') return json(200, ORGS);
    if (url.pathname === '/api/code-lists') return json(200, CATEGORIES);
    return json(404, { statusCode: 404, error: 'Not Found', message: 'no' });
  }) as typeof fetch;
});

function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

function renderPage(initial = '/projects') {
  renderWithProviders(
    <>
      <ProjectListPage />
      <LocationProbe />
    </>,
    '/projects',
    initial,
  );
}

const listRequests = () =>
  requests.filter((url) => url.pathname === '/api/projects' && url.searchParams.get('pageSize') !== '1');
const location = () => screen.getByTestId('location').textContent;

describe('ProjectListPage', () => {
  // The table and its filters ask jsdom for styles all the time: seconds a query on a busy machine otherwise.
  withFastComputedStyle();
  it('opens on the newest year with projects and puts it in the URL', async () => {
    renderPage();
    expect(await screen.findByRole('link', { name: '市民服务' })).toHaveAttribute('href', '/forms/f-A01');
    await waitFor(() => expect(location()).toBe('/projects?year=2021'));
    expect(listRequests().every((url) => url.searchParams.get('year') === '2021')).toBe(true);
  });

  it('shows each row’s amount with thousands separators, category label and status', async () => {
    renderPage('/projects?year=2021');
    const row = (await screen.findByRole('link', { name: '项目服务管理' })).closest('tr')!;
    expect(within(row).getByText('1,450,000.00')).toBeInTheDocument();
    expect(within(row).getByText('一次性项目')).toBeInTheDocument();
    expect(within(row).getByText('已提交')).toBeInTheDocument();
    const first = screen.getByRole('link', { name: '市民服务' }).closest('tr')!;
    expect(within(first).getByText('213,500.00')).toBeInTheDocument();
    expect(within(first).getByText('经常性项目')).toBeInTheDocument();
    const third = screen.getByRole('link', { name: '网络信息系统运行与维护' }).closest('tr')!;
    expect(within(third).getAllByText('—')).toHaveLength(2); // no category, no amount yet
    expect(screen.getByText('共 3 个项目')).toBeInTheDocument();
  });

  it('does not probe other years when the URL names one', async () => {
    renderPage('/projects?year=2021');
    await screen.findByRole('link', { name: '市民服务' });
    expect(
      requests.filter((url) => url.pathname === '/api/projects').map((url) => url.searchParams.get('year')),
    ).toEqual(['2021']);
  });

  it('asks the server with the search text after typing pauses, back on page 1', async () => {
    const user = userEvent.setup();
    renderPage('/projects?year=2021&page=2');
    await screen.findByText('共 3 个项目');
    await user.type(screen.getByRole('searchbox', { name: '搜索项目名称或编码' }), '网络');
    await waitFor(() => expect(location()).toBe(`/projects?year=2021&q=${encodeURIComponent('网络')}`));
    await waitFor(() => expect(screen.queryByRole('link', { name: '市民服务' })).not.toBeInTheDocument());
    expect(screen.getByRole('link', { name: '网络信息系统运行与维护' })).toBeInTheDocument();
    // One request for the finished word, not one per keystroke.
    const searched = listRequests().filter((url) => url.searchParams.has('search'));
    expect(searched.map((url) => url.searchParams.get('search'))).toEqual(['网络']);
    expect(searched[0].searchParams.get('page')).toBe('1');
  });

  it('says so in Chinese when nothing matches', async () => {
    renderPage(`/projects?year=2021&q=${encodeURIComponent('没有这个')}`);
    expect(await screen.findByText('没有符合条件的项目')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '重置筛选' })).toBeInTheDocument();
  });

  it('says the year is empty when it has no projects', async () => {
    renderPage('/projects?year=2019');
    expect(await screen.findByText('2019 年度暂无项目')).toBeInTheDocument();
  });

  it('shows the server’s message and a retry button when the list fails', async () => {
    projectsHandler = () => ({
      status: 500,
      body: { statusCode: 500, error: 'Internal Server Error', message: '服务器内部错误' },
    });
    renderPage('/projects?year=2021');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('无法读取项目列表');
    expect(alert).toHaveTextContent('服务器内部错误');
    projectsHandler = (url) => ({
      status: 200,
      body: { items: PROJECTS, total: 3, page: 1, pageSize: Number(url.searchParams.get('pageSize')) },
    });
    await userEvent.setup().click(within(alert).getByRole('button', { name: /重\s*试/ }));
    expect(await screen.findByRole('link', { name: '市民服务' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('sends the URL’s filters and paging to the server', async () => {
    renderPage(`/projects?year=2021&org=${UNIT}&category=recurring&status=draft&page=2&pageSize=50`);
    await waitFor(() => expect(listRequests().length).toBeGreaterThan(0));
    const sent = listRequests()[0].searchParams;
    expect(Object.fromEntries(sent)).toEqual({
      year: '2021',
      page: '2',
      pageSize: '50',
      organizationId: UNIT,
      categoryCode: 'recurring',
      status: 'draft',
    });
  });
});

describe('ProjectListPage: 导入 and 导出', () => {
  withFastComputedStyle();
  const asUser = (role: 'supervisor' | 'filer' | 'finance') => {
    const listAndMore = global.fetch;
    global.fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input), 'http://localhost');
      if (url.pathname === '/api/auth/me') return json(200, user(`u-${role}`, role));
      if (url.pathname === '/api/exports') return json(200, []);
      return listAndMore(input, init);
    }) as typeof fetch;
  };

  it('offers 主管部门 and 财政 the year’s bulk export, with the 导出任务 list', async () => {
    asUser('supervisor');
    renderPage('/projects?year=2021');
    await userEvent.setup().click(await screen.findByRole('button', { name: '批量导出' }));
    // (antd names every dialog by the same test id under jest, so it is found by its title's text)
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('批量导出 2021 年度')).toBeInTheDocument();
    expect(within(dialog).getByRole('radio', { name: '绩效目标填报表' })).toBeChecked();
    expect(within(dialog).getByRole('radio', { name: '一个工作簿（汇总表 + 每表一页）' })).toBeChecked();
    expect(await within(dialog).findByText('还没有导出任务')).toBeInTheDocument();
  });

  it('does not offer it to a filer', async () => {
    asUser('filer');
    renderPage('/projects?year=2021');
    expect(await screen.findByRole('button', { name: '新建项目' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '批量导出' })).toBeNull();
  });

  it('offers a filer 导入 Excel, which opens the 导入 page, and every row’s form as Excel', async () => {
    asUser('filer');
    renderPage('/projects?year=2021');
    const link = await screen.findByRole('link', { name: '导出“市民服务”的填报表' });
    expect(link).toHaveAttribute('href', '/api/forms/f-A01/export.xlsx');
    expect(link).toHaveAttribute('download');
    await userEvent.setup().click(await screen.findByRole('button', { name: '导入 Excel' }));
    await waitFor(() => expect(screen.getByTestId('elsewhere')).toBeInTheDocument());
  });

  it('offers 导入 Excel to a 主管部门, to check a workbook', async () => {
    asUser('supervisor');
    renderPage('/projects?year=2021');
    expect(await screen.findByRole('button', { name: '导入 Excel' })).toBeInTheDocument();
  });

  it('does not offer 导入 Excel to 财政', async () => {
    asUser('finance');
    renderPage('/projects?year=2021');
    expect(await screen.findByRole('button', { name: '批量导出' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '导入 Excel' })).toBeNull();
  });
});
