import { rankSuggestions, suggestionWords, type SuggestionCandidate } from './rank-suggestions';

const entry = (over: Partial<SuggestionCandidate> & Pick<SuggestionCandidate, 'name'>): SuggestionCandidate => ({
  id: `id-${over.name}`,
  level1Code: 'output',
  level2Code: 'quantity',
  valueForm: '=1个',
  unit: '个',
  definition: null,
  shared: true,
  functionClassCodes: [],
  ...over,
});

const form = {
  projectName: '社区图书馆运行维护',
  annualGoal: '1、完成图书采购 2000 册。\n2、开展阅读推广活动 12 场。',
  functionClassCode: '2070199',
  indicators: [{ level1Code: 'output', level2Code: 'quantity', name: '图书采购数量' }],
};

describe('rankSuggestions', () => {
  it('puts the indicator of an uncovered goal sentence first, then a missing 二级指标, and leaves out names the form has', () => {
    const ranked = rankSuggestions(
      form,
      [
        entry({ name: '图书采购数量' }),
        entry({ name: '设备采购数量' }),
        entry({ name: '公众满意度', level1Code: 'satisfaction', level2Code: 'service_satisfaction' }),
        entry({ name: '阅读推广活动场次' }),
      ],
      [],
    );
    expect(ranked.map((s) => s.name)).toEqual(['阅读推广活动场次', '公众满意度', '设备采购数量']);
    expect(ranked[0].reasons[0]).toBe('goalSentence');
    expect(ranked[1].reasons).toEqual(['missingSlot']);
  });

  it('ranks an entry of the project’s 功能分类科目 (a prefix of its code) above one of no category', () => {
    const ranked = rankSuggestions(
      { ...form, annualGoal: null },
      [entry({ name: '开放天数' }), entry({ name: '借阅人次', functionClassCodes: ['207'] })],
      [],
    );
    expect(ranked.map((s) => s.name)).toEqual(['借阅人次', '开放天数']);
    expect(ranked[0].reasons).toContain('functionClass');
  });

  it('offers a similar project’s indicator on its own only when the project is in scope; others only count', () => {
    const ranked = rankSuggestions(
      form,
      [entry({ name: '开放天数' })],
      [
        { name: '开放天数', level1Code: 'output', level2Code: 'quantity', usedBy: 12, examples: [] },
        { name: '外单位独有指标', level1Code: 'output', level2Code: 'quality', usedBy: 3, examples: [] },
        {
          name: '读者证办理数',
          level1Code: 'output',
          level2Code: 'quantity',
          usedBy: 2,
          examples: [{ formId: 'f1', projectName: '本单位项目', value: '>=500张', unit: '张' }],
        },
      ],
    );
    expect(ranked.map((s) => s.name).sort()).toEqual(['开放天数', '读者证办理数']);
    expect(ranked.find((s) => s.name === '开放天数')).toMatchObject({ source: 'library', usedBy: 12, examples: [] });
    expect(ranked.find((s) => s.name === '读者证办理数')).toMatchObject({
      id: null,
      source: 'project',
      valueForm: '>=500张',
      unit: '张',
    });
  });

  it('keeps at most five of one 二级指标, so every slot has its place in the list', () => {
    const many = Array.from({ length: 9 }, (_, n) => entry({ name: `数量${n}`, functionClassCodes: ['207'] }));
    const ranked = rankSuggestions(
      { ...form, indicators: [] },
      [...many, entry({ name: '按期完成率', level2Code: 'timeliness' })],
      [],
    );
    expect(ranked.filter((s) => s.level2Code === 'quantity')).toHaveLength(5);
    expect(ranked.map((s) => s.name)).toContain('按期完成率');
  });

  it('compares by the project name’s words first, at most 24', () => {
    const words = suggestionWords('社区图书馆', '完成图书采购');
    expect(words.slice(0, 4)).toEqual(['社区', '区图', '图书', '书馆']);
    expect(words).toContain('采购');
    expect(suggestionWords('一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未', null)).toHaveLength(24);
  });
});
