import { Alert, Button, Result, Spin, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { ImportConfirmResult, ImportPreview } from '@jxt/contracts';
import { PageHeading } from '../../ui/PageHeading';
import { ReadFailure } from '../../ui/ReadFailure';
import { useCurrentUser } from '../auth/hooks';
import { useOrganizations } from '../projects/hooks';
import { ImportPreviewView, type SheetChoice } from './components/ImportPreviewView';
import { useConfirmImport, useImportLimits, useImportPreview, useUploadImport } from './hooks';
import { confirmErrorMessage, megabytes, refuseFile, uploadErrorMessages } from './import-text';
import './imports.css';

const OUTCOME_LABELS: Record<ImportConfirmResult['forms'][number]['outcome'], string> = {
  created: '已新建',
  updated: '已更新',
  skipped: '未导入',
  exists: '已导入过，未改动',
};
const OUTCOME_COLORS: Record<ImportConfirmResult['forms'][number]['outcome'], string> = {
  created: 'green',
  updated: 'blue',
  skipped: 'default',
  exists: 'default',
};

/** What the confirm wrote: each sheet's outcome, with a link that opens the created or updated form. */
function ImportResultView({
  result,
  preview,
  onAgain,
}: {
  result: ImportConfirmResult;
  preview: ImportPreview;
  onAgain: () => void;
}) {
  const navigate = useNavigate();
  const written = result.forms.filter((form) => form.outcome !== 'skipped').length;
  const nameOf = (sheet: string) => preview.forms.find((form) => form.sheet === sheet)?.name ?? sheet;
  return (
    <Result
      status="success"
      title={`已导入 ${written} 张填报表`}
      subTitle="新建和更新的填报表均为草稿，可打开核对后提交。"
      extra={[
        <Button key="again" type="primary" onClick={onAgain}>
          继续导入
        </Button>,
        <Button key="list" onClick={() => void navigate('/projects')}>
          返回项目列表
        </Button>,
      ]}
    >
      <ul className="import-results" aria-label="导入结果">
        {result.forms.map((form) => (
          <li key={form.sheet}>
            <Tag color={OUTCOME_COLORS[form.outcome]}>{OUTCOME_LABELS[form.outcome]}</Tag>
            <Typography.Text type="secondary">{form.sheet}：</Typography.Text>
            {form.formId ? (
              <Link to={`/forms/${form.formId}`}>{nameOf(form.sheet)}</Link>
            ) : (
              <span>{nameOf(form.sheet)}</span>
            )}
          </li>
        ))}
      </ul>
    </Result>
  );
}

/**
 * 导入 (`/imports`): a workbook dropped or chosen (.xlsx) is uploaded and previewed — nothing is written — then 确认导入
 * writes the sheets kept in one transaction, and the result links each form. The preview's id stays in the URL, so a
 * reload shows it again.
 */
export function ImportPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const batchId = searchParams.get('batch') ?? undefined;
  const me = useCurrentUser();
  const organizations = useOrganizations();
  const upload = useUploadImport();
  const stored = useImportPreview(batchId);
  const confirm = useConfirmImport(batchId ?? '');
  const maxBytes = useImportLimits().data?.maxBytes;
  const [refusal, setRefusal] = useState<string[] | null>(null);
  const [done, setDone] = useState<{ result: ImportConfirmResult; preview: ImportPreview } | null>(null);

  const canConfirm = me.data?.roles.includes('filer') ?? false;
  const preview = stored.data;

  const take = (file: File) => {
    const refused = refuseFile(file, maxBytes);
    setRefusal(refused ? [refused] : null);
    if (refused) return;
    upload.mutate(file, {
      onSuccess: (answer) => setSearchParams({ batch: answer.id }),
      onError: (error) => setRefusal(uploadErrorMessages(error)),
    });
  };
  const reset = () => {
    setRefusal(null);
    setDone(null);
    upload.reset();
    confirm.reset();
    setSearchParams({});
  };
  const confirmChoices = (choices: Map<string, SheetChoice>) => {
    if (!preview) return;
    confirm.mutate(
      {
        sheets: [...choices].map(([sheet, choice]) => ({
          sheet,
          include: choice.include,
          ...(choice.include && choice.organizationId ? { organizationId: choice.organizationId } : {}),
        })),
      },
      {
        onSuccess: (result) => {
          setDone({ result, preview });
          // A confirmed batch cannot be confirmed again: a reload shows the empty page, not a stale preview.
          setSearchParams({}, { replace: true });
        },
      },
    );
  };

  return (
    <div className="import-page">
      <PageHeading title="导入 Excel">
        <Link to="/projects">← 项目列表</Link>
      </PageHeading>

      {done ? (
        <ImportResultView result={done.result} preview={done.preview} onAgain={reset} />
      ) : batchId ? (
        <>
          {stored.isPending && <Spin description="正在读取预览…" />}
          {stored.isError && <ReadFailure what="导入预览" error={stored.error} onRetry={() => void stored.refetch()} />}
          {preview && (
            <>
              <Typography.Paragraph type="secondary">预览保留 24 小时，过期后请重新上传。</Typography.Paragraph>
              {confirm.isError && (
                <Alert
                  type="error"
                  showIcon
                  role="alert"
                  style={{ marginBottom: 16 }}
                  title="未导入"
                  description={confirmErrorMessage(confirm.error)}
                />
              )}
              <ImportPreviewView
                key={preview.id}
                preview={preview}
                organizations={organizations.data ?? []}
                ownOrganizationId={me.data?.organization.id}
                canConfirm={canConfirm}
                confirming={confirm.isPending}
                onConfirm={confirmChoices}
                onCancel={reset}
              />
            </>
          )}
        </>
      ) : (
        <>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={false}
            showUploadList={false}
            disabled={upload.isPending}
            // The file goes through our own upload (the preview answer), not antd's request.
            beforeUpload={(file) => {
              take(file);
              return Upload.LIST_IGNORE;
            }}
          >
            <p className="ant-upload-text">
              {upload.isPending ? '正在读取工作簿…' : '将 .xlsx 文件拖到此处，或点击选择文件'}
            </p>
            <p className="ant-upload-hint">
              绩效目标填报表（官方格式及各地常见格式），一个工作表一张表，可含多个工作表
              {maxBytes !== undefined && `；单个文件不超过 ${megabytes(maxBytes)}`}
              。上传后先显示预览，确认导入前不会改动任何数据。
            </p>
          </Upload.Dragger>
          {refusal && (
            <Alert
              type="error"
              showIcon
              role="alert"
              style={{ marginTop: 16 }}
              title="文件未导入"
              description={
                refusal.length === 1 ? (
                  refusal[0]
                ) : (
                  <ul className="import-reasons">
                    {refusal.map((message) => (
                      <li key={message}>{message}</li>
                    ))}
                  </ul>
                )
              }
            />
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
            官方格式可在填报表页“导出
            Excel”得到；导入时按“项目编码”（本人范围内）或“项目名称”（本单位）找到项目，已提交或已锁定的表不会改动。
          </Typography.Paragraph>
        </>
      )}
    </div>
  );
}
