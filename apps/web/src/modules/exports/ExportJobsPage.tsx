import { Typography } from 'antd';
import { PageHeading } from '../../ui/PageHeading';
import { ExportJobList } from './ExportJobList';

/**
 * 导出任务 (`/exports`): the caller's recent 批量导出 jobs, running (with progress) and finished (下载 until the file
 * expires), found again after the dialog that started them was closed.
 */
export function ExportJobsPage() {
  return (
    <div className="export-jobs-page">
      <PageHeading title="导出任务" />
      <Typography.Paragraph type="secondary">
        在“项目”或“绩效自评”列表点“批量导出”开始；导出在后台进行，离开页面也不会中断。导出中的显示进度，完成后可下载，文件到期后自动删除。
      </Typography.Paragraph>
      <Typography.Title level={5} id="export-jobs-page-list">
        最近的导出
      </Typography.Title>
      <ExportJobList headingId="export-jobs-page-list" />
    </div>
  );
}
