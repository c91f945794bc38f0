import { pinyin } from 'pinyin-pro';

/**
 * The search key of a name: each Chinese character's pinyin initial, other characters as they are, lower case
 * (`公众满意度` → `gzmyd`, `项目验收合格率%` → `xmyshgl%`). pinyin-pro reads polyphones in context (行业 → hy),
 * so the key is what a filer types (ADR 0031). Blanks are dropped: initials are typed without them.
 */
export function pinyinInitials(name: string): string {
  return pinyin(name, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .replace(/\s+/g, '')
    .toLowerCase();
}
