import { screen, within } from '@testing-library/react';
import type { ExportJob } from '@jxt/contracts';
import { json, renderWithProviders } from '../../testing/render';
import { ExportJobsPage } from './ExportJobsPage';

const job = (over: Partial<ExportJob>): ExportJob => ({
  id: 'job-1',
  kind: 'goal',
  year: 2021,
  format: 'xlsx',
  status: 'running',
  total: 40,
  done: 10,
  fileName: '松江区科学技术委员会-2021年度绩效目标填报表（共40张）.xlsx',
  fileSize: null,
  createdAt: '2022-03-01T02:00:00.000Z',
  finishedAt: null,
  expiresAt: null,
  error: null,
  ...over,
});

describe('ExportJobsPage', () => {
  it('finds running and finished exports again once the dialog that started them is closed', async () => {
    global.fetch = jest.fn(async (url: string) =>
      url === '/api/exports'
        ? json(200, [
            job({}),
            job({
              id: 'job-0',
              kind: 'evaluation',
              status: 'done',
              done: 40,
              fileSize: 512_000,
              expiresAt: '2022-03-02T02:00:00.000Z',
            }),
          ])
        : json(404, { statusCode: 404, error: 'Not Found', message: url }),
    ) as unknown as typeof fetch;
    renderWithProviders(<ExportJobsPage />);
    expect(screen.getByRole('heading', { name: '导出任务' })).toBeInTheDocument();
    const list = await screen.findByRole('list', { name: '最近的导出' });
    const running = within(list).getByRole('listitem', { name: '2021 年度绩效目标填报表 · 工作簿' });
    expect(within(running).getByText('10 / 40')).toBeInTheDocument();
    const done = within(list).getByRole('listitem', { name: '2021 年度绩效自评表 · 工作簿' });
    expect(within(done).getByRole('link', { name: '下载' })).toHaveAttribute('href', '/api/exports/job-0/file');
  });
});
