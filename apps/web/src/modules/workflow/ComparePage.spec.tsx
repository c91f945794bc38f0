import { screen, within } from '@testing-library/react';
import type { GoalForm } from '@jxt/contracts';
import { SEED_FORM_3 } from '../../testing/seed-form-3';
import { json, renderWithProviders } from '../../testing/render';
import { ComparePage } from './ComparePage';
import { compareRevisions } from './revision-diff';

// Revision 2 (after 调整): other ids throughout, a changed amount and one changed 年度指标值.
const renumber = (form: GoalForm, prefix: string): GoalForm => ({
  ...form,
  indicators: {
    ...form.indicators,
    year: form.indicators.year.map((l1) => ({
      ...l1,
      children: l1.children.map((l2) => ({
        ...l2,
        indicators: l2.indicators.map((i) => ({ ...i, id: `${prefix}-${i.id}` })),
      })),
    })),
  },
});
const REV1: GoalForm = { ...SEED_FORM_3, id: 'rev-1', revision: 1, status: 'finance_approved' };
const base2 = renumber(
  {
    ...SEED_FORM_3,
    id: 'rev-2',
    revision: 2,
    status: 'draft',
    funds: { ...SEED_FORM_3.funds, totalAmount: '9000000.00' },
  },
  'r2',
);
const firstIndicator = base2.indicators.year[0].children[0].indicators[0];
const REV2: GoalForm = {
  ...base2,
  indicators: {
    ...base2.indicators,
    year: base2.indicators.year.map((l1, i) =>
      i === 0
        ? {
            ...l1,
            children: l1.children.map((l2, j) =>
              j === 0
                ? { ...l2, indicators: [{ ...firstIndicator, rawValue: '≥2次' }, ...l2.indicators.slice(1)] }
                : l2,
            ),
          }
        : l1,
    ),
  },
};

// Revision 3: a new 项目类别, 新增 instead of blank, 功能分类科目 cleared, 实施单位 filled in.
const REV3: GoalForm = {
  ...REV2,
  id: 'rev-3',
  revision: 3,
  project: {
    ...REV2.project,
    categoryCode: 'one_off',
    categoryLabel: '一次性项目',
    continuity: 'new',
    functionClassCode: null,
    functionClassLabel: null,
    printedImplementingUnit: '信息化发展部',
  },
};
// The 2022 form carried from revision 1 (延续): first revision of its year, the amounts blank.
const NEXT_2022: GoalForm = {
  ...renumber({ ...REV1, id: 'next-2022', year: 2022, revision: 1, status: 'draft' }, 'n'),
  funds: { ...REV1.funds, totalAmount: null },
};

const CODE_LISTS: Record<string, { list: string; code: string; label: string; sortOrder: number }[]> = {
  project_category: [
    { list: 'project_category', code: 'recurring', label: '经常性项目', sortOrder: 1 },
    { list: 'project_category', code: 'one_off', label: '一次性项目', sortOrder: 2 },
  ],
  function_class: [{ list: 'function_class', code: '2060103', label: '机关服务', sortOrder: 1 }],
};

beforeEach(() => {
  global.fetch = jest.fn(async (input: RequestInfo | URL) => {
    const path = new URL(String(input), 'http://localhost').pathname;
    if (path === '/api/forms/rev-1') return json(200, REV1);
    if (path === '/api/forms/rev-2') return json(200, REV2);
    if (path === '/api/forms/rev-3') return json(200, REV3);
    if (path === '/api/forms/next-2022') return json(200, NEXT_2022);
    if (path === '/api/code-lists')
      return json(200, CODE_LISTS[new URL(String(input), 'http://localhost').searchParams.get('list') ?? ''] ?? []);
    return json(404, { statusCode: 404, error: 'Not Found', message: 'no' });
  }) as typeof fetch;
});

