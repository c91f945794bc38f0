import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CodeListItem, GoalForm, PreviousYear, SaveFormRequest } from '@jxt/contracts';
import { json, renderWithProviders } from '../../../testing/render';
import { withFastComputedStyle } from '../../../testing/fast-computed-style';
import { SEED_FORM_3 } from '../../../testing/seed-form-3';
import { TAXONOMY_2021 } from '../../../testing/taxonomy';
import { FormEditor } from './FormEditor';

jest.setTimeout(60_000);

const CATEGORIES: CodeListItem[] = [
  { list: 'project_category', year: null, code: 'recurring', label: '经常性项目', sortOrder: 1 },
  { list: 'project_category', year: null, code: 'one_off', label: '一次性项目', sortOrder: 2 },
];
const FUNCTION_CLASSES: CodeListItem[] = [
  { list: 'function_class', year: 2021, code: '206', label: '科学技术支出', sortOrder: 1 },
  { list: 'function_class', year: 2021, code: '20601', label: '科学技术管理事务', sortOrder: 2 },
  { list: 'function_class', year: 2021, code: '2060103', label: '机关服务', sortOrder: 3 },
  { list: 'function_class', year: 2021, code: '208', label: '社会保障和就业支出', sortOrder: 4 },
  { list: 'function_class', year: 2021, code: '20805', label: '行政事业单位养老支出', sortOrder: 5 },
  { list: 'function_class', year: 2021, code: '2080505', label: '机关事业单位基本养老保险缴费支出', sortOrder: 6 },
];

withFastComputedStyle();

let fetchMock: jest.Mock;
/** The bodies of the PUTs the editor sent. */
const saved = (): SaveFormRequest[] =>
  fetchMock.mock.calls
    .filter(([, init]) => init?.method === 'PUT')
    .map(([, init]) => JSON.parse(String(init.body)) as SaveFormRequest);

beforeEach(() => {
  window.scrollTo = jest.fn() as unknown as typeof window.scrollTo;
  Element.prototype.scrollIntoView = jest.fn();
  fetchMock = jest.fn(async () => json(200, SEED_FORM_3));
  global.fetch = fetchMock as unknown as typeof fetch;
});

const renderEditor = (form: GoalForm = SEED_FORM_3) =>
  renderWithProviders(
    <FormEditor
      form={form}
      taxonomy={TAXONOMY_2021}
      categories={CATEGORIES}
      functionClasses={FUNCTION_CLASSES}
      onDone={() => undefined}
      onReload={async () => undefined}
    />,
  );

/** An option of the open antd Select (its visible item, titled by its label). */
const pickOption = (label: string) =>
  waitFor(
    () =>
      document.querySelector(`.ant-select-item-option[title="${label}"]`) ??
      Promise.reject(new Error(`no option ${label}`)),
  );

const save = async () => {
  await userEvent.click(screen.getByRole('button', { name: /^保\s*存$/ }));
  await waitFor(() => expect(saved()).toHaveLength(1));
  return saved()[0];
};

