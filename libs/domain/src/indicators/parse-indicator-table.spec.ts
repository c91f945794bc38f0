import { TAXONOMY } from '../testing/fixtures';
import { looksLikeIndicatorTable, parseIndicatorTable } from './parse-indicator-table';

const rows = (...lines: string[][]) => lines.map((cells) => cells.join('\t')).join('\r\n');

describe('parseIndicatorTable: an indicator table pasted from Excel or WPS', () => {
  it('places each row under its 一级 and 二级 by label, a blank (merged) cell repeating the one above', () => {
    const text = rows(
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '组织企业人事专办员培训次数', '=2次'],
      ['', '', '制作告知单、宣传资料工作计划完成率', '=100%'],
      ['', '时效指标', '工作完成及时率', '及时'],
      ['效益指标', '社会效益指标', '受益对象满意度', '>=90%'],
      ['满意度', '服务对象满意度', '公众满意度', '满意'],
    );
    expect(parseIndicatorTable(text, TAXONOMY)).toEqual({
      indicators: [
        { level1Code: 'output', level2Code: 'quantity', name: '组织企业人事专办员培训次数', rawValue: '=2次' },
        { level1Code: 'output', level2Code: 'quantity', name: '制作告知单、宣传资料工作计划完成率', rawValue: '=100%' },
        { level1Code: 'output', level2Code: 'timeliness', name: '工作完成及时率', rawValue: '及时' },
        { level1Code: 'benefit', level2Code: 'social', name: '受益对象满意度', rawValue: '>=90%' },
        { level1Code: 'satisfaction', level2Code: 'service_satisfaction', name: '公众满意度', rawValue: '满意' },
      ],
      problems: [],
    });
  });

  it('takes three columns (二级, 三级, 指标值) when each 二级 names its 一级 by itself, and two under the groups above', () => {
    const text = rows(
      ['质量指标', '工作完成通过率', '=100%'],
      ['信息公开', '公开'],
      ['社会效益指标', '信息化程度', '提升'],
    );
    expect(parseIndicatorTable(text, TAXONOMY).indicators).toEqual([
      { level1Code: 'output', level2Code: 'quality', name: '工作完成通过率', rawValue: '=100%' },
      { level1Code: 'output', level2Code: 'quality', name: '信息公开', rawValue: '公开' },
      { level1Code: 'benefit', level2Code: 'social', name: '信息化程度', rawValue: '提升' },
    ]);
  });

  it('unquotes cells Excel quoted (a quote or a line break inside) and keeps a blank value blank', () => {
    const text = '产出指标\t数量指标\t"培训""专办员""次数"\t\n';
    expect(parseIndicatorTable(text, TAXONOMY).indicators).toEqual([
      { level1Code: 'output', level2Code: 'quantity', name: '培训"专办员"次数', rawValue: '' },
    ]);
  });

  it('reports by line what it cannot place and invents nothing', () => {
    const text = rows(
      ['过程指标', '数量指标', '甲', '1'],
      ['产出指标', '社会效益指标', '乙', '2'],
      ['产出指标', '数量指标', '', '3'],
      ['产出指标', '数量指标', '丙', '=1次'],
    );
    expect(parseIndicatorTable(text, TAXONOMY)).toEqual({
      indicators: [{ level1Code: 'output', level2Code: 'quantity', name: '丙', rawValue: '=1次' }],
      problems: [
        { line: 1, message: '第 1 行：一级指标“过程指标”不在本年度指标体系中' },
        { line: 2, message: '第 2 行：二级指标“社会效益指标”不属于产出指标' },
        { line: 3, message: '第 3 行：缺少三级指标名称' },
      ],
    });
  });

  it('places no row under a retired (停用) node, and says so by line', () => {
    const taxonomy = TAXONOMY.map((node) => (node.code === 'sustainable' ? { ...node, retired: true } : node));
    const text = ['效益指标\t社会效益指标\t群众知晓率\t≥90%', '\t可持续影响指标\t长效机制\t是'].join('\n');
    const table = parseIndicatorTable(text, taxonomy);
    expect(table.indicators.map((i) => i.name)).toEqual(['群众知晓率']);
    expect(table.problems).toEqual([
      { line: 2, message: '第 2 行：二级指标“可持续影响指标”已停用，不能新增“长效机制”' },
    ]);
  });

  it('tells a pasted table from a pasted word', () => {
    expect(looksLikeIndicatorTable('产出指标\t数量指标\t甲\t1')).toBe(true);
    expect(looksLikeIndicatorTable('=100%')).toBe(false);
  });
});
