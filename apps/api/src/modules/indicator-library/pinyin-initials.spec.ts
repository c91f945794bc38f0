import { pinyinInitials } from './pinyin-initials';

describe('pinyinInitials', () => {
  it.each([
    ['公众满意度', 'gzmyd'],
    ['项目验收合格率', 'xmyshgl'],
    ['信息化程度', 'xxhcd'],
    ['行业指标覆盖率', 'hyzbfgl'],
    ['设备投资计划完成率（%）', 'sbtzjhwcl（%）'],
    ['PM2.5 浓度', 'pm2.5nd'],
  ])('%s → %s', (name, initials) => {
    expect(pinyinInitials(name)).toBe(initials);
  });
});
