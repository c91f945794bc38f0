import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CodeListItem } from '@jxt/contracts';
import { withFastComputedStyle } from '../../testing/fast-computed-style';
import { buttonName, json, renderWithProviders, user } from '../../testing/render';
import { CodeListsPage } from './CodeListsPage';
import { yearSummary } from '../../testing/years';

withFastComputedStyle();

const year2022 = yearSummary(2022);
const item = (list: string, year: number | null, code: string, label: string, sortOrder: number): CodeListItem => ({
  list,
  year,
  code,
  label,
  sortOrder,
});

let puts: { url: string; body: unknown }[];
let refuse: boolean;
beforeEach(() => {
  puts = [];
  refuse = false;
  global.fetch = jest.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/auth/me') return json(200, user('u-1', 'admin'));
    if (url === '/api/years') return json(200, { years: [year2022] });
    if (init?.method === 'PUT') {
      const body = JSON.parse(String(init.body)) as { items: { code: string; label: string }[] };
      puts.push({ url, body });
      if (refuse)
        return json(409, { statusCode: 409, error: 'Conflict', message: '以下代码仍在使用，不能删除：recurring' });
      return json(
        200,
        body.items.map((i, n) => item('x', null, i.code, i.label, n + 1)),
      );
    }
    if (url === '/api/code-lists?list=project_category')
      return json(200, [
        item('project_category', null, 'recurring', '经常性项目', 1),
        item('project_category', null, 'one_off', '一次性项目', 2),
      ]);
    if (url === '/api/code-lists?list=function_class&year=2022')
      return json(200, [item('function_class', 2022, '206', '科学技术支出', 1)]);
    // 2023 has no version of its own: the API answers the one in force, 2022's.
    if (url === '/api/code-lists?list=function_class&year=2023')
      return json(200, [item('function_class', 2022, '206', '科学技术支出', 1)]);
    return json(404, { statusCode: 404, error: 'Not Found', message: url });
  }) as unknown as typeof fetch;
});

describe('CodeListsPage (代码表)', () => {
  it('edits a tenant-wide list: rename, reorder, add, and save it whole', async () => {
    renderWithProviders(<CodeListsPage />, '/admin/code-lists');
    const second = await screen.findByLabelText('第 2 项名称', {}, { timeout: 5000 });
    expect(second).toHaveValue('一次性项目');
    await userEvent.clear(second);
    await userEvent.type(second, '一次性项目（新）');
    await userEvent.click(screen.getAllByRole('button', { name: buttonName('上移') })[1]);
    await userEvent.click(screen.getByRole('button', { name: buttonName('新增一项') }));
    await userEvent.type(screen.getByLabelText('第 3 项代码'), 'phased');
    await userEvent.type(screen.getByLabelText('第 3 项名称'), '阶段性项目');
    await userEvent.click(screen.getByRole('button', { name: buttonName('保存') }));
    await waitFor(() =>
      expect(puts).toEqual([
        {
          url: '/api/code-lists/project_category',
          body: {
            items: [
              { code: 'one_off', label: '一次性项目（新）' },
              { code: 'recurring', label: '经常性项目' },
              { code: 'phased', label: '阶段性项目' },
            ],
          },
        },
      ]),
    );
  });

  it('edits 功能分类科目 of the chosen year only', async () => {
    renderWithProviders(<CodeListsPage />, '/admin/code-lists', '/admin/code-lists?list=function_class&year=2022');
    expect(await screen.findByLabelText('第 1 项名称', {}, { timeout: 5000 })).toHaveValue('科学技术支出');
    expect(screen.getByText(/功能分类科目按年度管理/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: buttonName('保存') }));
    await waitFor(() => expect(puts.map((p) => p.url)).toEqual(['/api/code-lists/function_class?year=2022']));
  });

  it('says when a year shows the version in force from an earlier year, and saves it as the year’s own', async () => {
    renderWithProviders(<CodeListsPage />, '/admin/code-lists', '/admin/code-lists?list=function_class&year=2023');
    expect(await screen.findByLabelText('第 1 项名称', {}, { timeout: 5000 })).toHaveValue('科学技术支出');
    expect(
      screen.getByText('2023 年度尚无自己的版本，沿用 2022 年度的版本；保存后成为 2023 年度的版本。'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: buttonName('保存') }));
    await waitFor(() => expect(puts.map((p) => p.url)).toEqual(['/api/code-lists/function_class?year=2023']));
  });

  it('shows why a save was refused', async () => {
    refuse = true;
    renderWithProviders(<CodeListsPage />, '/admin/code-lists');
    await userEvent.click(await screen.findByRole('button', { name: '删除第 1 项' }, { timeout: 5000 }));
    await userEvent.click(screen.getByRole('button', { name: buttonName('保存') }));
    expect(await screen.findByText('以下代码仍在使用，不能删除：recurring')).toBeInTheDocument();
  });
});