describe('FormEditor: 项目总目标’s period', () => {
  it('proposes the planned dates’ years for a form that has none, and saves them', async () => {
    renderEditor({ ...SEED_FORM_3, goalPeriodStart: null, goalPeriodEnd: null });
    expect(screen.getByRole('spinbutton', { name: '项目总目标起始年度' })).toHaveValue('2021');
    expect(screen.getByRole('spinbutton', { name: '项目总目标终止年度' })).toHaveValue('2022');
    expect(screen.getByText(/已按计划日期和本表年度建议/)).toBeInTheDocument();
    expect(screen.queryByText('有未保存的修改')).toBeNull();
    expect(await save()).toMatchObject({ goalPeriodStart: 2021, goalPeriodEnd: 2022 });
  });

  it('edits the years; an end before the start is said at once, beside the years', async () => {
    renderEditor();
    const end = screen.getByRole('spinbutton', { name: '项目总目标终止年度' });
    await userEvent.clear(end);
    await userEvent.type(end, '2020');
    expect(screen.getByText('项目总目标终止年度（2020年）早于起始年度（2021年）')).toBeInTheDocument();
    await userEvent.clear(end);
    await userEvent.type(end, '2023');
    expect(screen.queryByText(/早于起始年度/)).toBeNull();
    expect(await save()).toMatchObject({ goalPeriodStart: 2021, goalPeriodEnd: 2023 });
  });

  it('warns when a carried-forward form keeps last year’s period', () => {
    renderEditor({ ...SEED_FORM_3, year: 2022 });
    expect(screen.getByText('项目总目标的期间（2021年-2021年）不含本表年度 2022年')).toBeInTheDocument();
  });

  it('shows the server’s 400 on a year at that year', async () => {
    fetchMock.mockImplementation(async (_url: string, init?: RequestInit) =>
      init?.method === 'PUT'
        ? json(400, {
            statusCode: 400,
            error: 'Bad Request',
            message: '有 1 处输入需要修改',
            fields: [{ field: 'goalPeriodEnd', message: '项目总目标终止年度应在 2000–2100 年之间', value: 2101 }],
          })
        : json(200, SEED_FORM_3),
    );
    renderEditor();
    await save();
    const summary = await screen.findByText(/未保存：有 1 处需要修改/);
    expect(summary.closest('.ant-alert')).toHaveTextContent(
      '项目总目标终止年度：项目总目标终止年度应在 2000–2100 年之间',
    );
    // beside the year itself, which the summary's link focuses
    const end = screen.getByRole('spinbutton', { name: '项目总目标终止年度' });
    expect(end).toHaveAccessibleDescription('项目总目标终止年度应在 2000–2100 年之间');
    await userEvent.click(
      within(summary.closest('.ant-alert') as HTMLElement).getByRole('link', { name: '项目总目标终止年度' }),
    );
    expect(end).toHaveFocus();
  });
});

describe('FormEditor: 新增/延续 and 功能分类科目', () => {
  it('shows both with their labels (never the code) and saves what the filer picks', async () => {
    renderEditor();
    const functionClass = screen.getByRole('combobox', { name: '功能分类科目' });
    const cell = functionClass.closest('td')!;
    expect(cell).toHaveTextContent('机关服务');
    expect(cell).not.toHaveTextContent('2060103');

    await userEvent.click(screen.getByRole('combobox', { name: '新增/延续' }));
    await userEvent.click(await pickOption('延续'));

    // search by the code or by the words
    await userEvent.click(functionClass);
    await userEvent.type(functionClass, '养老保险');
    expect(document.querySelectorAll('.ant-select-item-option .function-class-option')).toHaveLength(1);
    await userEvent.click(await pickOption('机关事业单位基本养老保险缴费支出'));
    expect(cell).toHaveTextContent('机关事业单位基本养老保险缴费支出');

    expect((await save()).project).toMatchObject({ continuity: 'continuing', functionClassCode: '2080505' });
  });
});

