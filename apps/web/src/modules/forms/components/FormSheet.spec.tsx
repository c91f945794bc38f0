import { render, screen, within } from '@testing-library/react';
import type { GoalForm } from '@jxt/contracts';
import { FormSheet } from './FormSheet';
import { SEED_FORM_3 } from '../../../testing/seed-form-3';

describe('FormSheet (read view)', () => {
  const renderSheet = () => render(<FormSheet form={SEED_FORM_3} categoryLabel="经常性项目" />);

  it('prints the title, the year and the header grid of the paper form', () => {
    renderSheet();
    expect(screen.getByRole('heading', { name: '财政项目支出绩效目标填报表' })).toBeInTheDocument();
    expect(screen.getByText('（2021年度）')).toBeInTheDocument();
    const name = screen.getByRole('rowheader', { name: '项目名称' });
    expect(name.nextElementSibling).toHaveTextContent('网络信息系统运行与维护');
    expect(screen.getByRole('rowheader', { name: '项目类别' }).nextElementSibling).toHaveTextContent('经常性项目');
    // form 3 prints no 主管部门 and no 实施单位: blank cells
    expect(screen.getByRole('rowheader', { name: '主管部门' }).nextElementSibling).toBeEmptyDOMElement();
    expect(screen.getByRole('rowheader', { name: '实施单位' }).nextElementSibling).toBeEmptyDOMElement();
    expect(screen.getByRole('rowheader', { name: '计划完成日期' }).nextElementSibling).toHaveTextContent('2022-12-31');
  });

  it('shows the seven amounts in two columns with thousands separators, under a merged 项目资金（元） cell', () => {
    const { container } = renderSheet();
    const block = screen.getByRole('rowheader', { name: /项目资金\s*（元）/ });
    expect(block).toHaveAttribute('rowspan', '4');
    expect(container.querySelector('[data-field="funds.totalAmount"]')).toHaveTextContent('8,927,300.00');
    expect(container.querySelector('[data-field="funds.annualFiscalAmount"]')).toHaveTextContent('8,927,300.00');
    expect(container.querySelector('[data-field="funds.carryOverAmount"]')).toHaveTextContent('0.00');
    expect(screen.getAllByText('8,927,300.00')).toHaveLength(4);
    const order = [...container.querySelectorAll('th')]
      .map((th) => th.textContent)
      .filter((t) => /资金|拨款/.test(t ?? ''));
    expect(order).toEqual([
      '项目资金\n（元）',
      '项目资金总额',
      '年度资金申请总额',
      '其中：财政资金',
      '其中：当年财政拨款',
      '上年结转资金',
      '其他资金',
      '其他资金',
    ]);
  });

  it('puts 项目总目标（2021 年- 2021年） and 年度总目标 side by side, text kept with its line breaks', () => {
    const { container } = renderSheet();
    expect(screen.getByRole('columnheader', { name: /项目总目标\s*（2021 年- 2021年）/ })).toBeInTheDocument();
    const total = container.querySelector('[data-field="totalGoal"]')!;
    const annual = container.querySelector('[data-field="annualGoal"]')!;
    expect(total.parentElement).toBe(annual.parentElement);
    expect(total.textContent).toBe(SEED_FORM_3.totalGoal);
  });

  it('lists the 15 indicators with 一级/二级 cells merged over their rows and values exactly as stored', () => {
    const { container } = renderSheet();
    const table = container.querySelector('table.sheet-indicators') as HTMLTableElement;
    const bodyRows = within(table).getAllByRole('row').slice(1);
    expect(bodyRows).toHaveLength(15);
    expect(within(table).getByText('产出指标')).toHaveAttribute('rowspan', '7');
    expect(within(table).getByText('效益指标')).toHaveAttribute('rowspan', '5');
    expect(within(table).getByText('满意度指标')).toHaveAttribute('rowspan', '3');
    expect(within(table).getByText('数量指标')).toHaveAttribute('rowspan', '5');
    expect(within(table).getByText('质量指标')).toHaveAttribute('rowspan', '1');
    expect(within(table).getAllByText('产出指标')).toHaveLength(1);
    const values = [...table.querySelectorAll('td.sheet-value')].map((td) => td.textContent);
    expect(values).toEqual([
      '否',
      '是',
      '是',
      '是',
      '是',
      '=100%',
      '及时',
      '提升',
      '公开',
      '良好',
      '=0%',
      '=100%',
      '满意',
      '健全',
      '满意',
    ]);
    // every body row spans the same five columns once the merged cells are counted
    expect(within(table).getByRole('columnheader', { name: '三级指标' })).toHaveAttribute('colspan', '2');
  });

  it('prints 新增/延续 and 功能分类科目 by their labels, never the code', () => {
    render(
      <FormSheet
        form={{ ...SEED_FORM_3, project: { ...SEED_FORM_3.project, continuity: 'continuing' } }}
        categoryLabel="经常性项目"
        functionClassLabel="机关服务"
      />,
    );
    expect(screen.getByRole('rowheader', { name: '新增/延续' }).nextElementSibling).toHaveTextContent(/^延续$/);
    const functionClass = screen.getByRole('rowheader', { name: '功能分类科目' }).nextElementSibling!;
    expect(functionClass).toHaveTextContent(/^机关服务$/);
    expect(functionClass).toHaveAttribute('data-field', 'project.functionClassCode');
    expect(screen.queryByText(/2060103/)).toBeNull();
  });

  it('leaves them blank when not given (the seed’s forms do not print 新增/延续)', () => {
    renderSheet();
    expect(screen.getByRole('rowheader', { name: '新增/延续' }).nextElementSibling).toBeEmptyDOMElement();
    expect(screen.getByRole('rowheader', { name: '功能分类科目' }).nextElementSibling).toBeEmptyDOMElement();
  });

  it('marks 功能分类科目 when a reviewer’s 退回 points at it', () => {
    render(
      <FormSheet
        form={SEED_FORM_3}
        categoryLabel="经常性项目"
        functionClassLabel="机关服务"
        highlightField="project.functionClassCode"
        highlightNote="科目不对"
      />,
    );
    const cell = screen.getByRole('rowheader', { name: '功能分类科目' }).nextElementSibling!;
    expect(cell).toHaveClass('sheet-flagged');
    expect(within(cell as HTMLElement).getByRole('note')).toHaveAccessibleName('审核意见：科目不对');
  });

  const footer = (container: HTMLElement) => container.querySelector('footer.sheet-foot') as HTMLElement;

  it("ends with the paper form's footer: 填报人, 联系电话 and 填报日期 of the 提交 (China time), and the unit's 盖章 space", () => {
    // Submitted at 23:30 UTC on 4 March: already 5 March in Shanghai.
    const submitted: GoalForm = {
      ...SEED_FORM_3,
      status: 'submitted',
      submission: { name: '张文', phone: '021-57820101', submittedAt: '2021-03-04T23:30:00.000Z' },
    };
    const { container } = render(<FormSheet form={submitted} categoryLabel="经常性项目" />);
    const foot = footer(container);
    expect(foot).toHaveTextContent('填报人：张文 联系电话：021-57820101 填报日期：2021年3月5日 单位（盖章）');
    expect(within(foot).getByText('单位（盖章）')).toBeInTheDocument();
    expect(within(foot).getByText('单位（盖章）')).toHaveClass('sheet-seal');
  });

  it("leaves the footer's lines blank to be filled in by hand while the form has no 提交", () => {
    const { container } = render(<FormSheet form={SEED_FORM_3} categoryLabel="经常性项目" />);
    const foot = footer(container);
    expect(foot).toHaveTextContent(/^填报人：\s*联系电话：\s*填报日期：\s*年\s*月\s*日\s*单位（盖章）$/);
    expect(foot.querySelectorAll('.sheet-blank')).toHaveLength(5);
  });

  it("prints finance's 审核结果 and 审核意见 once approved or not approved, and not before", () => {
    const approved: GoalForm = {
      ...SEED_FORM_3,
      status: 'finance_approved',
      reviewResult: 'excellent',
      reviewComment: '绩效目标明确，同意。',
    };
    const { container, rerender } = render(<FormSheet form={approved} categoryLabel="经常性项目" />);
    const result = screen.getByRole('rowheader', { name: '审核结果' });
    expect(result.nextElementSibling).toHaveTextContent('优');
    expect(screen.getByRole('rowheader', { name: '审核意见' }).nextElementSibling).toHaveTextContent(
      '绩效目标明确，同意。',
    );
    // The result is part of the form, before its footer.
    expect(result.compareDocumentPosition(footer(container)) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    rerender(
      <FormSheet
        form={{ ...approved, status: 'rejected', reviewResult: 'poor', reviewComment: '绩效目标与项目内容不符' }}
        categoryLabel="经常性项目"
      />,
    );
    expect(screen.getByRole('rowheader', { name: '审核结果' }).nextElementSibling).toHaveTextContent('差');

    // 中 sends the form back: no result is printed on a form still under way.
    rerender(
      <FormSheet form={{ ...approved, status: 'finance_returned', reviewResult: 'fair' }} categoryLabel="经常性项目" />,
    );
    expect(screen.queryByRole('rowheader', { name: '审核结果' })).toBeNull();
    rerender(<FormSheet form={{ ...approved, status: 'reported' }} categoryLabel="经常性项目" />);
    expect(screen.queryByRole('rowheader', { name: '审核结果' })).toBeNull();
  });
});
