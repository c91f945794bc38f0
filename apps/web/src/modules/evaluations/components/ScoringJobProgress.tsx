import { Alert, Button, Progress } from 'antd';
import { useScoringJob } from '../hooks';

const count = (n: number) => n.toLocaleString('zh-CN');

/** 重新评分 after a policy change: the job's progress, asked every 500 ms until it is done or failed. */
export function ScoringJobProgress({
  jobId,
  onRestart,
  restarting = false,
}: {
  jobId: string;
  onRestart?: () => void;
  restarting?: boolean;
}) {
  const job = useScoringJob(jobId);
  if (job.isError)
    return (
      <Alert
        type="error"
        showIcon
        className="form-alert"
        title="无法读取重新评分进度"
        description={job.error.message}
      />
    );
  if (!job.data) return null;
  const { status, done, total, error } = job.data;
  // A count for the bar, not a money or score figure: whole percents are all it shows.
  const percent = total > 0 ? Math.floor((done * 100) / total) : status === 'done' ? 100 : 0;
  const text =
    status === 'superseded'
      ? `重新评分：已有更新版本的评分规则，由新版本的任务继续（本任务完成 ${count(done)} / ${count(total)}）`
      : `重新评分：${status === 'done' ? '已完成' : status === 'failed' ? '失败，已完成' : status === 'queued' ? '排队中，已完成' : '已完成'} ${count(done)} / ${count(total)}`;
  return (
    <div className="policy-job" role="status" aria-live="polite">
      <div>{text}</div>
      <Progress
        percent={percent}
        status={
          status === 'failed'
            ? 'exception'
            : status === 'done'
              ? 'success'
              : status === 'superseded'
                ? 'normal'
                : 'active'
        }
        aria-label="重新评分进度"
      />
      {status === 'failed' && (
        <Alert
          type="error"
          showIcon
          title="重新评分失败"
          description={error ?? undefined}
          action={
            onRestart && (
              <Button size="small" loading={restarting} onClick={onRestart}>
                重新评分
              </Button>
            )
          }
        />
      )}
    </div>
  );
}