describe('FormEditor: removing a 三级指标 can be undone', () => {
  it('撤销 puts the row back at its place; the save keeps its id', async () => {
    renderEditor();
    const third = SEED_FORM_3.indicators.year[0].children[0].indicators[2];
    expect(screen.getByLabelText('三级指标 第3行')).toHaveValue(third.name);

    await userEvent.click(screen.getByRole('button', { name: '删除 第3行' }));
    expect(screen.getByLabelText('三级指标 第3行')).not.toHaveValue(third.name);
    const undo = screen.getByRole('button', { name: `撤销删除 第3行“${third.name}”` });
    // the keyboard is not lost with the row: it is on 撤销
    expect(undo).toHaveFocus();
    expect(screen.getByRole('status')).toHaveTextContent(`已删除 第3行“${third.name}”`);

    await userEvent.click(undo);
    expect(screen.getByLabelText('三级指标 第3行')).toHaveValue(third.name);
    expect(screen.getByLabelText('三级指标 第3行')).toHaveFocus();
    expect(screen.queryByRole('button', { name: /^撤销删除/ })).toBeNull();

    const request = await save();
    expect(request.indicators.year[0].children[0].indicators[2]).toMatchObject({ id: third.id, name: third.name });
    expect(request.indicators.year[0].children[0].indicators).toHaveLength(5);
  });

  it('Ctrl+Z outside a text box undoes the last removal (inside one it stays the text’s own undo)', async () => {
    renderEditor();
    const names = () =>
      screen.getAllByLabelText(/^三级指标 第\d+行$/).map((input) => (input as HTMLTextAreaElement).value);
    const before = names();
    await userEvent.click(screen.getByRole('button', { name: '删除 第1行' }));
    await userEvent.click(screen.getByRole('button', { name: '删除 第1行' }));
    expect(names()).toEqual(before.slice(2));

    // in a text box: the box's own undo, the rows stay as they are
    fireEvent.keyDown(screen.getByLabelText('三级指标 第1行'), { key: 'z', ctrlKey: true });
    expect(names()).toEqual(before.slice(2));

    await userEvent.keyboard('{Control>}z{/Control}'); // focus is on 撤销
    expect(names()).toEqual(before.slice(1));
    fireEvent.keyDown(screen.getByRole('article', { name: '编辑绩效目标填报表' }), { key: 'z', ctrlKey: true });
    expect(names()).toEqual(before);
  });
});

describe('FormEditor: 三级指标 and 年度指标值 in text areas that grow', () => {
  it('uses text areas; Enter still moves on (name → value → next name) instead of breaking the line', async () => {
    renderEditor();
    const name = screen.getByLabelText('三级指标 第2行');
    expect(name.tagName).toBe('TEXTAREA');
    expect(screen.getByLabelText('年度指标值 第2行').tagName).toBe('TEXTAREA');
    await userEvent.click(name);
    await userEvent.keyboard('{End}，以及机房环境温湿度、电源和设备运行是否正常{Enter}');
    expect(name).toHaveValue(
      '全年核心网络及安全、服务器存储运行是否稳定正常，以及机房环境温湿度、电源和设备运行是否正常',
    );
    expect(screen.getByLabelText('年度指标值 第2行')).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByLabelText('三级指标 第3行')).toHaveFocus();
  });
});

describe('FormEditor: amounts with thousands separators', () => {
  it('opens the seven amounts grouped as printed, and groups what is typed; the request carries the exact decimal string', async () => {
    renderEditor();
    const total = screen.getByLabelText('项目资金总额');
    expect(total).toHaveValue('8,927,300.00');
    expect(screen.getByLabelText('上年结转资金')).toHaveValue('0.00');

    await userEvent.clear(total);
    await userEvent.type(total, '18963662.79');
    expect(total).toHaveValue('18,963,662.79');

    // a digit typed in the middle: the grouping follows and the caret stays after it
    const fiscal = screen.getByLabelText('财政资金');
    await userEvent.click(fiscal);
    (fiscal as HTMLInputElement).setSelectionRange(1, 1); // 8|,927,300.00
    await userEvent.keyboard('1');
    expect(fiscal).toHaveValue('81,927,300.00');
    expect((fiscal as HTMLInputElement).selectionStart).toBe(2);
    // Backspace right after a separator takes the digit before it (the comma alone would come straight back)
    await userEvent.keyboard('{ArrowRight}{Backspace}'); // 81,|927,300.00
    expect(fiscal).toHaveValue('8,927,300.00');
    expect((fiscal as HTMLInputElement).selectionStart).toBe(1);
    await userEvent.keyboard('{Backspace}');
    expect(fiscal).toHaveValue('927,300.00');
    // 项目资金总额 is a sum: typing a part sets it to 财政资金 + 其他资金.
    expect(total).toHaveValue('927,300.00');

    const request = await save();
    expect(request.funds.totalAmount).toBe('927300.00');
    expect(request.funds.fiscalAmount).toBe('927300.00');
    expect(request.funds.carryOverAmount).toBe('0.00');
  });

  it('keeps text that is not an amount as typed, for the check beside it to name', async () => {
    renderEditor();
    const other = screen.getByLabelText('上年结转资金');
    await userEvent.clear(other);
    await userEvent.type(other, '12万');
    expect(other).toHaveValue('12万');
    expect(within(other.closest('td')!).getByText(/应为金额数字/)).toBeInTheDocument();
  });
});

