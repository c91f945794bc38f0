import { Alert, Button } from 'antd';
import { ApiRequestError } from '../api/http';

/** The server's refusal of a workflow step: status, message, and the field messages the dialog does not show itself. */
export interface StepFailure {
  status: number;
  message: string;
  details: string[];
}

export interface StepFailureAlertProps {
  failure: StepFailure;
  /** The step (`退回`): `未能退回`. */
  label: string;
  /** The title of a 409: `这张表已被他人处理或修改`, `这张自评表已被他人处理或修改`. */
  conflictTitle: string;
  className?: string;
  /** Close the step's dialog. */
  onClose: () => void;
  /** Fetch the record again (after a 409). */
  onReload?: () => unknown;
}

/** The server's refusal of a step inside its dialog: 409 with 重新加载 (closes the dialog, reads again), the rest with its field messages. */
export function StepFailureAlert({
  failure,
  label,
  conflictTitle,
  className,
  onClose,
  onReload,
}: StepFailureAlertProps) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      className={className}
      title={failure.status === 409 ? conflictTitle : failure.status === 403 ? '无权执行此操作' : `未能${label}`}
      description={
        <>
          <div>{failure.message}</div>
          {failure.details.length > 0 && (
            <ul className="issue-list">
              {failure.details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
        </>
      }
      action={
        failure.status === 409 ? (
          <Button
            size="small"
            onClick={() => {
              onClose();
              void onReload?.();
            }}
          >
            重新加载
          </Button>
        ) : undefined
      }
    />
  );
}

/** A failed step as the alert shows it; `shownInForm`: fields the dialog marks on its own inputs, left out of the details. */
export function toFailure(error: Error, shownInForm: readonly string[] = []): StepFailure {
  if (error instanceof ApiRequestError) {
    const fields = error.body.fields ?? [];
    return {
      status: error.status,
      message: error.body.message,
      details: fields.filter((f) => !shownInForm.includes(f.field)).map((f) => f.message),
    };
  }
  return { status: 0, message: error.message || '操作失败，请稍后再试', details: [] };
}
