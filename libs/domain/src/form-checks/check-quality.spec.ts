import type { Funds, IndicatorSetsInput, ProjectHeader, PublicServiceRule } from '@jxt/contracts';
// Data, not code: the checks are tried on the customer's forms as the seed loads them, not on a copy that could drift.
// eslint-disable-next-line @nx/enforce-module-boundaries
import seedForms from '../../../../seeds/songjiang/forms-2021.json';
import { TAXONOMY } from '../testing/fixtures';
import { bigrams, checkGoalQuality, deadlineIn, goalSentences, QUALITY_CODES } from './check-quality';

interface SeedForm {
  year: number;
  project: ProjectHeader;
  funds: Funds;
  totalGoal: string;
  annualGoal: string;
  indicators: IndicatorSetsInput;
}
const SEED_FORMS = seedForms as unknown as SeedForm[];
const seed = (name: string) => SEED_FORMS.find((f) => f.project.name === name)!;

const indicator = (name: string, rawValue: string) => ({
  name,
  rawValue,
  weight: null,
  scoringNotes: null,
  explanation: null,
  remark: null,
});

describe('goal quality (审核要点)', () => {
  it('finds no error on the three seed forms, and one 相关性 warning: 市民服务’s third goal sentence has no indicator', () => {
    const found = SEED_FORMS.map((form) => ({
      name: form.project.name,
      issues: checkGoalQuality(form, TAXONOMY, form.year),
    }));
    expect(found.flatMap((f) => f.issues).filter((i) => i.severity === 'error')).toEqual([]);
    expect(found.map((f) => [f.name, f.issues.map((i) => i.code)])).toEqual([
      ['市民服务', [QUALITY_CODES.goalSentenceUncovered]],
      ['项目服务管理', []],
      ['网络信息系统运行与维护', []],
    ]);
    expect(found[0].issues[0]).toMatchObject({
      field: 'annualGoal',
      group: '相关性',
      severity: 'warning',
      message: expect.stringContaining('年度总目标第 3 条“设备更新、维护费（外专服务）'),
    });
  });

  it('splits 年度总目标 into its numbered sentences and compares bigrams without the shared words', () => {
    expect(goalSentences(seed('市民服务').annualGoal)).toHaveLength(3);
    expect(goalSentences('1、培训两次。2、宣传到位')).toEqual(['培训两次', '宣传到位']);
    expect(goalSentences('')).toEqual([]);
    expect([...bigrams('完成培训工作')]).toEqual(['培训']);
  });

  it('完整性: a missing 一级指标 and, with a planned end, a missing 时效指标', () => {
    const form = seed('市民服务');
    const withoutSatisfaction: SeedForm = {
      ...form,
      indicators: {
        year: form.indicators.year
          .filter((g) => g.code !== 'satisfaction')
          .map((g) => ({ ...g, children: g.children.filter((c) => c.code !== 'timeliness') })),
        longTerm: null,
      },
    };
    // 市民服务 serves the public (its name says 市民): the missing 满意度 is the stronger check's.
    const issues = checkGoalQuality(withoutSatisfaction, TAXONOMY, 2021);
    expect(issues.filter((i) => i.group === '完整性').map((i) => [i.code, i.message])).toEqual([
      [QUALITY_CODES.satisfactionMissing, '项目面向公众，年度绩效指标应有满意度指标（如服务对象满意度）'],
      [QUALITY_CODES.timelinessMissing, '项目有计划完成日期，年度绩效指标中没有时效指标'],
    ]);
    const internal = { ...withoutSatisfaction, project: { ...form.project, name: '内部档案整理' } };
    expect(checkGoalQuality(internal, TAXONOMY, 2021).map((i) => [i.code, i.message])).toContainEqual([
      QUALITY_CODES.level1Missing,
      '年度绩效指标缺少满意度指标',
    ]);
  });

  it('完整性: a deadline the 年度总目标 states asks for a 时效指标 as a planned end does', () => {
    const form = seed('市民服务');
    const noTimeliness: SeedForm = {
      ...form,
      project: { ...form.project, plannedEnd: null },
      indicators: {
        year: form.indicators.year.map((g) => ({ ...g, children: g.children.filter((c) => c.code !== 'timeliness') })),
        longTerm: null,
      },
    };
    const timeliness = (annualGoal: string) =>
      checkGoalQuality({ ...noTimeliness, annualGoal }, TAXONOMY, 2021)
        .filter((i) => i.code === QUALITY_CODES.timelinessMissing)
        .map((i) => i.message);
    expect(timeliness('1、6月底前完成系统升级。2、全年培训两次')).toEqual([
      '年度总目标写有完成时限“6月底前”，年度绩效指标中没有时效指标',
    ]);
    expect(timeliness('全年培训两次，宣传到位')).toEqual([]);
    // With its 时效指标 the seed form passes whatever the goal says.
    const withTimeliness = { ...form, project: { ...form.project, plannedEnd: null }, annualGoal: '年底前完成验收' };
    expect(checkGoalQuality(withTimeliness, TAXONOMY, 2021).map((i) => i.code)).not.toContain(
      QUALITY_CODES.timelinessMissing,
    );
  });

  it('适当性: a unit that differs from the 指标库 entry of the same name, qualitative values and unknown names aside', () => {
    const form = seed('市民服务');
    const all = form.indicators.year.flatMap((g) => g.children.flatMap((c) => c.indicators));
    const quantitative = all.find((i) => /^[<>=]=?\d/.test(i.rawValue))!;
    const unitOf = (raw: string) => raw.replace(/^[<>=]+[\d.]+/, '');
    const typical = unitOf(quantitative.rawValue);
    const check = (libraryUnits: Record<string, string>) =>
      checkGoalQuality(form, TAXONOMY, 2021, { libraryUnits })
        .filter((i) => i.code === QUALITY_CODES.unitDiffersFromLibrary)
        .map((i) => i.message);
    expect(check({ [quantitative.name]: typical, 不在本表的指标: '次' })).toEqual([]);
    expect(check({ [quantitative.name]: typical.replace('%', '％') })).toEqual([]);
    expect(check({ [quantitative.name]: '个' })).toEqual([
      `“${quantitative.name}”的单位${typical ? `“${typical}”` : '未写'}，与指标库的“个”不一致`,
    ]);
    const qualitative = all.find((i) => !/\d/.test(i.rawValue))!;
    expect(check({ [qualitative.name]: '%' })).toEqual([]);
  });

  it.each([
    ['于6月底前完成招标', '6月底前'],
    ['十二月前交付', '十二月前'],
    ['确保12月31日前完成', '12月31日前'],
    ['年底前完成全部改造', '年底前完成'],
    ['上半年完成采购', '上半年完成'],
    ['截至2021年9月底', '截至2021年9月底'],
    ['按期完成各项任务', '按期完成'],
  ])('reads the deadline in “%s” as “%s”', (text, found) => {
    expect(deadlineIn(text)).toBe(found);
  });

  it.each(['全年开展培训12次', '月度例会', '提高年度满意度', '按规定执行'])('finds no deadline in “%s”', (text) => {
    expect(deadlineIn(text)).toBeNull();
  });

  it('相关性: 产出 without a quantitative indicator, and a tree of qualitative values only', () => {
    const form = seed('项目服务管理');
    const qualitative: SeedForm = {
      ...form,
      indicators: {
        year: form.indicators.year.map((g) => ({
          ...g,
          children: g.children.map((c) => ({
            ...c,
            indicators: c.indicators.map((i) => ({ ...i, rawValue: /[=%]/.test(i.rawValue) ? '达标' : i.rawValue })),
          })),
        })),
        longTerm: null,
      },
    };
    expect(checkGoalQuality(qualitative, TAXONOMY, 2021).map((i) => i.code)).toEqual([
      QUALITY_CODES.noQuantitativeOutput,
      QUALITY_CODES.onlyQualitative,
    ]);
  });

  it('适当性: a percentage above 100 % (not a growth rate) and a 成本指标 above the year’s funds, at their values', () => {
    const form = seed('市民服务'); // 年度资金申请总额 213,500 元
    const output = form.indicators.year[0];
    const changed: SeedForm = {
      ...form,
      annualGoal: '',
      indicators: {
        year: [
          {
            ...output,
            children: [
              ...output.children,
              { code: 'cost', indicators: [indicator('培训成本', '<=25万元'), indicator('资料印制成本', '<=2万元')] },
              {
                code: 'quality',
                indicators: [indicator('宣传覆盖率', '=120%'), indicator('申报企业增长率', '>=120%')],
              },
            ],
          },
          ...form.indicators.year.slice(1),
        ],
        longTerm: null,
      },
    };
    const issues = checkGoalQuality(changed, TAXONOMY, 2021).filter((i) => i.group === '适当性');
    expect(issues.map((i) => [i.field, i.message])).toEqual([
      ['indicators.year.0.children.3.indicators.0.rawValue', '成本指标“培训成本”<=25万元 高于年度资金申请总额'],
      ['indicators.year.0.children.4.indicators.0.rawValue', '“宣传覆盖率”的指标值 =120% 超出 0–100%'],
    ]);
  });

  it('可行性: planned dates that do not cover the form’s year', () => {
    const form = seed('市民服务');
    const later = { ...form, project: { ...form.project, plannedStart: '2022-01-01', plannedEnd: '2022-12-31' } };
    expect(checkGoalQuality(later, TAXONOMY, 2021)).toContainEqual(
      expect.objectContaining({
        group: '可行性',
        field: 'project.plannedEnd',
        message: '计划实施期（2022–2022年）不含本表年度 2021 年',
      }),
    );
    expect(checkGoalQuality(later, TAXONOMY).some((i) => i.group === '可行性')).toBe(false);
  });
});

