import { screen } from '@testing-library/react';
import type { FormHistoryEntry } from '@jxt/contracts';
import { json, renderWithProviders } from '../../../testing/render';
import { FormTimeline } from './FormTimeline';

const entry = (id: string, extra: Partial<FormHistoryEntry>): FormHistoryEntry => ({
  id,
  kind: 'save',
  action: null,
  fromStatus: null,
  toStatus: null,
  actorName: '张文',
  actorRoles: ['filer'],
  actorOrganizationName: '上海市松江区科技创新服务中心（上海市松江区大数据中心）',
  comment: null,
  field: null,
  reviewResult: null,
  changes: null,
  filer: null,
  rowVersion: 2,
  at: '2021-03-01T02:00:00.000Z',
  ...extra,
});

// form_event.changes keeps what was stored: codes, plain amounts and null for a blank.
const SAVE = entry('1', {
  changes: [
    { field: 'project.categoryCode', label: '项目类别', before: 'recurring', after: 'one_off' },
    { field: 'project.continuity', label: '新增/延续', before: null, after: 'continuing' },
    { field: 'project.functionClassCode', label: '功能分类科目', before: '2060103', after: null },
    { field: 'funds.totalAmount', label: '项目资金总额', before: '8927300.00', after: '9000000.00' },
  ],
});
const SUBMIT = entry('2', {
  kind: 'transition',
  action: 'submit',
  fromStatus: 'draft',
  toStatus: 'submitted',
  filer: { name: '张文', phone: '021-57820101' },
  rowVersion: 3,
  at: '2021-03-02T02:00:00.000Z',
});

// The first entry of a next year's form carried forward (延续).
const CARRIED = entry('3', {
  kind: 'transition',
  toStatus: 'draft',
  comment: '由 2021 年度已审核版本生成（第 1 版）',
  rowVersion: 1,
});

// A past year's revision imported from its 自评表 (docs/domain.md §4.1).
const IMPORTED = entry('4', {
  kind: 'import',
  toStatus: 'finance_approved',
  comment: '导入的历史记录（由往年自评表导入，未经系统审核流程）',
  rowVersion: 3,
});

const CODE_LISTS: Record<string, { list: string; code: string; label: string; sortOrder: number }[]> = {
  project_category: [
    { list: 'project_category', code: 'recurring', label: '经常性项目', sortOrder: 1 },
    { list: 'project_category', code: 'one_off', label: '一次性项目', sortOrder: 2 },
  ],
  function_class: [{ list: 'function_class', code: '2060103', label: '机关服务', sortOrder: 1 }],
};

beforeEach(() => {
  global.fetch = jest.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://localhost');
    if (url.pathname === '/api/forms/f1/history') return json(200, [SAVE, SUBMIT]);
    if (url.pathname === '/api/forms/f2/history') return json(200, [CARRIED]);
    if (url.pathname === '/api/forms/f3/history') return json(200, [IMPORTED]);
    // 功能分类科目 has versions by year: only the form year's (2021) names the code.
    if (url.pathname === '/api/code-lists' && url.searchParams.get('list') === 'function_class')
      return json(200, url.searchParams.get('year') === '2021' ? CODE_LISTS.function_class : []);
    if (url.pathname === '/api/code-lists') return json(200, CODE_LISTS[url.searchParams.get('list') ?? ''] ?? []);
    return json(404, { statusCode: 404, error: 'Not Found', message: 'no' });
  }) as typeof fetch;
});

describe('FormTimeline (审批记录)', () => {
  it("reads a save's coded fields by the tenant's labels and a blank as —, as 修订对比 does", async () => {
    renderWithProviders(<FormTimeline formId="f1" year={2021} status="submitted" />);
    await screen.findByText('一次性项目');
    const changes = document.querySelector('ul.timeline-changes')!;
    expect([...changes.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      '项目类别：经常性项目 → 一次性项目',
      '新增/延续：— → 延续',
      '功能分类科目：机关服务 → —',
      '项目资金总额：8,927,300.00 → 9,000,000.00',
    ]);
  });

  it('shows who filed a 提交 and their 联系电话', async () => {
    renderWithProviders(<FormTimeline formId="f1" year={2021} status="submitted" />);
    await screen.findByText('张文', { selector: '.timeline-filer *, .timeline-filer', exact: false });
    expect(document.querySelector('.timeline-filer')).toHaveTextContent('填报人：张文 联系电话：021-57820101');
  });

  it("says where a next year's form came from", async () => {
    renderWithProviders(<FormTimeline formId="f2" year={2021} status="draft" />);
    expect(await screen.findByText('由 2021 年度已审核版本生成（第 1 版）')).toBeInTheDocument();
    expect(document.querySelector('.timeline-states')).toHaveTextContent('新建 → 草稿');
  });

  it('says an imported revision was locked without 提交 or 审核', async () => {
    renderWithProviders(<FormTimeline formId="f3" year={2019} status="finance_approved" />);
    expect(await screen.findByText('导入的历史记录（由往年自评表导入，未经系统审核流程）')).toBeInTheDocument();
    expect(screen.getByText('导入')).toBeInTheDocument();
    expect(document.querySelector('.timeline-states')).toHaveTextContent('导入为财政已审核（未经系统审核流程）');
  });
});
