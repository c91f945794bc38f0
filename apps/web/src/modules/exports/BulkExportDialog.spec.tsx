import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ExportJob } from '@jxt/contracts';
import { json, renderWithProviders } from '../../testing/render';
import { BulkExportDialog } from './BulkExportDialog';

const job = (over: Partial<ExportJob>): ExportJob => ({
  id: 'job-1',
  kind: 'evaluation',
  year: 2021,
  format: 'zip',
  status: 'queued',
  total: 120,
  done: 0,
  fileName: '松江区科学技术委员会-2021年度绩效自评表（共120张）.zip',
  fileSize: null,
  createdAt: '2022-03-01T02:00:00.000Z',
  finishedAt: null,
  expiresAt: null,
  error: null,
  ...over,
});

let fetchMock: jest.Mock;
/** What GET /api/exports answers, call after call (the last one repeats). */
let listAnswers: ExportJob[][];
let posted: unknown[];

beforeEach(() => {
  posted = [];
  listAnswers = [[]];
  fetchMock = jest.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/exports' && init?.method === 'POST') {
      posted.push(JSON.parse(String(init.body)));
      return json(200, job({}));
    }
    if (url === '/api/exports') return json(200, listAnswers.length > 1 ? listAnswers.shift() : listAnswers[0]);
    return json(404, { statusCode: 404, error: 'Not Found', message: url });
  });
  global.fetch = fetchMock as unknown as typeof fetch;
});

describe('BulkExportDialog', () => {
  it('starts the export chosen, shows its progress, then the 下载 link of the finished file', async () => {
    // After the start: running at 30 of 120, then done.
    listAnswers = [
      [],
      [job({ status: 'running', done: 30 })],
      [
        job({
          status: 'done',
          done: 120,
          fileSize: 2_621_440,
          finishedAt: '2022-03-01T02:01:00.000Z',
          expiresAt: '2022-03-02T02:01:00.000Z',
        }),
      ],
    ];
    renderWithProviders(<BulkExportDialog year={2021} onClose={() => undefined} />);
    expect(await screen.findByText('还没有导出任务')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('radio', { name: '绩效自评表' }));
    await userEvent.click(screen.getByRole('radio', { name: '压缩包（每表一个工作簿）' }));
    await userEvent.click(screen.getByRole('button', { name: '开始导出' }));
    expect(posted).toEqual([{ kind: 'evaluation', year: 2021, format: 'zip' }]);

    const item = await screen.findByRole('listitem', { name: '2021 年度绩效自评表 · 压缩包' });
    expect(await within(item).findByText('30 / 120')).toBeInTheDocument();
    expect(within(item).getByText('导出中')).toBeInTheDocument();
    expect(
      within(item).getByRole('progressbar', { name: '2021 年度绩效自评表 · 压缩包 导出进度' }),
    ).toBeInTheDocument();

    const link = await within(item).findByRole('link', { name: '下载' }, { timeout: 4000 });
    expect(link).toHaveAttribute('href', '/api/exports/job-1/file');
    expect(within(item).getByText('已完成')).toBeInTheDocument();
    expect(within(item).getByText(/（共120张）\.zip 2\.5 MB · 保留至/)).toBeInTheDocument();
    expect(within(item).queryByRole('progressbar')).toBeNull();
    // Once nothing runs, the list is not asked again.
    const calls = fetchMock.mock.calls.length;
    await new Promise((r) => setTimeout(r, 1500));
    expect(fetchMock.mock.calls.length).toBe(calls);
  });

  it('lists earlier jobs: an expired one without a link, a failed one with its reason', async () => {
    listAnswers = [
      [
        job({ id: 'job-2', kind: 'goal', format: 'xlsx', status: 'expired', done: 120 }),
        job({ id: 'job-3', kind: 'goal', year: 2020, format: 'xlsx', status: 'failed', error: '导出出错，请重新导出' }),
      ],
    ];
    renderWithProviders(<BulkExportDialog year={2021} onClose={() => undefined} />);
    const expired = await screen.findByRole('listitem', { name: '2021 年度绩效目标填报表 · 工作簿' });
    expect(within(expired).getByText('文件已过期删除，请重新导出')).toBeInTheDocument();
    expect(within(expired).queryByRole('link')).toBeNull();
    const failed = screen.getByRole('listitem', { name: '2020 年度绩效目标填报表 · 工作簿' });
    expect(within(failed).getByText('失败')).toBeInTheDocument();
    expect(within(failed).getByText('导出出错，请重新导出')).toBeInTheDocument();
  });

  it('says why an export could not start', async () => {
    fetchMock.mockImplementation(async (url: string, init?: RequestInit) =>
      url === '/api/exports' && init?.method === 'POST'
        ? json(403, { statusCode: 403, error: 'Forbidden', message: '无权执行此操作' })
        : json(200, []),
    );
    renderWithProviders(<BulkExportDialog year={2021} onClose={() => undefined} />);
    await userEvent.click(await screen.findByRole('button', { name: '开始导出' }));
    await waitFor(() => expect(screen.getByText('无法开始导出')).toBeInTheDocument());
    expect(screen.getByText('无权执行此操作')).toBeInTheDocument();
  });

  it('says when the 导出任务 list cannot be read, and reads it again on 重试', async () => {
    let failing = true;
    fetchMock.mockImplementation(async (url: string) =>
      url === '/api/exports' && failing
        ? json(503, { statusCode: 503, error: 'Service Unavailable', message: '数据库暂不可用' })
        : json(200, [job({ status: 'done', done: 120 })]),
    );
    renderWithProviders(<BulkExportDialog year={2021} onClose={() => undefined} />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('无法读取导出任务');
    expect(alert).toHaveTextContent('数据库暂不可用');
    failing = false;
    await userEvent.click(within(alert).getByRole('button', { name: /重\s*试/ }));
    expect(await screen.findByRole('link', { name: '下载' })).toBeInTheDocument();
  });
});