describe('revision comparison', () => {
  it('marks only the changed amount and indicator, matching indicators across revisions by group and name', () => {
    const rows = compareRevisions(REV1, REV2);
    const changed = rows.filter((r) => r.changed);
    expect(changed.map((r) => r.key)).toEqual(['funds.totalAmount', expect.stringMatching(/^indicators\.year\./)]);
    expect(changed[0]).toMatchObject({ label: '项目资金总额', left: '8,927,300.00', right: '9,000,000.00' });
    expect(changed[1]).toMatchObject({ left: firstIndicator.rawValue, right: '≥2次' });
    expect(rows.find((r) => r.key === 'funds.fiscalAmount')).toMatchObject({
      changed: false,
      left: '8,927,300.00',
      right: '8,927,300.00',
    });
  });

  it('shows 修订 1 and 修订 2 side by side with the changed amount highlighted', async () => {
    const { container } = renderWithProviders(
      <ComparePage />,
      '/forms/:formId/compare/:otherId',
      '/forms/rev-2/compare/rev-1',
    );
    expect(await screen.findByRole('columnheader', { name: '修订 1' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: '修订 2' })).toBeInTheDocument();
    expect(screen.getByText('修订 1 与修订 2 之间有 2 处变化（已高亮）')).toBeInTheDocument();
    const row = screen.getByText('项目资金总额').closest('tr')!;
    expect(row).toHaveClass('compare-changed');
    expect(within(row).getByText('8,927,300.00')).toBeInTheDocument();
    expect(within(row).getByText('9,000,000.00')).toBeInTheDocument();
    expect(within(row).getByText('已修改')).toBeInTheDocument();
    const same = screen.getByText('其中：财政资金').closest('tr')!;
    expect(same).toHaveClass('compare-same');
    expect(container.querySelectorAll('tr.compare-changed')).toHaveLength(2);
  });

  it("compares a next year's form with last year's approved revision, the older year on the left", async () => {
    renderWithProviders(<ComparePage />, '/forms/:formId/compare/:otherId', '/forms/next-2022/compare/rev-1');
    const headers = (await screen.findAllByRole('columnheader')).map((h) => h.textContent);
    expect(headers.slice(2)).toEqual(['2021 年度第 1 版', '2022 年度第 1 版']);
    expect(screen.getByText('2021 年度第 1 版 与2022 年度第 1 版 之间有 1 处变化（已高亮）')).toBeInTheDocument();
    const row = screen.getByText('项目资金总额').closest('tr')!;
    expect(row).toHaveClass('compare-changed');
    expect(within(row).getByText('8,927,300.00')).toBeInTheDocument();
  });

  it("prints 项目类别, 新增/延续 and 功能分类科目 by the tenant's labels, and a blank as —", async () => {
    renderWithProviders(<ComparePage />, '/forms/:formId/compare/:otherId', '/forms/rev-3/compare/rev-1');
    const category = (await screen.findByText('项目类别')).closest('tr')!;
    await within(category).findByText('一次性项目');
    expect(within(category).getByText('经常性项目')).toBeInTheDocument();
    const functionClass = screen.getByText('功能分类科目').closest('tr')!;
    expect(functionClass).toHaveClass('compare-changed');
    expect(within(functionClass).getByText('机关服务')).toBeInTheDocument();
    expect(within(functionClass).getByText('—')).toBeInTheDocument();
    expect(
      within(screen.getByText('新增/延续').closest('tr')!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['新增/延续已修改', '—', '新增']);
    expect(
      within(screen.getByText('实施单位').closest('tr')!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['实施单位已修改', '—', '信息化发展部']);
    expect(screen.queryByText(/2060103$/)).toBeNull();
    expect(screen.queryByText(/（空）/)).toBeNull();
  });

  it("reads each revision's 项目类别 and 功能分类科目 by the labels it prints: a locked one keeps its own after the list changed", () => {
    // The tenant renamed 经常性项目 and 机关服务 after revision 1 was approved; revision 1 printed the old names.
    const renamed = {
      project_category: [{ code: 'recurring', label: '经常性支出项目' }],
      function_class: [{ code: '2060103', label: '机关服务（新）' }],
    };
    const rev2 = {
      ...REV2,
      project: { ...REV2.project, categoryLabel: '经常性支出项目', functionClassLabel: '机关服务（新）' },
    };
    const rows = compareRevisions(REV1, rev2, renamed);
    expect(rows.find((r) => r.key === 'project.categoryCode')).toMatchObject({
      left: '经常性项目',
      right: '经常性支出项目',
    });
    expect(rows.find((r) => r.key === 'project.functionClassCode')).toMatchObject({
      left: '机关服务',
      right: '机关服务（新）',
    });
    // Same code on both sides: not a change of the form, whatever its label reads.
    expect(rows.find((r) => r.key === 'project.categoryCode')?.changed).toBe(false);
    // A revision that carries no label (an unknown code) reads by the tenant's list, else as the code.
    const bare = { ...rev2, project: { ...rev2.project, categoryLabel: null, functionClassLabel: null } };
    expect(compareRevisions(REV1, bare, renamed).find((r) => r.key === 'project.categoryCode')?.right).toBe(
      '经常性支出项目',
    );
    expect(compareRevisions(REV1, bare).find((r) => r.key === 'project.functionClassCode')?.right).toBe('2060103');
  });
});
