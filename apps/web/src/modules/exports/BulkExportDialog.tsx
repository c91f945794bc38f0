import { Alert, Button, Empty, Modal, Progress, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  EXPORT_FORMATS,
  EXPORT_FORMAT_LABELS,
  EXPORT_JOB_STATUS_LABELS,
  EXPORT_KINDS,
  EXPORT_KIND_LABELS,
  type ExportFormat,
  type ExportJob,
  type ExportKind,
} from '@jxt/contracts';
import { ReadFailure } from '../../ui/ReadFailure';
import { exportFileUrl } from './api';
import { exportRunning, useExports, useStartExport } from './hooks';
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
 * 批量导出 (主管部门, 财政): every form or 自评表 of the year in the caller's scope, as one workbook (汇总 + one sheet per
 * form) or a .zip, written in the background; the 导出任务 list below shows each job's progress and then its 下载 link.
 */
export function BulkExportDialog({ year, onClose }: { year: number; onClose: () => void }) {
  const [kind, setKind] = useState<ExportKind>('goal');
  const [format, setFormat] = useState<ExportFormat>('xlsx');
  const jobs = useExports();
  const start = useStartExport();
  return (
    <Modal
      open
      title={`批量导出 ${year} 年度`}
      onCancel={onClose}
      footer={<Button onClick={onClose}>关闭</Button>}
      width={620}
      destroyOnHidden
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          导出本人管辖范围内该年度的全部表，在后台进行；完成后在下方“导出任务”中下载，文件到期后自动删除。
        </Typography.Paragraph>
        <div>
          <Typography.Text id="bulk-export-kind">导出内容</Typography.Text>
          <div>
            <Radio.Group
              aria-labelledby="bulk-export-kind"
              name="bulk-export-kind"
              value={kind}
              onChange={(event) => setKind(event.target.value as ExportKind)}
              options={EXPORT_KINDS.map((value) => ({ value, label: EXPORT_KIND_LABELS[value] }))}
            />
          </div>
        </div>
        <div>
          <Typography.Text id="bulk-export-format">文件格式</Typography.Text>
          <div>
            <Radio.Group
              aria-labelledby="bulk-export-format"
              name="bulk-export-format"
              value={format}
              onChange={(event) => setFormat(event.target.value as ExportFormat)}
              options={EXPORT_FORMATS.map((value) => ({ value, label: EXPORT_FORMAT_LABELS[value] }))}
            />
          </div>
        </div>
        <Button type="primary" loading={start.isPending} onClick={() => start.mutate({ kind, year, format })}>
          开始导出
        </Button>
        {start.isError && <Alert type="error" showIcon title="无法开始导出" description={start.error.message} />}

        <div>
          <Typography.Title level={5} id="export-jobs">
            导出任务
          </Typography.Title>
          {jobs.isError && <ReadFailure what="导出任务" error={jobs.error} onRetry={() => void jobs.refetch()} />}
          {jobs.data && jobs.data.length === 0 && (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有导出任务" />
          )}
          {jobs.data && jobs.data.length > 0 && (
            <ul className="export-jobs" aria-labelledby="export-jobs">
              {jobs.data.map((job) => (
                <ExportJobItem key={job.id} job={job} />
              ))}
            </ul>
          )}
        </div>
      </Space>
    </Modal>
  );
}
