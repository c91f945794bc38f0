/**
 * Common qualitative 年度指标值 (domain.md §3): words a reviewer grades rather than a number.
 * A text equal to one of these (whitespace ignored) is qualitative without a warning.
 */
export const QUALITATIVE_VOCABULARY: ReadonlySet<string> = new Set([
  // seen in the seed and listed in domain.md §3
  '及时', '提升', '提高', '有效', '满意', '健全', '公开', '良好', '达标', '显著改善',
  // other words common on real forms
  '完善', '规范', '稳定', '持续', '安全', '准确', '合格', '优良', '优秀', '较好', '正常',
  '明显提升', '明显提高', '明显改善', '显著提升', '显著提高', '有效提升', '有效提高', '有效改善',
  '逐步提高', '逐步提升', '逐步改善', '稳步提升', '稳步提高', '持续提升', '持续提高', '持续改善',
  '不断提高', '不断提升', '有所提升', '有所提高', '有所改善', '改善', '提升明显', '效果明显', '成效明显',
  '基本满意', '比较满意', '较满意', '非常满意',
  '按时', '按时完成', '及时完成', '按期完成', '完成', '到位', '落实', '有序', '高效', '便捷',
  '正常运行', '稳定运行', '安全运行', '长期', '长期有效', '可持续', '持续发挥作用',
  '降低', '减少', '下降', '增加', '增强', '加强', '全覆盖', '可控', '完整', '规范有序',
  '符合要求', '符合标准', '符合规定', '达到要求', '达到标准', '达到预期', '良性运转',
]);

export function isQualitativeWord(text: string): boolean {
  return QUALITATIVE_VOCABULARY.has(text);
}
