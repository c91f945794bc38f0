/** Warnings of the value grammar, shown beside the 年度指标值 cell. */
export const TARGET_WARNINGS = {
  empty: '年度指标值未填写',
  unrecognised: '未能识别为数值、是/否或常用定性值，按定性指标保存',
} as const;
