import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CurrentUser, EvaluationListResponse, EvaluationSummary, YearSummary } from '@jxt/contracts';
import { useLocation } from 'react-router';
import { json, renderWithProviders, user } from '../../testing/render';
import { EvaluationListPage } from './EvaluationListPage';
import { yearSummary } from '../../testing/years';

const year = (y: number, over: Partial<YearSummary> = {}): YearSummary => yearSummary(y, { status: null, ...over });

let years: YearSummary[];
let me: CurrentUser | null;
let fetchMock: jest.Mock;
beforeEach(() => {
  me = null;
  fetchMock = jest.fn(async (input: string) => {
    const url = new URL(input, 'http://localhost');
    if (url.pathname === '/api/auth/me' && me) return json(200, me);
    if (url.pathname === '/api/exports') return json(200, []);
    if (url.pathname === '/api/years') return json(200, { years });
    if (url.pathname === '/api/evaluations') {
      const row: EvaluationSummary = {
        id: 'e-1',
        formId: 'f-1',
        year: 2021,
        status: 'draft',
        rowVersion: 2,
        projectCode: 'A01',
        projectName: '市民服务',
        organizationName: '科技创新服务中心',
        total: '80.00',
        grade: '良',
        policyVersion: 1,
        updatedAt: '2022-01-20T08:00:00.000Z',
      };
      const items = url.searchParams.get('year') === '2021' ? [row] : [];
      return json(200, { items, total: items.length } satisfies EvaluationListResponse);
    }
    return json(404, { statusCode: 404, error: 'Not Found', message: input });
  });
  global.fetch = fetchMock as unknown as typeof fetch;
});

function Location() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

const renderPage = (initial = '/evaluations') =>
  renderWithProviders(
    <>
      <EvaluationListPage />
      <Location />
    </>,
    '/evaluations',
    initial,
  );

const evaluationYearsAsked = () =>
  fetchMock.mock.calls
    .map(([u]) => new URL(u, 'http://localhost'))
    .filter((u) => u.pathname === '/api/evaluations')
    .map((u) => u.searchParams.get('year'));

describe('EvaluationListPage: the year it opens on', () => {
  it('opens on last year, whose 自评表 are due, although next year already has forms', async () => {
    years = [
      year(2022, { projects: 3 }),
      year(2021, { projects: 3, evaluations: 1, evaluationsOpen: 3, policyVersions: 1 }),
    ];
    renderPage();
    expect(await screen.findByRole('link', { name: '市民服务' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/evaluations?year=2021'));
    // No request for another year went out while the default was worked out.
    expect(new Set(evaluationYearsAsked())).toEqual(new Set(['2021']));
  });

  it('keeps the year the URL names', async () => {
    years = [year(2022, { projects: 3 }), year(2021, { evaluations: 1, evaluationsOpen: 1 })];
    renderPage('/evaluations?year=2022');
    expect(await screen.findByText('2022 年度还没有自评表')).toBeInTheDocument();
    expect(new Set(evaluationYearsAsked())).toEqual(new Set(['2022']));
  });
});

describe('EvaluationListPage: 导出', () => {
  beforeEach(() => {
    years = [year(2021, { projects: 3, evaluations: 1, evaluationsOpen: 1 })];
  });

  it('offers each 自评表 as Excel, and 批量导出 of the year’s 自评表 to a 主管部门', async () => {
    me = user('u-2', 'supervisor');
    renderPage('/evaluations?year=2021');
    const link = await screen.findByRole('link', { name: '导出“市民服务”的自评表' });
    expect(link).toHaveAttribute('href', '/api/evaluations/e-1/export.xlsx');
    expect(link).toHaveAttribute('download');

    await userEvent.click(await screen.findByRole('button', { name: '批量导出' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('批量导出 2021 年度')).toBeInTheDocument();
    // Opened from the 自评表 list: the 自评表 are what it exports unless the user changes it.
    expect(within(dialog).getByRole('radio', { name: '绩效自评表' })).toBeChecked();
    expect(within(dialog).getByRole('link', { name: '导出任务' })).toHaveAttribute('href', '/exports');
  });

  it('offers a filer the Excel of each 自评表 but no 批量导出', async () => {
    me = user('u-1', 'filer');
    renderPage('/evaluations?year=2021');
    expect(await screen.findByRole('link', { name: '导出“市民服务”的自评表' })).toBeInTheDocument();
    await waitFor(() => expect(fetchMock.mock.calls.some(([u]) => u === '/api/auth/me')).toBe(true));
    expect(screen.queryByRole('button', { name: '批量导出' })).toBeNull();
  });
});
