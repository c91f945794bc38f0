import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ScoringJob } from '@jxt/contracts';
import { useLocation } from 'react-router';
import { withFastComputedStyle } from '../../testing/fast-computed-style';
import { buttonName, json, renderWithProviders, user } from '../../testing/render';
import { ScoringPolicyPage } from './ScoringPolicyPage';
import { DEFAULT_POLICY_VERSION } from './testing/seed-evaluation-3';

// The policy form's inputs and tables ask jsdom for styles all the time: seconds a query under load otherwise.
withFastComputedStyle();

const job = (done: number, status: ScoringJob['status']): ScoringJob => ({
  id: 'job-1',
  year: 2021,
  policyVersion: 1,
  status,
  total: 3000,
  done,
  startedAt: '2022-01-20T08:00:00.000Z',
  finishedAt: null,
  error: null,
});

let fetchMock: jest.Mock;
let earlierJobs: ReturnType<typeof job>[];
let taxonomy: { code: string; label: string; level: number; parentCode: string | null; sortOrder: number }[];
let storedVersions: number;
const STORED = {
  ...DEFAULT_POLICY_VERSION,
  id: 'v1',
  version: 1,
  createdAt: '2022-01-10T08:00:00.000Z',
  createdByName: '管理员',
};
beforeEach(() => {
  earlierJobs = [];
  taxonomy = [];
  storedVersions = 0;
  fetchMock = jest.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/years')
      return json(200, {
        years: [
          {
            year: 2021,
            projects: 3,
            evaluations: 1,
            evaluationsOpen: 1,
            policyVersions: storedVersions,
            taxonomy: true,
          },
        ],
      });
    if (url === '/api/taxonomy?year=2021') return json(200, taxonomy);
    if (url === '/api/scoring-jobs?year=2021') return json(200, earlierJobs);
    if (url === '/api/auth/me') return json(200, user('u-admin', 'admin'));
    if (url === '/api/scoring-policies/2021/versions') return json(200, [DEFAULT_POLICY_VERSION]);
    if (url === '/api/scoring-policies/2021' && init?.method === 'PUT')
      return json(200, {
        version: { ...DEFAULT_POLICY_VERSION, id: 'v1', version: 1, policy: JSON.parse(String(init.body)).policy },
        job: job(0, 'queued'),
      });
    if (url === '/api/scoring-policies/2021') return json(200, storedVersions ? STORED : DEFAULT_POLICY_VERSION);
    if (url === '/api/scoring-jobs' && init?.method === 'POST') return json(200, job(0, 'queued'));
    const earlier = earlierJobs.find((j) => url === `/api/scoring-jobs/${j.id}`);
    if (earlier) return json(200, earlier);
    if (url === '/api/scoring-jobs/job-1') return json(200, job(1234, 'running'));
    return json(404, { statusCode: 404, error: 'Not Found', message: url });
  });
  global.fetch = fetchMock as unknown as typeof fetch;
});

function Location() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

const renderPage = (initial = '/admin/scoring-policy?year=2021') =>
  renderWithProviders(
    <>
      <ScoringPolicyPage />
      <Location />
    </>,
    '/admin/scoring-policy',
    initial,
  );

