import { Alert, Button } from 'antd';
import { ApiRequestError } from '../../../api/http';

export interface StepFailure {
  status: number;
  message: string;
  details: string[];
}

/** The server's refusal of a step: 409 with 重新加载, the rest with its field messages. */
export function StepFailureAlert({ failure, label, onReload }: { failure: StepFailure; label: string; onReload?: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      className="eval-step-failure"
      title={failure.status === 409 ? '这张自评表已被他人处理或修改' : failure.status === 403 ? '无权执行此操作' : `未能${label}`}
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
        failure.status === 409 && onReload ? (
          <Button size="small" onClick={onReload}>
            重新加载
          </Button>
        ) : undefined
      }
    />
  );
}

export function toFailure(error: Error): StepFailure {
  if (error instanceof ApiRequestError) return { status: error.status, message: error.body.message, details: (error.body.fields ?? []).map((f) => f.message) };
  return { status: 0, message: error.message || '操作失败，请稍后再试', details: [] };
}
