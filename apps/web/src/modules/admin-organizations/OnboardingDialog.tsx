import {
  ORGANIZATION_KIND_LABELS,
  ROLE_LABELS,
  type OnboardedUser,
  type OnboardingPreview,
  type OnboardingProblem,
  type OnboardingResult,
} from '@jxt/contracts';
import { Alert, App, Button, Flex, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiRequestError } from '../../api/http';
import { ONBOARDING_TEMPLATE_URL } from './api';
import { useOnboardingConfirm, useOnboardingPreview } from './hooks';

const ACTION_TAGS = {
  create: <Tag color="green">新建</Tag>,
  exists: <Tag>已存在</Tag>,
  error: <Tag color="red">有错误</Tag>,
} as const;

const cellOf = (p: OnboardingProblem) => `${p.sheet}!${p.column}${p.row}`;

/** The new users and their passwords as tab-separated lines: pasted into Excel or WPS, one user a row. */
export function passwordSheet(users: OnboardedUser[]): string {
  const lines = users.map((u) =>
    [
      u.username,
      u.displayName,
      u.organizationName,
      u.roles.map((r) => ROLE_LABELS[r]).join('、'),
      u.initialPassword,
    ].join('\t'),
  );
  return ['用户名\t姓名\t所属组织\t角色\t初始密码', ...lines].join('\n');
}

function ProblemTable({ problems }: { problems: OnboardingProblem[] }) {
  return (
    <Table<OnboardingProblem>
      size="small"
      aria-label="问题"
      rowKey={(p) => `${cellOf(p)} ${p.message}`}
      pagination={problems.length > 10 ? { pageSize: 10 } : false}
      dataSource={problems}
      columns={[
        {
          title: '级别',
          dataIndex: 'severity',
          width: 72,
          render: (s: OnboardingProblem['severity']) =>
            s === 'error' ? <Tag color="red">错误</Tag> : <Tag color="gold">提醒</Tag>,
        },
        {
          title: '单元格',
          key: 'cell',
          width: 96,
          render: (_, p) => <Typography.Text code>{cellOf(p)}</Typography.Text>,
        },
        { title: '问题', dataIndex: 'message' },
      ]}
    />
  );
}

function PreviewView({ preview }: { preview: OnboardingPreview }) {
  const count = <T extends { action: string }>(rows: T[], action: string) =>
    rows.filter((r) => r.action === action).length;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Text>
        组织：新建 {count(preview.organizations, 'create')}，已存在 {count(preview.organizations, 'exists')}
        ；用户：新建 {count(preview.users, 'create')}，已存在 {count(preview.users, 'exists')}
      </Typography.Text>
      {preview.problems.length > 0 && <ProblemTable problems={preview.problems} />}
      <Table
        size="small"
        aria-label="组织"
        title={() => '组织'}
        rowKey="row"
        pagination={preview.organizations.length > 8 ? { pageSize: 8 } : false}
        dataSource={preview.organizations}
        columns={[
          { title: '行', dataIndex: 'row', width: 56 },
          { title: '组织名称', dataIndex: 'name' },
          {
            title: '组织类型',
            dataIndex: 'kind',
            width: 96,
            render: (k: keyof typeof ORGANIZATION_KIND_LABELS | null) => (k ? ORGANIZATION_KIND_LABELS[k] : '—'),
          },
          { title: '上级组织', dataIndex: 'parentName', render: (p: string | null) => p ?? '（本组织）' },
          { title: '', dataIndex: 'action', width: 84, render: (a: keyof typeof ACTION_TAGS) => ACTION_TAGS[a] },
        ]}
      />
      <Table
        size="small"
        aria-label="用户"
        title={() => '用户'}
        rowKey="row"
        pagination={preview.users.length > 8 ? { pageSize: 8 } : false}
        dataSource={preview.users}
        columns={[
          { title: '行', dataIndex: 'row', width: 56 },
          { title: '用户名', dataIndex: 'username' },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '所属组织', dataIndex: 'organizationName' },
          {
            title: '角色',
            dataIndex: 'roles',
            render: (roles: (keyof typeof ROLE_LABELS)[]) => roles.map((r) => ROLE_LABELS[r]).join('、'),
          },
          { title: '', dataIndex: 'action', width: 84, render: (a: keyof typeof ACTION_TAGS) => ACTION_TAGS[a] },
        ]}
      />
    </Space>
  );
}

