import { Tag } from 'antd';
import { FORM_STATUS_LABELS, type FormStatus } from '@jxt/contracts';

const STATUS_COLORS: Record<FormStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  supervisor_approved: 'cyan',
  reported: 'blue',
  finance_approved: 'success',
  returned: 'warning',
  finance_returned: 'orange',
  rejected: 'error',
};

/** A form's status as a coloured tag with its printed label (one place for list, form and inbox). */
export function FormStatusTag({ status }: { status: FormStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{FORM_STATUS_LABELS[status] ?? status}</Tag>;
}
