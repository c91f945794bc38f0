import { TAXONOMY_2021 as TAXONOMY } from '../../testing/taxonomy';
import {
  createDraft,
  draftReducer,
  fieldIdIndicator,
  fieldIdLevel2,
  mapFieldError,
  rowNumberOf,
  toRequest,
  UNDO_REMOVE_ID,
  type DraftAction,
  type FormDraft,
} from './form-draft';
import { SEED_FORM_3 } from '../../testing/seed-form-3';
import { toSaveRequest } from '@jxt/domain';

const apply = (state: FormDraft, ...actions: DraftAction[]) => actions.reduce(draftReducer, state);
const names = (draft: FormDraft, l1: number, l2: number) => draft.year[l1].children[l2].indicators.map((i) => i.name);

describe('form draft', () => {
  it('round-trips a form unchanged: GoalForm → draft → SaveFormRequest equals toSaveRequest', () => {
    const draft = createDraft(SEED_FORM_3);
    expect(draft.dirty).toBe(false);
    // amounts open grouped, as the sheet prints them; the request carries the stored decimal string again
    expect(draft.funds.totalAmount).toBe('8,927,300.00');
    expect(draft.funds.otherAmount).toBe('0.00');
    expect(toRequest(draft)).toEqual(toSaveRequest(SEED_FORM_3));
  });

  it('keeps typed text as typed; amounts are normalised only when they read, never floats', () => {
    const draft = apply(
      createDraft(SEED_FORM_3),
      { type: 'fund', field: 'totalAmount', value: '8,927,300' },
      { type: 'fund', field: 'carryOverAmount', value: '' },
      { type: 'fund', field: 'otherAmount', value: '12.345' },
      { type: 'indicator', at: { l1: 0, l2: 0, index: 0 }, field: 'rawValue', value: ' ≥ 90％ ' },
      { type: 'goal', field: 'annualGoal', value: '  ' },
    );
    expect(draft.dirty).toBe(true);
    expect(draft.funds.totalAmount).toBe('8,927,300');
    const request = toRequest(draft);
    expect(request.funds.totalAmount).toBe('8927300.00');
    expect(request.funds.carryOverAmount).toBeNull();
    expect(request.funds.otherAmount).toBe('12.345'); // the server names it; the text is not lost
    expect(request.indicators.year[0].children[0].indicators[0].rawValue).toBe(' ≥ 90％ ');
    expect(request.annualGoal).toBeNull();
    expect(request.rowVersion).toBe(SEED_FORM_3.rowVersion);
  });

  it('adds, removes and moves level-3 indicators within their level-2 group', () => {
    let draft = createDraft(SEED_FORM_3);
    const before = names(draft, 0, 0);
    draft = apply(draft, { type: 'moveIndicator', at: { l1: 0, l2: 0, index: 0 }, by: 1 });
    expect(names(draft, 0, 0).slice(0, 2)).toEqual([before[1], before[0]]);
    // out of the group: nothing happens
    expect(apply(draft, { type: 'moveIndicator', at: { l1: 0, l2: 0, index: 0 }, by: -1 })).toBe(draft);
    expect(apply(draft, { type: 'moveIndicator', at: { l1: 0, l2: 0, index: 4 }, by: 1 })).toBe(draft);

    draft = apply(draft, { type: 'addIndicator', l1: 0, l2: 1 });
    expect(names(draft, 0, 1)).toEqual(['项目验收合格率', '']);
    const added = draft.year[0].children[1].indicators[1];
    expect(added.id).toBeUndefined();
    expect(draft.focus).toBe(fieldIdIndicator(added.key, 'name'));

    draft = apply(draft, { type: 'addIndicator', l1: 0, l2: 0, after: 0 });
    expect(names(draft, 0, 0)[1]).toBe('');
    draft = apply(draft, { type: 'removeIndicator', at: { l1: 0, l2: 0, index: 1 } });
    expect(names(draft, 0, 0)).toEqual([before[1], before[0], ...before.slice(2)]);

    const request = toRequest(draft);
    expect(request.indicators.year[0].children[1].indicators[1]).toEqual({
      name: '',
      rawValue: '',
      weight: null,
      scoringNotes: null,
      explanation: null,
      remark: null,
      nature: null,
      measureUnit: null,
    });
    // unchanged rows keep their ids
    expect(request.indicators.year[0].children[0].indicators[0].id).toBe(
      SEED_FORM_3.indicators.year[0].children[0].indicators[1].id,
    );
  });

  it('copies only the path to a changed row, so other rows keep their identity (memoised rows skip)', () => {
    const draft = createDraft(SEED_FORM_3);
    const next = draftReducer(draft, {
      type: 'indicator',
      at: { l1: 1, l2: 0, index: 1 },
      field: 'name',
      value: '信息公开率',
    });
    expect(next.year[0]).toBe(draft.year[0]);
    expect(next.year[1].children[1]).toBe(draft.year[1].children[1]);
    expect(next.year[1].children[0].indicators[0]).toBe(draft.year[1].children[0].indicators[0]);
    expect(next.year[1].children[0].indicators[1]).not.toBe(draft.year[1].children[0].indicators[1]);
  });

  it('adds a level-2 group in taxonomy order with one empty row, and a missing level-1 group', () => {
    let draft = createDraft(SEED_FORM_3);
    draft = apply(draft, { type: 'addLevel2', l1: 0, code: 'cost', taxonomy: TAXONOMY });
    expect(draft.year[0].children.map((g) => g.code)).toEqual(['quantity', 'quality', 'timeliness', 'cost']);
    draft = apply(draft, { type: 'addLevel2', l1: 1, code: 'economic', taxonomy: TAXONOMY });
    expect(draft.year[1].children.map((g) => g.code)).toEqual(['economic', 'social', 'sustainable']);
    expect(draft.year[1].children[0].indicators).toHaveLength(1);
    // a code already present is not added twice
    expect(apply(draft, { type: 'addLevel2', l1: 1, code: 'social', taxonomy: TAXONOMY })).toBe(draft);

    draft = apply(draft, { type: 'removeLevel1', l1: 2 });
    expect(draft.year.map((g) => g.code)).toEqual(['output', 'benefit']);
    draft = apply(draft, { type: 'addLevel1', code: 'satisfaction', taxonomy: TAXONOMY });
    expect(draft.year.map((g) => g.code)).toEqual(['output', 'benefit', 'satisfaction']);
    expect(draft.year[2].children).toEqual([]);
    draft = apply(draft, { type: 'addLevel2', l1: 2, code: 'service_satisfaction', taxonomy: TAXONOMY });
    expect(toRequest(draft).indicators.year[2]).toEqual({
      code: 'satisfaction',
      children: [{ code: 'service_satisfaction', indicators: [expect.objectContaining({ name: '', rawValue: '' })] }],
    });
  });

  it('maps the 400 field paths to the inputs and keeps every typed text', () => {
    let draft = apply(
      createDraft(SEED_FORM_3),
      { type: 'fund', field: 'totalAmount', value: '12.345' },
      { type: 'header', field: 'name', value: '' },
    );
    const row = draft.year[0].children[1].indicators[0];
    draft = draftReducer(draft, {
      type: 'serverErrors',
      fields: [
        { field: 'project.name', message: '请填写项目名称', value: '' },
        { field: 'funds.totalAmount', message: '金额最多保留两位小数（分）', value: '12.345' },
        { field: 'indicators.year.0.children.1.indicators.0.rawValue', message: '太长' },
        { field: 'indicators.year.1.children.1.code', message: '不在指标体系中' },
        { field: 'indicators.longTerm.0.code', message: '长期指标有误' },
      ],
    });
    expect(draft.errors).toEqual({
      'project.name': '请填写项目名称',
      'funds.totalAmount': '金额最多保留两位小数（分）',
      [fieldIdIndicator(row.key, 'rawValue')]: '太长',
      [fieldIdLevel2(draft.year[1].children[1].key)]: '不在指标体系中',
    });
    expect(draft.errorSummary.map((item) => item.label)).toEqual([
      '项目名称',
      '项目资金总额',
      '年度指标值 第6行',
      '二级指标',
      'indicators.longTerm.0.code',
    ]);
    expect(draft.errorSummary[4].fieldId).toBeNull();
    expect(draft.funds.totalAmount).toBe('12.345');

    // the error follows its row when rows move, and goes when the input is edited
    draft = apply(draft, { type: 'moveIndicator', at: { l1: 0, l2: 0, index: 4 }, by: -1 });
    expect(draft.errors[fieldIdIndicator(row.key, 'rawValue')]).toBe('太长');
    draft = apply(
      draft,
      { type: 'indicator', at: { l1: 0, l2: 1, index: 0 }, field: 'rawValue', value: '=100%' },
      { type: 'fund', field: 'totalAmount', value: '12.34' },
    );
    expect(Object.keys(draft.errors)).toEqual(['project.name', fieldIdLevel2(draft.year[1].children[1].key)]);
  });

  it('names the cap on 三级指标 (a 400 on the whole tree) as 绩效指标, with the server’s sentence', () => {
    const message = '每张表最多 500 个三级指标，现有 501 个，请删减';
    const draft = draftReducer(createDraft(SEED_FORM_3), {
      type: 'serverErrors',
      fields: [{ field: 'indicators', message }],
    });
    expect(draft.errorSummary).toEqual([{ fieldId: null, label: '绩效指标', message }]);
  });

  it('names funds, goals and indicator rows in the words of the form', () => {
    const draft = createDraft(SEED_FORM_3);
    expect(mapFieldError(draft, { field: 'funds.annualOtherAmount', message: 'x' }).label).toBe('其他资金（年度栏）');
    expect(mapFieldError(draft, { field: 'totalGoal', message: 'x' })).toEqual({
      fieldId: 'totalGoal',
      label: '项目总目标',
      message: 'x',
    });
    expect(mapFieldError(draft, { field: 'indicators.year.2.children.0.indicators.2.name', message: 'x' }).label).toBe(
      '三级指标 第15行',
    );
    expect(rowNumberOf(draft.year, { l1: 1, l2: 1, index: 0 })).toBe(11);
    expect(mapFieldError(draft, { field: 'rowVersion', message: 'x' }).fieldId).toBeNull();
  });

  it('opens a form without a 项目总目标 period on a proposal (the planned dates’ years), saved unless changed; not marked as an edit', () => {
    const blank = { ...SEED_FORM_3, goalPeriodStart: null, goalPeriodEnd: null };
    let draft = createDraft(blank);
    expect([draft.goalPeriodStart, draft.goalPeriodEnd]).toEqual([2021, 2022]);
    expect(draft.goalPeriodProposed).toBe(true);
    expect(draft.dirty).toBe(false);
    expect(toRequest(draft)).toMatchObject({ goalPeriodStart: 2021, goalPeriodEnd: 2022 });

    draft = apply(draft, { type: 'goalPeriod', field: 'goalPeriodEnd', value: 2023 });
    expect(draft).toMatchObject({ goalPeriodStart: 2021, goalPeriodEnd: 2023, goalPeriodProposed: false, dirty: true });
    expect(toRequest(draft)).toMatchObject({ goalPeriodStart: 2021, goalPeriodEnd: 2023 });
    draft = apply(draft, { type: 'goalPeriod', field: 'goalPeriodStart', value: null });
    expect(toRequest(draft).goalPeriodStart).toBeNull();

    // a form that has its years keeps them, even a carried-forward one's old years (the check warns about those)
    const kept = createDraft({ ...SEED_FORM_3, year: 2022 });
    expect([kept.goalPeriodStart, kept.goalPeriodEnd, kept.goalPeriodProposed]).toEqual([2021, 2021, false]);
    expect(mapFieldError(kept, { field: 'goalPeriodEnd', message: 'x' })).toEqual({
      fieldId: 'goalPeriodEnd',
      label: '项目总目标终止年度',
      message: 'x',
    });
  });

  it('edits 新增/延续 and 功能分类科目 as codes, and maps their 400s to their inputs', () => {
    let draft = apply(
      createDraft(SEED_FORM_3),
      { type: 'header', field: 'continuity', value: 'continuing' },
      { type: 'header', field: 'functionClassCode', value: '2080505' },
    );
    expect(toRequest(draft).project).toMatchObject({ continuity: 'continuing', functionClassCode: '2080505' });
    draft = apply(draft, { type: 'header', field: 'functionClassCode', value: null });
    expect(toRequest(draft).project.functionClassCode).toBeNull();
    expect(mapFieldError(draft, { field: 'project.continuity', message: 'x' })).toEqual({
      fieldId: 'project.continuity',
      label: '新增/延续',
      message: 'x',
    });
    expect(mapFieldError(draft, { field: 'project.functionClassCode', message: 'x' }).fieldId).toBe(
      'project.functionClassCode',
    );
  });

  it('undoes the removal of an indicator: the row comes back at its place, with its id and text', () => {
    const draft = createDraft(SEED_FORM_3);
    const group = draft.year[0].children[0];
    const removed = group.indicators[2];
    let next = apply(draft, { type: 'removeIndicator', at: { l1: 0, l2: 0, index: 2 } });
    expect(names(next, 0, 0)).not.toContain(removed.name);
    expect(next.removed).toEqual([{ row: removed, groupKey: group.key, index: 2, rowNumber: 3 }]);
    expect(next.focus).toBe(UNDO_REMOVE_ID);

    // a second removal, then two undos: last removed, first restored
    next = apply(next, { type: 'removeIndicator', at: { l1: 0, l2: 0, index: 0 } });
    next = apply(next, { type: 'restoreIndicator' });
    expect(next.removed).toHaveLength(1);
    next = apply(next, { type: 'restoreIndicator' });
    expect(names(next, 0, 0)).toEqual(names(draft, 0, 0));
    expect(next.year[0].children[0].indicators[2]).toBe(removed);
    expect(next.focus).toBe(fieldIdIndicator(removed.key, 'name'));
    expect(toRequest(next).indicators).toEqual(toRequest(draft).indicators);
    // nothing left to undo
    expect(apply(next, { type: 'restoreIndicator' }).year).toBe(next.year);
  });

  it('puts a restored row at the end of its group when the group has shrunk, and forgets rows whose group is gone', () => {
    let draft = createDraft(SEED_FORM_3);
    // 质量指标 has one row: remove it, then the empty group; nothing to restore into
    draft = apply(
      draft,
      { type: 'removeIndicator', at: { l1: 0, l2: 1, index: 0 } },
      { type: 'removeLevel2', l1: 0, l2: 1 },
    );
    expect(draft.removed).toEqual([]);

    draft = createDraft(SEED_FORM_3);
    const last = draft.year[0].children[0].indicators[4];
    draft = apply(
      draft,
      { type: 'removeIndicator', at: { l1: 0, l2: 0, index: 4 } },
      { type: 'removeIndicator', at: { l1: 0, l2: 0, index: 3 } },
      { type: 'removeIndicator', at: { l1: 0, l2: 0, index: 2 } },
    );
    draft = { ...draft, removed: draft.removed.slice(0, 1) };
    draft = apply(draft, { type: 'restoreIndicator' });
    expect(draft.year[0].children[0].indicators.at(-1)).toBe(last);
  });
});

