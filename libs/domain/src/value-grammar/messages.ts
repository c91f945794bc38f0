/** Warnings of the value grammar, shown beside the 年度指标值 cell. */
export const TARGET_WARNINGS = {
  empty: '年度指标值未填写',
  unrecognised: '未能识别为数值、是/否或常用定性值，按定性指标保存',
} as const;

/**
 * Why a value that starts like a quantity is not one (an `invalid` target, which blocks 提交). Short enough for
 * the `parse_warning` column (200 characters); the checks add the indicator's name and the text as typed.
 */
export const TARGET_ERRORS = {
  noNumber: '无法识别为数值：比较符号后应为数字，如“≥90%”；定性目标请不要用比较符号',
  badUnit: '无法识别为数值：数字后应为单位，如“90%”“2次”',
  badNumber: '无法识别为数值：数字的千位分隔符位置不对，应如“1,000”',
  contradictory: '无法识别为数值：比较符号与“以上”“以内”“（含）”等说法不一致',
  range: '无法识别为数值：区间无法计分，请写成单边目标，如“≥80%”“≤5次”',
  yearNotQuantity: '无法识别为数值：年份不是数量，时间目标请写作“2022年底前”',
} as const;
export type TargetProblem = keyof typeof TARGET_ERRORS;
