import { fireEvent, render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import userEvent from '@testing-library/user-event';
import { useMemo, useReducer } from 'react';
import { createDraft, draftReducer } from '../form-draft';
import { withFastComputedStyle } from '../../../testing/fast-computed-style';
import { SEED_FORM_3 } from '../../../testing/seed-form-3';
import { TAXONOMY_2021 } from '../../../testing/taxonomy';
import { IndicatorEditor, indexTaxonomy } from './IndicatorEditor';
import type { TaxonomyNode } from '@jxt/contracts';

withFastComputedStyle();

function Harness({ form = SEED_FORM_3, nodes = TAXONOMY_2021 }: { form?: typeof SEED_FORM_3; nodes?: TaxonomyNode[] }) {
  const [draft, dispatch] = useReducer(draftReducer, form, createDraft);
  const taxonomy = useMemo(() => indexTaxonomy(nodes, new Map()), [nodes]);
  return (
    <AntApp>
      <IndicatorEditor
        year={draft.year}
        errors={draft.errors}
        taxonomy={taxonomy}
        focus={draft.focus}
        dispatch={dispatch}
      />
    </AntApp>
  );
}

const EMPTY_FORM = { ...SEED_FORM_3, indicators: { year: [], longTerm: null } };

describe('IndicatorEditor', () => {
  it('labels every input by row and shows the parsed reading of a value live', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    expect(screen.getAllByRole('textbox')).toHaveLength(30);
    const value = screen.getByLabelText('年度指标值 第6行');
    expect(value).toHaveValue('=100%');
    const reading = () => document.getElementById(value.getAttribute('aria-describedby')!)!;
    expect(reading()).toHaveTextContent('= 100 %');
    await user.clear(value);
    await user.type(value, '≥90%');
    expect(reading()).toHaveTextContent('≥ 90 %');
    await user.clear(value);
    await user.type(value, '大约九成');
    expect(reading()).toHaveClass('ind-reading-warning');
    expect(value).toHaveValue('大约九成');
  });

  it('marks a value that starts like a quantity but is none in red, saying why; a time target reads as qualitative', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const value = screen.getByLabelText('年度指标值 第6行');
    const reading = () => document.getElementById(value.getAttribute('aria-describedby')!)!;
    for (const typed of ['≥abc%', '≤%', '≥ 98 %%']) {
      await user.clear(value);
      await user.type(value, typed);
      expect(value).toHaveValue(typed);
      expect(reading()).toHaveClass('ind-reading-error');
      expect(reading()).toHaveTextContent(/^无法识别为数值：/);
      expect(value.closest('.ant-input-status-error') ?? value).toHaveClass('ant-input-status-error');
    }
    await user.clear(value);
    await user.type(value, '2022年底前');
    expect(reading()).toHaveTextContent('定性：2022年底前');
    expect(reading()).not.toHaveClass('ind-reading-error');
    expect(reading()).not.toHaveClass('ind-reading-warning');
  });

  it('Enter in a 三级指标 name moves to its value; Alt+↓ moves the row down and keeps the keyboard in it', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const name = screen.getByLabelText('三级指标 第1行');
    await user.click(name);
    await user.keyboard('{Enter}');
    expect(screen.getByLabelText('年度指标值 第1行')).toHaveFocus();
    await user.click(name);
    await user.keyboard('{Alt>}{ArrowDown}{/Alt}');
    expect(screen.getByLabelText('三级指标 第2行')).toHaveValue('全年度是否有重大的网站中断事故');
    expect(screen.getByLabelText('三级指标 第2行')).toHaveFocus();
  });

  it('adds a 三级指标 to a group and offers only the missing 二级指标 of the taxonomy', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('button', { name: '在“质量指标”下添加三级指标' }));
    expect(screen.getByLabelText('三级指标 第7行')).toHaveValue('');
    expect(screen.getByLabelText('三级指标 第7行')).toHaveFocus();
    expect(screen.getByLabelText('三级指标 第8行')).toHaveValue('项目完成及时率');
    expect(screen.getByRole('combobox', { name: '在“产出指标”下添加二级指标' })).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: '在“满意度指标”下添加二级指标' })).toBeNull();
  });

  it('offers no retired (停用) node for a new group, while the group that uses one keeps its label', async () => {
    const user = userEvent.setup();
    const retired = new Set(['sustainable', 'ecological', 'cost']);
    render(<Harness nodes={TAXONOMY_2021.map((n) => ({ ...n, retired: retired.has(n.code) }))} />);
    // The form's 可持续影响指标 group is shown as before.
    expect(screen.getByText('可持续影响指标')).toBeInTheDocument();
    // 成本指标, the only 二级 产出指标 lacks, is retired: nothing to add there.
    expect(screen.queryByRole('combobox', { name: '在“产出指标”下添加二级指标' })).toBeNull();
    await user.click(screen.getByRole('combobox', { name: '在“效益指标”下添加二级指标' }));
    const offered = [...document.querySelectorAll('.ant-select-item-option')].map((o) => o.textContent);
    expect(offered).toEqual(['经济效益指标']);
  });

  it('Enter in the last 年度指标值 starts the next row, as in a spreadsheet', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByLabelText('年度指标值 第15行'));
    await user.keyboard('{Enter}');
    expect(screen.getByLabelText('三级指标 第16行')).toHaveValue('');
    expect(screen.getByLabelText('三级指标 第16行')).toHaveFocus();
  });

  it('fills the tree from an indicator table pasted from Excel into a 三级指标, a blank row giving way', async () => {
    render(<Harness form={EMPTY_FORM} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('combobox', { name: '添加一级指标' }));
    await user.click(await screen.findByTitle('产出指标'));
    await user.click(screen.getByRole('combobox', { name: '在“产出指标”下添加二级指标' }));
    await user.click(await screen.findByTitle('数量指标'));
    const table = [
      '产出指标\t数量指标\t组织培训次数\t=2次',
      '\t质量指标\t工作完成通过率\t=100%',
      '满意度指标\t服务对象满意度指标\t受益对象满意度\t>=90%',
      '效益指标\t经济指标\t不存在的\t1',
    ].join('\r\n');
    fireEvent.paste(screen.getByLabelText('三级指标 第1行'), { clipboardData: { getData: () => table } });
    expect(screen.getByLabelText('三级指标 第1行')).toHaveValue('组织培训次数');
    expect(screen.getByLabelText('年度指标值 第1行')).toHaveValue('=2次');
    expect(screen.getByLabelText('三级指标 第2行')).toHaveValue('工作完成通过率');
    expect(screen.getByLabelText('三级指标 第3行')).toHaveValue('受益对象满意度');
    expect(screen.queryByLabelText('三级指标 第4行')).toBeNull();
    expect(await screen.findByText(/已粘贴 3 个三级指标；1 行未能放入：第 4 行/)).toBeInTheDocument();
  });
});
