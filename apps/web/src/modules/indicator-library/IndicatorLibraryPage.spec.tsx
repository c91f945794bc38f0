import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LibraryEntry } from '@jxt/contracts';
import { withFastComputedStyle } from '../../testing/fast-computed-style';
import { buttonName, json, renderWithProviders, user } from '../../testing/render';
import { TAXONOMY_2021 } from '../../testing/taxonomy';
import { yearSummary } from '../../testing/years';
import { IndicatorLibraryPage } from './IndicatorLibraryPage';

withFastComputedStyle();

const entry = (name: string, change: Partial<LibraryEntry> = {}): LibraryEntry => ({
  id: `id-${name}`,
  name,
  tier: 'common',
  shared: true,
  organizationId: 'o-bureau',
  organizationName: '松江区财政局',
  organizationKind: 'finance_bureau',
  level1Code: 'satisfaction',
  level2Code: 'service_satisfaction',
  nature: '定量',
  measureUnit: '%',
  unit: '%',
  valueForm: '>=90%',
  definition: `${name}的解释`,
  calculationMethod: null,
  functionClassCodes: [],
  projectTags: [],
  usageCount: 0,
  editable: false,
  retiredAt: null,
  updatedAt: '2021-01-01T00:00:00.000Z',
  ...change,
});

const ENTRIES = [
  entry('公众满意度', { usageCount: 3 }),
  entry('是否完成专家库的模块开发', {
    tier: 'unit',
    shared: false,
    organizationName: '科创中心',
    organizationKind: 'unit',
    level1Code: 'output',
    level2Code: 'quantity',
    valueForm: '是',
    unit: null,
    measureUnit: null,
    editable: true,
  }),
  entry('是否完成等保复测工作', {
    tier: 'unit',
    shared: false,
    level1Code: 'output',
    level2Code: 'quantity',
    editable: true,
    retiredAt: '2021-06-01T00:00:00.000Z',
  }),
];

let asked: URL[];
let posts: unknown[];
beforeEach(() => {
  asked = [];
  posts = [];
  global.fetch = jest.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/auth/me') return json(200, user('u-1', 'filer'));
    if (url === '/api/years') return json(200, { years: [yearSummary(2021, { projects: 3 })] });
    if (url === '/api/taxonomy?year=2021') return json(200, TAXONOMY_2021);
    if (url.startsWith('/api/code-lists')) return json(200, []);
    if (url === '/api/indicator-library' && init?.method === 'POST') {
      const body = JSON.parse(String(init.body)) as { name: string };
      posts.push(body);
      if (body.name === '公众满意度')
        return json(409, {
          statusCode: 409,
          error: 'Conflict',
          message: '本组织的指标库已有名为“公众满意度”的指标',
          fields: [{ field: 'name', message: '已有同名指标', value: '公众满意度' }],
        });
      return json(201, entry(body.name, { tier: 'unit', editable: true }));
    }
    if (url.startsWith('/api/indicator-library?')) {
      const query = new URL(url, 'http://x');
      asked.push(query);
      const q = query.searchParams.get('q');
      // The server matches Chinese words and pinyin initials; here gzmyd stands for 公众满意度.
      const items = q === 'gzmyd' ? ENTRIES.slice(0, 1) : ENTRIES;
      return json(200, { items, total: items.length, page: 1, pageSize: 50 });
    }
    return json(404, { statusCode: 404, error: 'Not Found', message: url });
  }) as unknown as typeof fetch;
});

describe('IndicatorLibraryPage (指标库)', () => {
  it('lists the tiers, greys 停用 entries, offers 编辑/停用 only for owned ones, and searches by pinyin initials', async () => {
    renderWithProviders(<IndicatorLibraryPage />, '/indicator-library');
    const common = (await screen.findByText('公众满意度', {}, { timeout: 5000 })).closest('tr')!;
    expect(within(common).getByText('共性指标')).toBeInTheDocument();
    expect(within(common).getByText('满意度指标 / 服务对象满意度指标')).toBeInTheDocument();
    expect(within(common).getByText('3 个项目')).toBeInTheDocument();
    // Not the filer's to change.
    expect(within(common).queryByRole('button', { name: buttonName('编辑') })).toBeNull();
    const own = screen.getByText('是否完成专家库的模块开发').closest('tr')!;
    expect(within(own).getByText('个性指标')).toBeInTheDocument();
    expect(within(own).getByRole('button', { name: buttonName('停用') })).toBeInTheDocument();
    const retired = screen.getByText('是否完成等保复测工作').closest('tr')!;
    expect(retired).toHaveClass('library-row-retired');
    expect(within(retired).getByText('已停用')).toBeInTheDocument();
    expect(within(retired).getByRole('button', { name: buttonName('启用') })).toBeInTheDocument();
    // The page asks for 停用 entries too, counted in the year shown.
    expect(asked[0].searchParams.get('includeRetired')).toBe('true');
    expect(asked[0].searchParams.get('year')).toBe('2021');

    await userEvent.type(screen.getByLabelText('检索指标'), 'gzmyd');
    await waitFor(() => expect(screen.queryByText('是否完成专家库的模块开发')).toBeNull());
    expect(asked.at(-1)!.searchParams.get('q')).toBe('gzmyd');
    expect(screen.getByText('公众满意度')).toBeInTheDocument();
  });

  it('adds a 个性指标 for the filer’s unit, showing a refusal at its field', async () => {
    renderWithProviders(<IndicatorLibraryPage />, '/indicator-library');
    await screen.findByText('公众满意度', {}, { timeout: 5000 });
    await userEvent.click(screen.getByRole('button', { name: buttonName('新增指标') }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('指标名称（三级指标）'), '公众满意度');
    await userEvent.click(within(dialog).getByLabelText('一级/二级指标'));
    await userEvent.click(
      await screen.findByText('服务对象满意度指标', { selector: '.ant-select-item-option-content' }),
    );
    await userEvent.type(within(dialog).getByLabelText('典型年度指标值'), '>=95%');
    await userEvent.click(within(dialog).getByRole('button', { name: buttonName('保存') }));
    expect(await within(dialog).findByText('已有同名指标')).toBeInTheDocument();
    expect(posts).toEqual([
      expect.objectContaining({
        tier: 'unit',
        name: '公众满意度',
        level1Code: 'satisfaction',
        level2Code: 'service_satisfaction',
        valueForm: '>=95%',
      }),
    ]);
  });
});