function ResultView({ result }: { result: OnboardingResult }) {
  const { message } = App.useApp();
  const text = passwordSheet(result.users);
  const download = () => {
    // A BOM so that Excel and WPS read the Chinese text of the file as UTF-8.
    const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/tab-separated-values;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = '初始密码.txt';
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type="success"
        showIcon
        title={`已导入：新建组织 ${result.organizations.length} 个，用户 ${result.users.length} 个`}
      />
      {result.users.length > 0 && (
        <>
          <Alert
            type="warning"
            showIcon
            title="初始密码只显示这一次：请复制或下载后分发给各用户，用户首次登录须修改密码"
          />
          <Flex gap={8}>
            <Button
              onClick={() =>
                void navigator.clipboard.writeText(text).then(
                  () => message.success('已复制，可直接粘贴到 Excel 或 WPS'),
                  () => message.error('无法访问剪贴板，请改用下载'),
                )
              }
            >
              复制全部
            </Button>
            <Button onClick={download}>下载（可用 Excel 打开）</Button>
          </Flex>
          <Table<OnboardedUser>
            size="small"
            aria-label="新用户的初始密码"
            rowKey="id"
            pagination={false}
            dataSource={result.users}
            columns={[
              { title: '用户名', dataIndex: 'username' },
              { title: '姓名', dataIndex: 'displayName' },
              { title: '所属组织', dataIndex: 'organizationName' },
              {
                title: '角色',
                dataIndex: 'roles',
                render: (roles: OnboardedUser['roles']) => roles.map((r) => ROLE_LABELS[r]).join('、'),
              },
              {
                title: '初始密码',
                dataIndex: 'initialPassword',
                render: (p: string) => (
                  <Typography.Text code copyable>
                    {p}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </>
      )}
    </Space>
  );
}

/**
 * 批量导入 (issue 13 point 7): download the template, drop the filled workbook, read the preview with every problem
 * by cell, confirm (the same file again, written in one transaction), then the new users' initial passwords, once.
 */
export function OnboardingDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const preview = useOnboardingPreview();
  const confirm = useOnboardingConfirm();
  const result = confirm.data;
  const refusal = confirm.error instanceof ApiRequestError ? confirm.error.body : null;
  const errors = preview.data?.problems.filter((p) => p.severity === 'error').length ?? 0;

  const reset = () => {
    setFile(null);
    preview.reset();
    confirm.reset();
  };
  const close = () => {
    reset();
    onClose();
  };
  const choose = (chosen: File) => {
    reset();
    setFile(chosen);
    preview.mutate(chosen);
    return false;
  };

  const footer = result ? (
    <Button type="primary" onClick={close}>
      完成
    </Button>
  ) : (
    <Space>
      {file && <Button onClick={reset}>重新选择文件</Button>}
      <Button onClick={close}>取消</Button>
      <Button
        type="primary"
        disabled={!preview.data || errors > 0}
        loading={confirm.isPending}
        onClick={() => file && confirm.mutate(file)}
      >
        确认导入
      </Button>
    </Space>
  );

  return (
    <Modal title="批量导入组织和用户" open={open} onCancel={close} footer={footer} width={960} destroyOnHidden>
      {result ? (
        <ResultView result={result} />
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Paragraph style={{ margin: 0 }}>
            先下载模板，在“组织”“用户”两个工作表中填写（“说明”工作表有填写方法），再上传。上传后只预览，确认后才一次写入；
            有任何错误时不写入任何内容。
            <Button type="link" href={ONBOARDING_TEMPLATE_URL} download>
              下载模板
            </Button>
          </Typography.Paragraph>
          {!file && (
            <Upload.Dragger
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              showUploadList={false}
              multiple={false}
              beforeUpload={choose}
            >
              <p>把填好的模板（.xlsx）拖到这里，或点击选择文件</p>
            </Upload.Dragger>
          )}
          {file && <Typography.Text type="secondary">文件：{file.name}</Typography.Text>}
          {preview.isPending && <Alert type="info" title="正在读取……" />}
          {preview.error && <Alert type="error" showIcon title={preview.error.message || '文件无法读取'} />}
          {refusal && (
            <Alert
              type="error"
              showIcon
              title={refusal.message}
              description={refusal.fields?.map((f) => `${f.field} ${f.message}`).join('；')}
            />
          )}
          {preview.data && errors > 0 && (
            <Alert type="error" showIcon title={`有 ${errors} 处错误：请在工作簿中改正后重新上传`} />
          )}
          {preview.data && <PreviewView preview={preview.data} />}
        </Space>
      )}
    </Modal>
  );
}