describe('ScoringPolicyPage: the year it opens on', () => {
  it('opens on the newest year with a stored version (2021, 第 1 版), not on the calendar year', async () => {
    storedVersions = 1;
    renderPage('/admin/scoring-policy');
    expect(await screen.findByText('当前：第 1 版')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/admin/scoring-policy?year=2021'));
    expect(
      fetchMock.mock.calls.map(([url]) => url).filter((url: string) => url.startsWith('/api/scoring-policies/')),
    ).toEqual(expect.arrayContaining(['/api/scoring-policies/2021']));
    expect(fetchMock.mock.calls.some(([url]) => /scoring-policies\/(?!2021)/.test(url))).toBe(false);
  });

  it('calls a year without a stored version by what it is, not "第 0 版"', async () => {
    renderPage();
    expect(await screen.findByText('当前：内置默认规则（本年度尚未保存过版本）')).toBeInTheDocument();
    expect(screen.queryByText(/第 0 版/)).toBeNull();
  });
});

describe('ScoringPolicyPage', () => {
  it('shows a weight sum that is not 100 at the weights, and points there from the disabled save button', async () => {
    renderPage();
    const output = await screen.findByLabelText('产出指标权重');
    await userEvent.clear(output);
    await userEvent.type(output, '60');
    const weights = screen.getByText('权重（合计 100）').closest('.ant-card')! as HTMLElement;
    expect(within(weights).getByRole('alert')).toHaveTextContent('权重合计应为 100，现为 110');
    expect(output).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('权重合计不为 100，请先修改上方的权重')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '保存为新版本' })).toBeDisabled();
  });

  it('refuses weights that do not add up to 100 and disables save', async () => {
    renderPage();
    const output = await screen.findByLabelText('产出指标权重');
    const save = screen.getByRole('button', { name: '保存为新版本' });
    expect(save).toBeEnabled();
    await userEvent.clear(output);
    await userEvent.type(output, '60');
    expect(await screen.findByText('权重合计应为 100，现为 110')).toBeInTheDocument();
    expect(save).toBeDisabled();
    await userEvent.clear(output);
    await userEvent.type(output, '50');
    await waitFor(() => expect(screen.queryByText(/权重合计应为 100/)).toBeNull());
    expect(save).toBeEnabled();
  });

  it('saves percents as shares and ratios, then shows the 重新评分 progress', async () => {
    renderPage();
    const overshoot = await screen.findByLabelText('超出目标比例（%）');
    expect(overshoot).toHaveValue('130');
    await userEvent.clear(overshoot);
    await userEvent.type(overshoot, '150');
    const miss = screen.getByLabelText('未达标比例（%）');
    expect(miss).toHaveValue('100');
    await userEvent.clear(miss);
    await userEvent.type(miss, '90');
    await userEvent.click(screen.getByRole('button', { name: '保存为新版本' }));
    await waitFor(() => expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'PUT')).toBe(true));
    const [, init] = fetchMock.mock.calls.find(([, i]) => i?.method === 'PUT') as [string, RequestInit];
    const body = JSON.parse(String(init.body));
    // The built-in default is version 0: a version saved meanwhile makes this save a 409.
    expect(body.baseVersion).toBe(0);
    expect(body.policy.overshootRatio).toBe('1.5');
    expect(body.policy.missThreshold).toBe('0.9');
    expect(body.policy.qualitativeBands[0]).toEqual({ code: 'achieved', label: '达成年度指标', min: '0.8', max: '1' });
    expect(await screen.findByText('重新评分：已完成 1,234 / 3,000')).toBeInTheDocument();
  });

  it("weighs every 一级指标 of the year's taxonomy, e.g. 成本指标 where it is a level of its own", async () => {
    taxonomy = [
      { code: 'output', label: '产出指标', level: 1, parentCode: null, sortOrder: 1 },
      { code: 'cost', label: '成本指标', level: 1, parentCode: null, sortOrder: 2 },
      { code: 'benefit', label: '效益指标', level: 1, parentCode: null, sortOrder: 3 },
      { code: 'satisfaction', label: '满意度指标', level: 1, parentCode: null, sortOrder: 4 },
    ];
    renderPage();
    const cost = await screen.findByLabelText('成本指标权重');
    expect(cost).toHaveValue('0');
    await userEvent.clear(cost);
    await userEvent.type(cost, '10');
    expect(await screen.findByText('权重合计应为 100，现为 110')).toBeInTheDocument();
    const output = screen.getByLabelText('产出指标权重');
    await userEvent.clear(output);
    await userEvent.type(output, '40');
    await userEvent.click(screen.getByRole('button', { name: '保存为新版本' }));
    await waitFor(() => expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'PUT')).toBe(true));
    const [, init] = fetchMock.mock.calls.find(([, i]) => i?.method === 'PUT') as [string, RequestInit];
    expect(JSON.parse(String(init.body)).policy.level1Weights).toEqual({
      output: '40',
      benefit: '30',
      satisfaction: '10',
      cost: '10',
    });
  });

  it('shows an interrupted 重新评分 and starts it again on request', async () => {
    earlierJobs = [
      { ...job(1200, 'failed'), id: 'job-0', error: '重新评分已中断（服务曾停止），请点击“重新评分”再次发起' },
    ];
    renderPage();
    expect(await screen.findByText(/重新评分已中断/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: buttonName('重新评分') }));
    expect(await screen.findByText('重新评分：已完成 1,234 / 3,000')).toBeInTheDocument();
    const post = fetchMock.mock.calls.find(([u, i]) => u === '/api/scoring-jobs' && i?.method === 'POST') as [
      string,
      RequestInit,
    ];
    expect(JSON.parse(String(post[1].body))).toEqual({ year: 2021 });
  });

  it('shows a 重新评分 still running from earlier when the page opens', async () => {
    earlierJobs = [job(1234, 'running')];
    renderPage();
    expect(await screen.findByText('重新评分：已完成 1,234 / 3,000')).toBeInTheDocument();
  });

  it('shows how many final evaluations keep each version', async () => {
    renderPage();
    expect(await screen.findByText('已定稿自评表 0 份，不受修改影响')).toBeInTheDocument();
  });
});
