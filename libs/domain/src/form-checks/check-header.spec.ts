import type { ProjectHeader } from '@jxt/contracts';
import { SEED_HEADER } from '../testing/fixtures';
import { checkHeader } from './check-header';
import { ISSUE_CODES } from './issues';

const header = (patch: Partial<ProjectHeader>): ProjectHeader => ({ ...SEED_HEADER, ...patch });

describe('checkHeader', () => {
  it('warns only for the blank 实施单位 of seed form 1', () => {
    expect(checkHeader(SEED_HEADER)).toEqual([
      {
        field: 'project.printedImplementingUnit',
        severity: 'warning',
        code: ISSUE_CODES.projectFieldBlank,
        message: '实施单位未填写',
      },
    ]);
  });

  it('refuses a blank 项目名称', () => {
    const issues = checkHeader(header({ name: '  ' }));
    expect(issues).toContainEqual({
      field: 'project.name',
      severity: 'error',
      code: ISSUE_CODES.projectNameBlank,
      message: '项目名称未填写',
    });
  });

  it('warns for each blank printed field, never an error (seed form 3 leaves 主管部门 blank)', () => {
    const issues = checkHeader(
      header({
        printedDepartment: '',
        printedImplementingUnit: null,
        categoryCode: null,
        plannedStart: null,
        plannedEnd: ' ',
      }),
    );
    expect(issues.map((issue) => [issue.field, issue.severity, issue.message])).toEqual([
      ['project.printedDepartment', 'warning', '主管部门未填写'],
      ['project.printedImplementingUnit', 'warning', '实施单位未填写'],
      ['project.categoryCode', 'warning', '项目类别未填写'],
      ['project.plannedStart', 'warning', '计划开始日期未填写'],
      ['project.plannedEnd', 'warning', '计划完成日期未填写'],
    ]);
  });

  it('accepts a project spanning years (seed form 3: 2021-01-01 to 2022-12-31)', () => {
    const issues = checkHeader(header({ plannedEnd: '2022-12-31', printedImplementingUnit: '某单位' }));
    expect(issues).toEqual([]);
  });

  it('accepts start and end on the same day, and ISO timestamps', () => {
    expect(checkHeader(header({ plannedEnd: '2021-01-01', printedImplementingUnit: 'x' }))).toEqual([]);
    expect(checkHeader(header({ plannedStart: '2021-01-01T00:00:00.000Z', printedImplementingUnit: 'x' }))).toEqual([]);
  });

  it('refuses an end before the start', () => {
    const issues = checkHeader(header({ plannedStart: '2021-12-31', plannedEnd: '2021-01-01' }));
    expect(issues).toContainEqual({
      field: 'project.plannedEnd',
      severity: 'error',
      code: ISSUE_CODES.projectEndBeforeStart,
      message: '计划完成日期（2021-01-01）早于计划开始日期（2021-12-31）',
    });
  });

  it.each(['2021-02-29', '2021-13-01', '2021/01/01', '明年'])('refuses the date %j', (date) => {
    const issues = checkHeader(header({ plannedStart: date }));
    expect(issues).toContainEqual(
      expect.objectContaining({
        field: 'project.plannedStart',
        severity: 'error',
        code: ISSUE_CODES.projectDateInvalid,
      }),
    );
    expect(issues.some((issue) => issue.code === ISSUE_CODES.projectEndBeforeStart)).toBe(false);
  });

  it('accepts 29 February in a leap year', () => {
    expect(
      checkHeader(header({ plannedStart: '2020-02-29' })).some((i) => i.code === ISSUE_CODES.projectDateInvalid),
    ).toBe(false);
  });
});
