import { Alert, Button } from 'antd';

export interface ReadFailureProps {
  /** What could not be read, as the sentence names it: `截止日期` gives 无法读取截止日期. */
  what: string;
  error: Error;
  /** Asks again (a query's `refetch`, which never rejects: a new failure shows here again). */
  onRetry: () => void;
  className?: string;
}

/**
 * A part of a page whose read failed: what, the server's reason and 重试; the rest of the page stays usable. A whole
 * page whose record could not be read is `LoadFailure`'s.
 */
export function ReadFailure({ what, error, onRetry, className }: ReadFailureProps) {
  return (
    <Alert
      role="alert"
      className={className}
      type="error"
      showIcon
      title={`无法读取${what}`}
      description={error.message || '无法连接服务器，请稍后重试'}
      action={
        <Button size="small" onClick={onRetry}>
          重试
        </Button>
      }
    />
  );
}
