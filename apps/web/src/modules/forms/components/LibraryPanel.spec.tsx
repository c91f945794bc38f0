import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FormSuggestion, GoalForm, LibraryEntry, SaveFormRequest } from '@jxt/contracts';
import { withFastComputedStyle } from '../../../testing/fast-computed-style';
import { buttonName, json, renderWithProviders } from '../../../testing/render';
import { SEED_FORM_3 } from '../../../testing/seed-form-3';
import { TAXONOMY_2021 } from '../../../testing/taxonomy';
import { FormEditor } from './FormEditor';

jest.setTimeout(60_000);
withFastComputedStyle();

const EMPTY: GoalForm = { ...SEED_FORM_3, indicators: { year: [], longTerm: null } };

const suggestion = (name: string, change: Partial<FormSuggestion> = {}): FormSuggestion => ({
  id: `id-${name}`,
  source: 'library',
  name,
  level1Code: 'output',
  level2Code: 'quantity',
  valueForm: '=1次',
  unit: '次',
  definition: `${name}的解释`,
  shared: true,
  usedBy: 0,
  examples: [],
  reasons: ['missingSlot'],
  score: 4,
  ...change,
});
const SUGGESTIONS = [
  suggestion('公众满意度', {
    level1Code: 'satisfaction',
    level2Code: 'service_satisfaction',
    valueForm: '>=90%',
    unit: '%',
    usedBy: 4,
    examples: [{ formId: 'f-1', projectName: '市民服务', value: '>=90%', unit: '%' }],
    reasons: ['missingSlot', 'similarProjects'],
  }),
  suggestion('培训场次'),
];
const entry = (name: string): LibraryEntry => ({
  id: `id-${name}`,
  name,
  valueForm: '及时',
  unit: null,
  definition: `${name}的解释`,
  shared: true,
  tier: 'common',
  organizationId: 'o-bureau',
  organizationName: '松江区财政局',
  organizationKind: 'finance_bureau',
  nature: null,
  measureUnit: null,
  calculationMethod: null,
  functionClassCodes: [],
  projectTags: [],
  usageCount: 2,
  editable: false,
  retiredAt: null,
  updatedAt: '2021-01-01T00:00:00.000Z',
  level1Code: 'output',
  level2Code: 'timeliness',
});

let asked: string[];
let bodies: { method: string; url: string; body: unknown }[];
beforeEach(() => {
  window.scrollTo = jest.fn() as unknown as typeof window.scrollTo;
  Element.prototype.scrollIntoView = jest.fn();
  asked = [];
  bodies = [];
  global.fetch = jest.fn(async (url: string, init?: RequestInit) => {
    asked.push(url);
    if (init?.method && init.method !== 'GET')
      bodies.push({ method: init.method, url, body: JSON.parse(String(init.body ?? 'null')) });
    if (url.endsWith('/suggestions')) return json(200, { items: SUGGESTIONS, total: SUGGESTIONS.length });
    if (url.startsWith('/api/indicator-library?'))
      return json(200, { items: [entry('项目完成及时率')], total: 1, page: 1, pageSize: 30 });
    if (url === '/api/indicator-library/from-form')
      return json(201, { ...entry('专家库模块开发'), tier: 'unit', shared: false });
    if (init?.method === 'PUT') return json(200, SEED_FORM_3);
    return json(200, SEED_FORM_3);
  }) as unknown as typeof fetch;
});

const renderEditor = (form: GoalForm) =>
  renderWithProviders(
    <FormEditor
      form={form}
      taxonomy={TAXONOMY_2021}
      categories={[]}
      functionClasses={[]}
      onDone={() => undefined}
      onReload={async () => undefined}
    />,
  );

/** The drawer, the editor's one dialog (the test environment gives every useId the same id: no name to find it by). */
const openPanel = async () => {
  const panel = await screen.findByRole('dialog');
  expect(within(panel).getByText('指标库', { selector: '.ant-drawer-title' })).toBeInTheDocument();
  return panel;
};

