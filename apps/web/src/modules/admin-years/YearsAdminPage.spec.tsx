import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { OpenYearResponse, YearSummary } from '@jxt/contracts';
import { withFastComputedStyle } from '../../testing/fast-computed-style';
import { buttonName, json, renderWithProviders, user } from '../../testing/render';
import { YearsAdminPage } from './YearsAdminPage';
import { yearSummary } from '../../testing/years';

withFastComputedStyle();

const summary = (year: number, change: Partial<YearSummary> = {}): YearSummary =>
  yearSummary(year, { openedAt: '2021-01-04T01:00:00.000Z', projects: 3, ...change });
const COPIED = { fromYear: 2021, taxonomyNodes: 12, functionClasses: 30, scoringPolicyVersion: 2, deadlines: 3 };

let years: YearSummary[];
let role: 'admin' | 'filer';
let fetchMock: jest.Mock;
beforeEach(() => {
  years = [summary(2021)];
  role = 'admin';
  fetchMock = jest.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/auth/me') return json(200, user('u-1', role));
    if (url === '/api/years') return json(200, { years });
    if (url === '/api/years/2022/open' && init?.method === 'POST') {
      const opened = summary(2022, { openedByName: '管理员甲', copied: COPIED, projects: 0 });
      years = [opened, ...years];
      return json(200, { year: opened, changed: true } satisfies OpenYearResponse);
    }
    if (url === '/api/years/2021/close' && init?.method === 'POST') {
      years = years.map((y) =>
        y.year === 2021
          ? { ...y, status: 'closed', closedAt: '2022-02-01T01:00:00.000Z', closedByName: '管理员甲' }
          : y,
      );
      return json(
        200,
        years.find((y) => y.year === 2021),
      );
    }
    return json(404, { statusCode: 404, error: 'Not Found', message: url });
  });
  global.fetch = fetchMock as unknown as typeof fetch;
});

const posted = () =>
  fetchMock.mock.calls.filter(([, init]) => (init as RequestInit | undefined)?.method === 'POST').map(([url]) => url);

describe('YearsAdminPage (年度管理)', () => {
  it('lists the years with their state, and 开启新年度 opens the next one after confirming, showing what it copied', async () => {
    renderWithProviders(<YearsAdminPage />, '/admin/years');
    const table = await screen.findByRole('table');
    expect(await within(table).findByText('2021 年度')).toBeInTheDocument();
    expect(within(table).getByText('已开启')).toBeInTheDocument();
    expect(within(table).getByText('初始数据')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: buttonName('开启新年度（2022 年度）') }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getAllByText('开启 2022 年度？').length).toBeGreaterThan(0);
    expect(within(dialog).getByText('功能分类科目')).toBeInTheDocument();
    expect(posted()).toEqual([]);
    await userEvent.click(within(dialog).getByRole('button', { name: buttonName('开启') }));

    await waitFor(() => expect(posted()).toEqual(['/api/years/2022/open']));
    expect(
      await within(table).findByText(
        '从 2021 年度复制：指标体系 12 项、功能分类科目 30 项、评分规则（第 2 版）、截止日期 3 项',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: buttonName('开启新年度（2023 年度）') })).toBeInTheDocument();
  });

  it('closes a year after confirming; the closed year offers 重新开启', async () => {
    renderWithProviders(<YearsAdminPage />, '/admin/years');
    await userEvent.click(await screen.findByRole('button', { name: '关闭 2021 年度' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/已填的表仍可查阅/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: buttonName('关闭年度') }));
    await waitFor(() => expect(posted()).toEqual(['/api/years/2021/close']));
    expect(await screen.findByRole('button', { name: '重新开启 2021 年度' })).toBeInTheDocument();
    expect(screen.getByText('已关闭')).toBeInTheDocument();
  });

  it('is the admin’s only', async () => {
    role = 'filer';
    renderWithProviders(<YearsAdminPage />, '/admin/years');
    expect(await screen.findByText('只有管理员可以管理年度')).toBeInTheDocument();
  });
});
