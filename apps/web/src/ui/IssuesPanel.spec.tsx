import type { FieldIssue } from '@jxt/contracts';
import { atSubmission, checkForm, toSaveRequest } from '@jxt/domain';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { seedEvaluation3 } from '../modules/evaluations/testing/seed-evaluation-3';
import { SEED_FORM_3 } from '../testing/seed-form-3';
import { TAXONOMY_2021 } from '../testing/taxonomy';
import { IssuesPanel } from './IssuesPanel';

const issue = (severity: FieldIssue['severity'], message: string, blank?: true): FieldIssue => ({
  field: message,
  severity,
  code: 'c',
  message,
  ...(blank ? { blank } : {}),
});
const section = (name: RegExp) => screen.getByRole('region', { name });
const items = (region: HTMLElement) =>
  within(region)
    .getAllByRole('listitem')
    .map((li) => li.textContent);

describe('IssuesPanel', () => {
  it('shows nothing when all is well', () => {
    const { container } = render(<IssuesPanel issues={[]} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('separates what blocks 提交 (red) from to-dos and from warnings (yellow), each with its count', () => {
    render(
      <IssuesPanel
        issues={[
          issue('warning', '实施单位未填写'),
          issue('error', '三级指标「投诉率」：年度指标值“≥abc%”无法识别为数值'),
          issue('error', '年度总目标未填写', true),
          issue('warning', '三级指标「满意度」在“满意度指标”下重复'),
        ]}
      />,
    );
    const blocking = section(/阻止提交/);
    expect(blocking).toHaveTextContent('阻止提交：1 处需要修改');
    expect(blocking.querySelector('.ant-alert-error')).not.toBeNull();
    expect(items(blocking)).toEqual(['三级指标「投诉率」：年度指标值“≥abc%”无法识别为数值']);

    const todo = section(/待填写/);
    expect(todo).toHaveTextContent('待填写：1 项，提交前须填好');
    expect(todo.querySelector('.ant-alert-error')).toBeNull();
    expect(items(todo)).toEqual(['年度总目标未填写']);

    const warnings = section(/提醒/);
    expect(warnings).toHaveTextContent('提醒：2 条，不影响提交');
    expect(warnings.querySelector('.ant-alert-warning')).not.toBeNull();
    expect(items(warnings)).toEqual(['实施单位未填写', '三级指标「满意度」在“满意度指标”下重复']);
  });

  it('on the form page: an invalid 年度指标值 blocks 提交 naming its indicator, a blank value is a to-do, a blank 实施单位 a warning', () => {
    const request = toSaveRequest(SEED_FORM_3);
    request.indicators.year[0].children[0].indicators[0].rawValue = '≥abc%';
    request.indicators.year[0].children[0].indicators[1].rawValue = '';
    const name = (k: number) => SEED_FORM_3.indicators.year[0].children[0].indicators[k].name;
    render(<IssuesPanel issues={atSubmission(checkForm(request, TAXONOMY_2021))} />);
    expect(items(section(/阻止提交/))).toEqual([
      expect.stringMatching(new RegExp(`^三级指标「${name(0)}」：年度指标值“≥abc%”无法识别为数值：`)),
    ]);
    expect(items(section(/待填写/))).toEqual([`三级指标「${name(1)}」：年度指标值未填写`]);
    expect(within(section(/提醒/)).getByText('实施单位未填写')).toBeInTheDocument();
  });

  it('opens a fresh 自评表 without a wall of red: every missing value is a to-do that names its indicator', async () => {
    const fresh = seedEvaluation3();
    render(<IssuesPanel issues={fresh.issues} />);
    expect(screen.queryByRole('region', { name: /阻止提交/ })).toBeNull();
    expect(document.querySelector('.ant-alert-error')).toBeNull();
    const todo = section(/待填写/);
    const count = fresh.issues.length;
    expect(todo).toHaveTextContent(`待填写：${count} 项，提交前须填好`);
    // Many to-dos start folded; one click shows them, each naming its indicator once.
    await userEvent.click(within(todo).getByText(/查看全部/));
    const listed = items(todo);
    expect(listed).toHaveLength(count);
    for (const indicator of fresh.indicators) {
      expect(listed.filter((text) => text?.startsWith(`三级指标「${indicator.name}」：请填写实际完成值`))).toHaveLength(
        1,
      );
    }
    expect(listed.filter((text) => text?.includes('请填写数值'))).toEqual([]);
  });
});