describe('form draft: fewer amounts to type', () => {
  const blankFunds = {
    ...SEED_FORM_3,
    funds: Object.fromEntries(Object.keys(SEED_FORM_3.funds).map((field) => [field, null])) as typeof SEED_FORM_3.funds,
  };

  it('proposes 0.00 for 上年结转资金 and both 其他资金 on a form with no amounts, and leaves a filled form as it is', () => {
    expect(createDraft(blankFunds).funds).toEqual({
      totalAmount: '',
      fiscalAmount: '',
      otherAmount: '0.00',
      annualAmount: '',
      annualFiscalAmount: '',
      carryOverAmount: '0.00',
      annualOtherAmount: '0.00',
    });
    expect(createDraft(SEED_FORM_3).funds.totalAmount).toBe('8,927,300.00');
  });

  it('fills each total in as its parts are typed, and leaves it while a part is not money', () => {
    let draft = createDraft(blankFunds);
    draft = draftReducer(draft, { type: 'fund', field: 'fiscalAmount', value: '1,000.50' });
    draft = draftReducer(draft, { type: 'fund', field: 'annualFiscalAmount', value: '800' });
    draft = draftReducer(draft, { type: 'fund', field: 'carryOverAmount', value: '0.25' });
    expect(draft.funds).toMatchObject({ totalAmount: '1,000.50', annualAmount: '800.25' });
    draft = draftReducer(draft, { type: 'fund', field: 'otherAmount', value: '12万' });
    expect(draft.funds.totalAmount).toBe('1,000.50');
  });
});
