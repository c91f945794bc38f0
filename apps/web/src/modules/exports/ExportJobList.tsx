import { Empty, Progress, Space, Tag, Typography } from 'antd';
import { EXPORT_JOB_STATUS_LABELS, EXPORT_KIND_LABELS, type ExportJob } from '@jxt/contracts';
import { ReadFailure } from '../../ui/ReadFailure';
import { exportFileUrl } from './api';
import { exportRunning, useExports } from './hooks';
import './exports.css';

const STATUS_COLORS: Record<ExportJob['status'], string> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
  expired: 'default',
};

const size = (bytes: number | null) =>
  bytes === null
    ? ''
    : bytes < 1024 * 1024
      ? `${Math.max(1, Math.round(bytes / 1024))} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const time = (iso: string) =>
  new Date(iso).toLocaleString('zh-CN', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** One job of the 导出任务 list: what it exports, its progress while it runs, then the download link. */
function ExportJobItem({ job }: { job: ExportJob }) {
  // A count for the bar: whole percents are all it shows.
  const percent = job.total > 0 ? Math.floor((job.done * 100) / job.total) : job.status === 'done' ? 100 : 0;
  const what = `${job.year} 年度${EXPORT_KIND_LABELS[job.kind]} · ${job.format === 'zip' ? '压缩包' : '工作簿'}`;
  return (
    <li className="export-job" aria-label={what}>
      <Space wrap size={[8, 4]}>
        <Typography.Text strong>{what}</Typography.Text>
        <Tag color={STATUS_COLORS[job.status]}>{EXPORT_JOB_STATUS_LABELS[job.status]}</Tag>
        <Typography.Text type="secondary">{time(job.createdAt)}</Typography.Text>
      </Space>
      {exportRunning(job.status) && (
        <div role="status" aria-live="polite">
          <Progress
            percent={percent}
            status="active"
            size="small"
            aria-label={`${what} 导出进度`}
            format={() => `${job.done} / ${job.total}`}
          />
        </div>
      )}
      {job.status === 'done' && (
        <div>
          <a href={exportFileUrl(job.id)} download>
            下载
          </a>{' '}
          <Typography.Text type="secondary">
            {job.fileName} {size(job.fileSize)}
            {job.expiresAt && ` · 保留至 ${time(job.expiresAt)}`}
          </Typography.Text>
        </div>
      )}
      {job.status === 'failed' && (
        <Typography.Text type="danger">{job.error ?? '导出出错，请重新导出'}</Typography.Text>
      )}
      {job.status === 'expired' && <Typography.Text type="secondary">文件已过期删除，请重新导出</Typography.Text>}
    </li>
  );
}

/**
 * 导出任务: the caller's recent export jobs (asked every second while one runs), each with its progress, then its 下载
 * link or why there is none. The same list in the 批量导出 dialog and on the 导出任务 page.
 */
export function ExportJobList({ headingId }: { headingId: string }) {
  const jobs = useExports();
  return (
    <>
      {jobs.isError && <ReadFailure what="导出任务" error={jobs.error} onRetry={() => void jobs.refetch()} />}
      {jobs.data && jobs.data.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有导出任务" />
      )}
      {jobs.data && jobs.data.length > 0 && (
        <ul className="export-jobs" aria-labelledby={headingId}>
          {jobs.data.map((job) => (
            <ExportJobItem key={job.id} job={job} />
          ))}
        </ul>
      )}
    </>
  );
}
