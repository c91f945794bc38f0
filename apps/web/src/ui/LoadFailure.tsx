import { Button, Result, Space } from 'antd';
import { Link } from 'react-router';
import { ApiRequestError } from '../api/http';

export interface LoadFailureProps {
  error: Error;
  /** `找不到这张表` (404). */
  notFoundTitle: string;
  /** `无法读取这张表` (anything else). */
  failedTitle: string;
  /** The list to go back to: path and link text. */
  backTo: string;
  backLabel: string;
  onRetry: () => void;
}

/** A page whose record could not be read: 404, 403 or another error, with the way back and 重试. */
export function LoadFailure({ error, notFoundTitle, failedTitle, backTo, backLabel, onRetry }: LoadFailureProps) {
  const status = error instanceof ApiRequestError ? error.status : 0;
  return (
    <Result
      status={status === 404 ? '404' : status === 403 ? '403' : 'error'}
      title={status === 404 ? notFoundTitle : failedTitle}
      subTitle={error.message}
      extra={
        <Space>
          <Link to={backTo}>{backLabel}</Link>
          <Button onClick={onRetry}>重试</Button>
        </Space>
      }
    />
  );
}
