import { Tag } from 'antd';
import { EVALUATION_STATUS_LABELS, type EvaluationStatus } from '@jxt/contracts';

const STATUS_COLORS: Record<EvaluationStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  reviewed: 'cyan',
  final: 'success',
};

/** A 自评表's status as a coloured tag with its label (list, page and timeline). */
export function EvaluationStatusTag({ status }: { status: EvaluationStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{EVALUATION_STATUS_LABELS[status] ?? status}</Tag>;
}
