import { PROJECT_CONTINUITY_LABELS, type CodeListName, type ProjectContinuity } from '@jxt/contracts';
import { formatYuan } from '../money';

/** What a blank value reads as wherever a form's values are set side by side (修订对比, 审批记录). */
export const EMPTY_MARK = '—';

/** The tenant's code lists a form's coded fields are read with (from GET /api/code-lists). */
export type CodeListLabels = Partial<Record<CodeListName, readonly { code: string; label: string }[]>>;

const label = (items: CodeListLabels[CodeListName], code: string) => items?.find((item) => item.code === code)?.label;

/**
 * A stored value of a form field (a FieldChange's `before`/`after`, or a header value) as a person reads it, the
 * way the sheet prints it: 项目类别 and 功能分类科目 by their labels (经常性项目, 机关服务), 新增/延续 in words,
 * amounts with thousands separators. A code the list does not (or no longer) know stays as it is. Null for a
 * blank value (shown as EMPTY_MARK).
 */
export function fieldValueText(
  field: string,
  value: string | null | undefined,
  lists: CodeListLabels = {},
): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  switch (field) {
    case 'project.categoryCode':
      return label(lists.project_category, value) ?? value;
    case 'project.functionClassCode':
      return label(lists.function_class, value) ?? value;
    case 'project.continuity':
      return PROJECT_CONTINUITY_LABELS[value as ProjectContinuity] ?? value;
  }
  return field.startsWith('funds.') ? formatYuan(value) : value;
}