describe('goal quality: the checks issue 14 added', () => {
  const withoutSatisfaction = (form: SeedForm): SeedForm => ({
    ...form,
    indicators: { year: form.indicators.year.filter((g) => g.code !== 'satisfaction'), longTerm: null },
  });

  it('完整性 满意度: by 功能分类科目, by 项目类别 or by the words of a tenant rule', () => {
    const form = withoutSatisfaction(seed('网络信息系统运行与维护'));
    const codes = (f: SeedForm, rule?: PublicServiceRule) =>
      checkGoalQuality(f, TAXONOMY, 2021, { publicService: rule }).map((i) => i.code);
    expect(codes(form)).not.toContain(QUALITY_CODES.satisfactionMissing);
    const health = { ...form, project: { ...form.project, functionClassCode: '2100201' } };
    expect(codes(health)).toContain(QUALITY_CODES.satisfactionMissing);
    const rule = { categoryCodes: ['recurring'], functionClassPrefixes: [], nameWords: [] };
    expect(codes(form, rule)).toContain(QUALITY_CODES.satisfactionMissing);
    expect(codes(health, { categoryCodes: [], functionClassPrefixes: [], nameWords: [] })).not.toContain(
      QUALITY_CODES.satisfactionMissing,
    );
  });

  it('完整性: the same indicator under two 二级指标 is named at its second place', () => {
    const form = seed('市民服务');
    const [output, ...rest] = form.indicators.year;
    const twice: SeedForm = {
      ...form,
      indicators: {
        year: [
          {
            ...output,
            children: output.children.map((c) =>
              c.code === 'quality'
                ? { ...c, indicators: [...c.indicators, indicator('组织企业人事专办员 培训次数', '=2次')] }
                : c,
            ),
          },
          ...rest,
        ],
        longTerm: null,
      },
    };
    const issues = checkGoalQuality(twice, TAXONOMY, 2021).filter((i) => i.code === QUALITY_CODES.duplicateIndicator);
    expect(issues).toEqual([
      {
        field: 'indicators.year.0.children.1.indicators.1.name',
        severity: 'warning',
        group: '完整性',
        code: QUALITY_CODES.duplicateIndicator,
        message: '指标“组织企业人事专办员 培训次数”重复出现',
      },
    ]);
  });

  describe('适当性: a continuing project’s targets not weaker than last year’s approved ones', () => {
    const form = seed('市民服务');
    const previous = {
      year: 2020,
      indicators: [
        { level1Code: 'output', level2Code: 'quantity', name: '组织企业人事专办员培训次数', rawValue: '=3次' },
        { level1Code: 'satisfaction', level2Code: 'service_satisfaction', name: '公众满意度', rawValue: '>=95%' },
        { level1Code: 'benefit', level2Code: 'social', name: '受益对象满意度', rawValue: '>=90%' },
        { level1Code: 'output', level2Code: 'quality', name: '工作完成通过率', rawValue: '=100次' },
      ],
    };
    const weaker = (f: SeedForm) =>
      checkGoalQuality(f, TAXONOMY, 2021, { previous }).filter(
        (i) => i.code === QUALITY_CODES.targetWeakerThanLastYear,
      );

    it('names each lower bar, at its value, and leaves equal targets and other units alone', () => {
      expect(weaker(form).map((i) => [i.field, i.group, i.message])).toEqual([
        [
          'indicators.year.0.children.0.indicators.1.rawValue',
          '适当性',
          '“组织企业人事专办员培训次数”的指标值 =2次 低于 2020 年已审核的 =3次；确需下调请填写下调理由',
        ],
        [
          'indicators.year.2.children.0.indicators.0.rawValue',
          '适当性',
          '“公众满意度”的指标值 >=90% 低于 2020 年已审核的 >=95%；确需下调请填写下调理由',
        ],
      ]);
    });

    it('passes an indicator whose weakerTargetReason says why', () => {
      const explained: SeedForm = {
        ...form,
        indicators: {
          year: form.indicators.year.map((g) => ({
            ...g,
            children: g.children.map((c) => ({
              ...c,
              indicators: c.indicators.map((i) =>
                i.name === '公众满意度' ? { ...i, weakerTargetReason: '服务对象扩大到新区，首年从低设定' } : i,
              ),
            })),
          })),
          longTerm: null,
        },
      };
      expect(weaker(explained).map((i) => i.field)).toEqual(['indicators.year.0.children.0.indicators.1.rawValue']);
    });

    it('reads a "lower is better" target the other way (≤ 5 天 after ≤ 3 天 is weaker)', () => {
      const days: SeedForm = {
        ...form,
        indicators: {
          year: [{ code: 'output', children: [{ code: 'timeliness', indicators: [indicator('办结时限', '<=5天')] }] }],
          longTerm: null,
        },
      };
      const before = (raw: string) => ({
        year: 2020,
        indicators: [{ level1Code: 'output', level2Code: 'timeliness', name: '办结时限', rawValue: raw }],
      });
      const found = (raw: string) =>
        checkGoalQuality(days, TAXONOMY, 2021, { previous: before(raw) }).filter(
          (i) => i.code === QUALITY_CODES.targetWeakerThanLastYear,
        ).length;
      expect(found('<=3天')).toBe(1);
      expect(found('<=7天')).toBe(0);
      expect(found('>=3天')).toBe(0);
    });

    it('finds nothing without last year’s approved form (a new project)', () => {
      expect(checkGoalQuality(form, TAXONOMY, 2021, { previous: null }).map((i) => i.code)).toEqual([
        QUALITY_CODES.goalSentenceUncovered,
      ]);
    });
  });
});
