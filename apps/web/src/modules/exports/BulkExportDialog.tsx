import { Alert, Button, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  EXPORT_FORMATS,
  EXPORT_FORMAT_LABELS,
  EXPORT_KINDS,
  EXPORT_KIND_LABELS,
  type ExportFormat,
  type ExportKind,
} from '@jxt/contracts';
import { ExportJobList } from './ExportJobList';
import { useStartExport } from './hooks';
import './exports.css';

/**
 * 批量导出 (主管部门, 财政): every form or 自评表 of the year in the caller's scope, as one workbook (汇总 + one sheet per
 * form) or a .zip, written in the background; the 导出任务 list below shows each job's progress and then its 下载 link
 * (the 导出任务 page keeps the list once the dialog is closed). Opens on the kind of the list it was opened from.
 */
export function BulkExportDialog({
  year,
  initialKind = 'goal',
  onClose,
}: {
  year: number;
  initialKind?: ExportKind;
  onClose: () => void;
}) {
  const [kind, setKind] = useState<ExportKind>(initialKind);
  const [format, setFormat] = useState<ExportFormat>('xlsx');
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
          导出本人管辖范围内该年度的全部表，在后台进行；完成后在下方“导出任务”中下载，文件到期后自动删除。关闭本窗口后，可在
          <Link to="/exports">导出任务</Link>页继续查看进度和下载。
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
          <ExportJobList headingId="export-jobs" />
        </div>
      </Space>
    </Modal>
  );
}