describe('FormEditor: 延续 (a form carried from last year)', () => {
  it("shows last year's target, and the actual value its 自评表 recorded, beneath each carried 年度指标值", async () => {
    const l1 = SEED_FORM_3.indicators.year[0];
    const l2 = l1.children[0];
    const [first, second] = l2.indicators;
    const previous: PreviousYear = {
      formId: 'f-2021',
      year: 2021,
      revision: 1,
      indicators: [
        {
          indicatorSet: 'year',
          level1Code: l1.code,
          level2Code: l2.code,
          name: first.name,
          target: '否',
          actual: '否（全年无中断）',
        },
        {
          indicatorSet: 'year',
          level1Code: l1.code,
          level2Code: l2.code,
          name: second.name,
          target: '是',
          actual: null,
        },
      ],
    };
    fetchMock.mockImplementation(async (input: RequestInfo | URL) =>
      String(input).endsWith('/previous-year') ? json(200, previous) : json(200, SEED_FORM_3),
    );
    renderEditor({
      ...SEED_FORM_3,
      id: 'f-2022',
      year: 2022,
      carriedFrom: { formId: 'f-2021', year: 2021, revision: 1, status: 'finance_approved' },
    });
    expect(await screen.findByText('上年：否；实际：否（全年无中断）')).toBeInTheDocument();
    expect(screen.getByText('上年：是')).toBeInTheDocument();
    expect(String(fetchMock.mock.calls.find(([url]) => String(url).includes('previous-year'))?.[0])).toBe(
      '/api/forms/f-2022/previous-year',
    );
    // A new indicator of this year has nothing from last year.
    expect(document.querySelectorAll('.ind-previous')).toHaveLength(2);
  });

  it('offers, per goal, to move the years a carried goal names on, and saves the text with the new year', async () => {
    const previous: PreviousYear = { formId: 'f-2021', year: 2021, revision: 1, indicators: [] };
    fetchMock.mockImplementation(async (input: RequestInfo | URL) =>
      String(input).endsWith('/previous-year') ? json(200, previous) : json(200, SEED_FORM_3),
    );
    renderEditor({
      ...SEED_FORM_3,
      id: 'f-2022',
      year: 2022,
      totalGoal: '2021年-2022年建成平台。',
      annualGoal: '2021年完成接入，2021 年度培训4次。',
      carriedFrom: { formId: 'f-2021', year: 2021, revision: 1, status: 'finance_approved' },
    });
    // 项目总目标 names only the project's period: nothing to offer there.
    const offers = screen.getAllByRole('button', { name: /将文中 2021 年改为 2022 年/ });
    expect(offers.map((offer) => offer.textContent)).toEqual(['将文中 2021 年改为 2022 年（2 处）']);

    await userEvent.click(offers[0]);
    expect(screen.getByLabelText('年度总目标')).toHaveValue('2022年完成接入，2022 年度培训4次。');
    expect(screen.queryByRole('button', { name: /将文中 2021 年/ })).not.toBeInTheDocument();
    expect(await save()).toMatchObject({
      annualGoal: '2022年完成接入，2022 年度培训4次。',
      totalGoal: '2021年-2022年建成平台。',
    });
  });

  it('offers nothing on a form that was not carried', () => {
    renderEditor({ ...SEED_FORM_3, annualGoal: '2021年完成接入。' });
    expect(screen.queryByRole('button', { name: /将文中/ })).not.toBeInTheDocument();
  });
});