describe('FormEditor: the 指标库 drawer', () => {
  it('adds a suggestion in one click under its 一级/二级 (made where missing) with its typical value, and saves it', async () => {
    renderEditor(EMPTY);
    await userEvent.click(screen.getByRole('button', { name: '指标库' }));
    const panel = await openPanel();
    const list = await within(panel).findByRole('region', { name: '推荐指标' });
    // Why each is offered, and the in-scope similar project's target.
    expect(within(list).getByText(/补齐二级指标“服务对象满意度指标”，相似项目 4 个在用/)).toBeInTheDocument();
    expect(within(list).getByText('市民服务：>=90%')).toBeInTheDocument();

    await userEvent.click(within(list).getByRole('button', { name: '添加 公众满意度' }));
    expect(screen.getByRole('textbox', { name: '三级指标 第1行' })).toHaveValue('公众满意度');
    expect(screen.getByRole('textbox', { name: '年度指标值 第1行' })).toHaveValue('>=90%');
    expect(within(list).getByRole('button', { name: '添加 公众满意度' })).toBeDisabled();
    expect(within(list).getByRole('button', { name: '添加 公众满意度' })).toHaveTextContent('已添加');

    await userEvent.click(screen.getByRole('button', { name: buttonName('保存') }));
    await waitFor(() => expect(bodies.filter((b) => b.method === 'PUT')).toHaveLength(1));
    const request = bodies.find((b) => b.method === 'PUT')!.body as SaveFormRequest;
    expect(request.indicators.year).toEqual([
      {
        code: 'satisfaction',
        children: [
          {
            code: 'service_satisfaction',
            indicators: [
              expect.objectContaining({
                name: '公众满意度',
                rawValue: '>=90%',
                measureUnit: '%',
                explanation: '公众满意度的解释',
              }),
            ],
          },
        ],
      },
    ]);
  });

  it('asks for the 推荐指标 again after 保存: they rank the saved form', async () => {
    renderEditor(EMPTY);
    await userEvent.click(screen.getByRole('button', { name: '指标库' }));
    const panel = await openPanel();
    const list = await within(panel).findByRole('region', { name: '推荐指标' });
    await userEvent.click(within(list).getByRole('button', { name: '添加 培训场次' }));
    expect(asked.filter((url) => url.endsWith('/suggestions'))).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: buttonName('保存') }));
    await waitFor(() => expect(asked.filter((url) => url.endsWith('/suggestions'))).toHaveLength(2));
  });

  it('searches the library by pinyin initials (debounced) and adds a result', async () => {
    renderEditor(EMPTY);
    await userEvent.click(screen.getByRole('button', { name: '指标库' }));
    const panel = await openPanel();
    await userEvent.type(within(panel).getByRole('searchbox', { name: '检索指标库' }), 'xmwcjsl');
    const results = await within(panel).findByRole('region', { name: '检索结果' });
    expect(asked.filter((url) => url.startsWith('/api/indicator-library?'))).toEqual([
      '/api/indicator-library?q=xmwcjsl&year=2021&pageSize=30',
    ]);
    expect(within(results).getByText(/本年度 2 个项目在用/)).toBeInTheDocument();
    await userEvent.click(within(results).getByRole('button', { name: '添加 项目完成及时率' }));
    expect(screen.getByRole('textbox', { name: '三级指标 第1行' })).toHaveValue('项目完成及时率');
    expect(screen.getByRole('textbox', { name: '年度指标值 第1行' })).toHaveValue('及时');
  });

  it('adds a saved indicator of the form to the library in one action (加入指标库) and says so', async () => {
    renderEditor(SEED_FORM_3);
    const first = SEED_FORM_3.indicators.year[0].children[0].indicators[0];
    await userEvent.click(screen.getByRole('button', { name: '加入指标库 第1行' }));
    await waitFor(() =>
      expect(bodies).toContainEqual({
        method: 'POST',
        url: '/api/indicator-library/from-form',
        body: { formId: SEED_FORM_3.id, indicatorId: first.id },
      }),
    );
    expect(await screen.findByText('已加入指标库：专家库模块开发（本单位个性指标）')).toBeInTheDocument();
  });
});
