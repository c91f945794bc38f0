import { randomUUID } from 'node:crypto';
import type { IndicatorSetsInput } from '@jxt/contracts';
import { readTarget } from '@jxt/domain';
import { blankToNull } from '../../common/validation/blank-to-null';

const COLUMNS = [
  'id',
  'tenant_id',
  'form_id',
  'indicator_set',
  'level1_code',
  'level2_code',
  'sort_order',
  'name',
  'raw_value',
  'target_kind',
  'target_operator',
  'target_number',
  'target_unit',
  'target_boolean',
  'parse_warning',
  'weight',
  'scoring_notes',
  'explanation',
  'remark',
];

/**
 * One multi-row INSERT for a form's whole indicator tree (no query per row), with each 年度指标值 parsed
 * by the shared value grammar. Ids the client sent back are kept when they belonged to this form.
 */
export function buildIndicatorInsert(
  tenantId: string,
  formId: string,
  sets: IndicatorSetsInput,
  keepIds: ReadonlySet<string> = new Set(),
): { sql: string; values: unknown[] } | null {
  const values: unknown[] = [];
  const tuples: string[] = [];
  for (const set of ['year', 'longTerm'] as const) {
    let order = 0;
    for (const level1 of sets[set] ?? []) {
      for (const level2 of level1.children) {
        for (const indicator of level2.indicators) {
          const { target, warning } = readTarget(indicator.rawValue);
          const row = [
            indicator.id && keepIds.has(indicator.id) ? indicator.id : randomUUID(),
            tenantId,
            formId,
            set,
            level1.code,
            level2.code,
            order++,
            indicator.name.trim(),
            indicator.rawValue,
            target.kind,
            target.kind === 'quantitative' ? target.operator : null,
            target.kind === 'quantitative' ? target.value : null,
            target.kind === 'quantitative' ? target.unit : null,
            target.kind === 'boolean' ? target.value : null,
            warning,
            blankToNull(indicator.weight),
            blankToNull(indicator.scoringNotes),
            blankToNull(indicator.explanation),
            blankToNull(indicator.remark),
          ];
          const base = values.length;
          tuples.push(`(${row.map((_, i) => `$${base + i + 1}`).join(', ')})`);
          values.push(...row);
        }
      }
    }
  }
  if (!tuples.length) return null;
  return { sql: `INSERT INTO indicator (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`, values };
}
