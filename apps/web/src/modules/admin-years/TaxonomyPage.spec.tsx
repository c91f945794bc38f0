import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReplaceTaxonomyRequest, TaxonomyNode, YearSummary } from '@jxt/contracts';
import { withFastComputedStyle } from '../../testing/fast-computed-style';
import { buttonName, json, renderWithProviders, user } from '../../testing/render';
import { TAXONOMY_2021 } from '../../testing/taxonomy';
import { TaxonomyPage } from './TaxonomyPage';
import { yearSummary } from '../../testing/years';

withFastComputedStyle();

const summary = (year: number, taxonomy: boolean): YearSummary => yearSummary(year, { taxonomy });

let puts: { url: string; body: ReplaceTaxonomyRequest }[];
let answer: (body: ReplaceTaxonomyRequest) => Response;
beforeEach(() => {
  puts = [];
  answer = (body) =>
    json(
      200,
      body.nodes.map((n): TaxonomyNode => ({ ...n, parentCode: n.parentCode ?? null, retired: n.retired ?? false })),
    );
  global.fetch = jest.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/auth/me') return json(200, user('u-1', 'admin'));
    if (url === '/api/years') return json(200, { years: [summary(2022, false), summary(2021, true)] });
    if (init?.method === 'PUT') {
      const body = JSON.parse(String(init.body)) as ReplaceTaxonomyRequest;
      puts.push({ url, body });
      return answer(body);
    }
    if (url === '/api/taxonomy?year=2021') return json(200, TAXONOMY_2021);
    if (url === '/api/taxonomy?year=2022') return json(200, []);
    return json(404, { statusCode: 404, error: 'Not Found', message: url });
  }) as unknown as typeof fetch;
});

const row = (name: string) => screen.getByDisplayValue(name).closest('tr')!;

describe('TaxonomyPage (指标体系)', () => {
  it('renames, reorders, retires and adds a 二级指标, and saves the year’s whole set in tree order', async () => {
    renderWithProviders(<TaxonomyPage />, '/admin/taxonomy', '/admin/taxonomy?year=2021');
    const quantity = await screen.findByDisplayValue('数量指标', {}, { timeout: 5000 });
    await userEvent.clear(quantity);
    await userEvent.type(quantity, '产出数量指标');
    await userEvent.click(screen.getByRole('button', { name: buttonName('上移质量指标') }));
    await userEvent.click(screen.getByRole('button', { name: buttonName('停用可持续影响指标') }));
    expect(within(row('可持续影响指标')).getByText('已停用')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: buttonName('在效益指标下新增二级指标') }));
    await userEvent.type(screen.getByLabelText('二级指标名称：（新）'), '绿色低碳指标');
    const code = screen.getByLabelText('绿色低碳指标的代码');
    await userEvent.clear(code);
    await userEvent.type(code, 'green');
    await userEvent.click(screen.getByRole('button', { name: buttonName('保存') }));

    await waitFor(() => expect(puts).toHaveLength(1));
    expect(puts[0].url).toBe('/api/taxonomy/2021');
    const sent = puts[0].body.nodes;
    expect(sent.filter((n) => n.parentCode === 'output').map((n) => [n.label, n.sortOrder])).toEqual([
      ['质量指标', 1],
      ['产出数量指标', 2],
      ['时效指标', 3],
      ['成本指标', 4],
    ]);
    expect(sent.find((n) => n.code === 'sustainable')).toMatchObject({ retired: true, parentCode: 'benefit' });
    expect(sent.find((n) => n.code === 'green')).toEqual({
      code: 'green',
      label: '绿色低碳指标',
      level: 2,
      parentCode: 'benefit',
      sortOrder: 5,
      retired: false,
    });
    // Each 一级 is followed by its 二级 (the server's nodes.N names rows in this order).
    expect(sent.slice(0, 6).map((n) => n.code)).toEqual([
      'output',
      'quality',
      'quantity',
      'timeliness',
      'cost',
      'benefit',
    ]);
    expect(await screen.findByText('已保存 2021 年度的指标体系')).toBeInTheDocument();
  });

  it('shows a refusal at its row, and one that names no row above the table', async () => {
    answer = (body) => {
      const index = body.nodes.findIndex((n) => n.code === 'quality');
      return json(409, {
        statusCode: 409,
        error: 'Conflict',
        message: '…',
        fields: [
          {
            field: `nodes.${index}.parentCode`,
            message: '二级指标“质量指标”仍被本年度 3 张绩效目标表使用，不能移到其他一级指标下',
          },
          {
            field: 'nodes',
            message: '二级指标“时效指标”仍被本年度 3 张绩效目标表使用，不能删除，可改为停用',
            value: 'timeliness',
          },
        ],
      });
    };
    renderWithProviders(<TaxonomyPage />, '/admin/taxonomy', '/admin/taxonomy?year=2021');
    await screen.findByDisplayValue('时效指标', {}, { timeout: 5000 });
    await userEvent.click(screen.getByRole('button', { name: buttonName('删除时效指标') }));
    await userEvent.click(screen.getByRole('button', { name: buttonName('保存') }));
    expect(await within(row('质量指标')).findByRole('alert')).toHaveTextContent('不能移到其他一级指标下');
    expect(
      screen.getByText('二级指标“时效指标”仍被本年度 3 张绩效目标表使用，不能删除，可改为停用'),
    ).toBeInTheDocument();
  });

  it('retiring a 一级 retires its 二级, whose 启用 waits for the 一级', async () => {
    renderWithProviders(<TaxonomyPage />, '/admin/taxonomy', '/admin/taxonomy?year=2021');
    await screen.findByDisplayValue('满意度指标', {}, { timeout: 5000 });
    await userEvent.click(screen.getByRole('button', { name: buttonName('停用满意度指标') }));
    expect(within(row('服务对象满意度指标')).getByText('已停用')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: buttonName('启用服务对象满意度指标') })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: buttonName('启用满意度指标') }));
    expect(screen.getByRole('button', { name: buttonName('启用服务对象满意度指标') })).toBeEnabled();
  });

  it('offers a year without a taxonomy the newest earlier year’s, saved only when the admin saves', async () => {
    renderWithProviders(<TaxonomyPage />, '/admin/taxonomy', '/admin/taxonomy?year=2022');
    expect(await screen.findByText('2022 年度还没有指标体系', {}, { timeout: 5000 })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: buttonName('复制 2021 年度的指标体系') }));
    expect(await screen.findByDisplayValue('服务对象满意度指标')).toBeInTheDocument();
    expect(puts).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: buttonName('保存') }));
    await waitFor(() => expect(puts.map((p) => [p.url, p.body.nodes.length])).toEqual([['/api/taxonomy/2022', 12]]));
  });
});
