import type { ParsedTarget } from '@jxt/contracts';
import { OPERATOR_SYMBOLS } from './operators';

/** How a person sees what was read: `≥ 90 %`, `= 2 次`, `是`, `定性：提升`, `无法识别：≥abc%`, `（空）`. */
export function formatTarget(target: ParsedTarget): string {
  switch (target.kind) {
    case 'quantitative': {
      const head = `${OPERATOR_SYMBOLS[target.operator]} ${target.value}`;
      return target.unit ? `${head} ${target.unit}` : head;
    }
    case 'boolean':
      return target.value ? '是' : '否';
    case 'qualitative':
      return `定性：${target.text}`;
    case 'invalid':
      return `无法识别：${target.text}`;
    case 'empty':
      return '（空）';
  }
}
