import {
  FORM_FIELD_LABELS as L,
  PROJECT_CONTINUITY,
  PROJECT_CONTINUITY_LABELS,
  type CreateProjectRequest,
  type Organization,
  type ProjectContinuity,
} from '@jxt/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { DatePicker, Form, Input, Modal, Radio, Select, TreeSelect, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { ApiRequestError } from '../../api/http';
import { useCodeList, useCreateProject, useProjectHeaderProposal } from './hooks';
import { useFunctionClasses } from '../forms/hooks';
import { taxonomyQuery } from '../forms/queries';
import { buildOrgTree, OWNER_KINDS, ownerTree } from './org-tree';

export interface NewProjectDialogProps {
  year: number;
  organizations: Organization[];
  /** The caller's own organisation: the owner proposed when it may own projects. */
  ownOrganizationId: string | undefined;
  onClose: () => void;
  /** The project is made with its year's draft: open that form. */
  onCreated: (formId: string) => void;
}

interface Values {
  organizationId?: string;
  name?: string;
  code?: string;
  categoryCode?: string;
  continuity: ProjectContinuity;
  functionClassCode?: string;
  printedDepartment?: string;
  printedImplementingUnit?: string;
  plannedStart?: Dayjs | null;
  plannedEnd?: Dayjs | null;
}

const blank = (text: string | undefined) => (text?.trim() ? text.trim() : null);

/**
 * 新建项目: the header a filer knows before the form (名称, 编码 or generated, 类别, 新增/延续, 功能分类科目, the
 * planned dates), with 主管部门 and 实施单位 proposed from the organisation tree. Creates the project with its
 * year's draft; the caller opens it in edit mode.
 */
export function NewProjectDialog({
  year,
  organizations,
  ownOrganizationId,
  onClose,
  onCreated,
}: NewProjectDialogProps) {
  const [form] = Form.useForm<Values>();
  const create = useCreateProject();
  const categories = useCodeList('project_category');
  const functionClasses = useFunctionClasses(year);
  const [failure, setFailure] = useState<string | null>(null);
  const client = useQueryClient();
  // The editor that opens next needs the year's 指标体系: read while the filer types, not after 创建并填报.
  useEffect(() => {
    void client.prefetchQuery(taxonomyQuery(year));
  }, [client, year]);

  // A 停用 organisation owns no new project: treated as a kind that owns none.
  const kinds = useMemo(
    () => new Map(organizations.map((o) => [o.id, o.disabled ? 'disabled' : (o.kind as string)])),
    [organizations],
  );
  const tree = useMemo(() => ownerTree(buildOrgTree(organizations), kinds), [organizations, kinds]);
  const owners = organizations.filter((o) => OWNER_KINDS.has(o.kind) && !o.disabled);
  const proposedOwner =
    ownOrganizationId && OWNER_KINDS.has(kinds.get(ownOrganizationId) ?? '')
      ? ownOrganizationId
      : owners.length === 1
        ? owners[0].id
        : undefined;

  // initialValues apply once, at mount: the organisations may arrive after the dialog opened.
  useEffect(() => {
    if (proposedOwner && !form.isFieldTouched('organizationId') && !form.getFieldValue('organizationId'))
      form.setFieldsValue({ organizationId: proposedOwner });
  }, [proposedOwner, form]);

  const organizationId = Form.useWatch('organizationId', form) ?? proposedOwner;
  const proposal = useProjectHeaderProposal(organizationId);
  // The proposal fills 主管部门 and 实施单位 until the filer types in them.
  useEffect(() => {
    if (!proposal.data) return;
    const untouched = (['printedDepartment', 'printedImplementingUnit'] as const).filter(
      (field) => !form.isFieldTouched(field),
    );
    form.setFieldsValue(Object.fromEntries(untouched.map((field) => [field, proposal.data[field] ?? undefined])));
  }, [proposal.data, form]);

  const submit = async (values: Values) => {
    setFailure(null);
    const body: CreateProjectRequest = {
      organizationId: values.organizationId ?? '',
      year,
      name: values.name ?? '',
      code: blank(values.code),
      categoryCode: values.categoryCode ?? null,
      continuity: values.continuity,
      functionClassCode: values.functionClassCode ?? null,
      printedDepartment: blank(values.printedDepartment),
      printedImplementingUnit: blank(values.printedImplementingUnit),
      plannedStart: values.plannedStart ? values.plannedStart.format('YYYY-MM-DD') : null,
      plannedEnd: values.plannedEnd ? values.plannedEnd.format('YYYY-MM-DD') : null,
    };
    try {
      const created = await create.mutateAsync(body);
      onCreated(created.formId);
    } catch (error) {
      if (!(error instanceof ApiRequestError)) {
        setFailure('无法连接服务器，请稍后重试');
        return;
      }
      // The server names the field it refused (name, code …): show the message there, keep what was typed.
      const known = new Set([
        'organizationId',
        'name',
        'code',
        'categoryCode',
        'functionClassCode',
        'plannedStart',
        'plannedEnd',
      ]);
      const fields = (error.body.fields ?? []).map((f) => ({ ...f, field: f.field.replace(/^project\./, '') }));
      form.setFields(
        fields.filter((f) => known.has(f.field)).map((f) => ({ name: f.field as keyof Values, errors: [f.message] })),
      );
      if (!fields.some((f) => known.has(f.field))) setFailure(error.body.message);
    }
  };

  return (
    <Modal
      open
      title={`新建项目（${year} 年度）`}
      okText="创建并填报"
      cancelText="取消"
      confirmLoading={create.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark
        onFinish={(values) => void submit(values)}
        initialValues={{
          organizationId: proposedOwner,
          continuity: 'new',
          plannedStart: dayjs(`${year}-01-01`),
          plannedEnd: dayjs(`${year}-12-31`),
        }}
        className="new-project-form"
      >
        <Form.Item
          name="name"
          label={L.projectName}
          rules={[{ required: true, whitespace: true, message: '请填写项目名称' }]}
        >
          <Input autoFocus maxLength={300} />
        </Form.Item>
        <Form.Item name="organizationId" label="所属单位" rules={[{ required: true, message: '请选择预算单位' }]}>
          <TreeSelect
            aria-label="所属单位"
            treeData={tree}
            treeDefaultExpandAll
            showSearch
            treeNodeFilterProp="title"
            placeholder="请选择预算单位或内设机构"
          />
        </Form.Item>
        <div className="new-project-row">
          <Form.Item name="code" label={L.projectCode} extra="留空则自动生成，如 2023-0001">
            <Input maxLength={64} placeholder="自动生成" />
          </Form.Item>
          <Form.Item name="continuity" label={L.continuity}>
            <Radio.Group
              optionType="button"
              options={PROJECT_CONTINUITY.map((value) => ({ value, label: PROJECT_CONTINUITY_LABELS[value] }))}
            />
          </Form.Item>
        </div>
        <div className="new-project-row">
          <Form.Item name="categoryCode" label={L.category}>
            <Select
              aria-label={L.category}
              allowClear
              placeholder="请选择"
              loading={categories.isPending}
              options={(categories.data ?? []).map((item) => ({ value: item.code, label: item.label }))}
            />
          </Form.Item>
          <Form.Item name="functionClassCode" label={L.functionClass}>
            <Select
              aria-label={L.functionClass}
              allowClear
              showSearch={{ optionFilterProp: 'search' }}
              placeholder="输入名称或编码搜索"
              loading={functionClasses.isPending}
              options={(functionClasses.data ?? []).map((item) => ({
                value: item.code,
                label: `${item.code} ${item.label}`,
                search: `${item.code} ${item.label}`,
              }))}
            />
          </Form.Item>
        </div>
        <div className="new-project-row">
          <Form.Item name="printedDepartment" label={L.printedDepartment} extra="按组织树建议，可修改">
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="printedImplementingUnit" label={L.printedImplementingUnit}>
            <Input maxLength={300} />
          </Form.Item>
        </div>
        <div className="new-project-row">
          <Form.Item name="plannedStart" label={L.plannedStart}>
            <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} aria-label={L.plannedStart} />
          </Form.Item>
          <Form.Item
            name="plannedEnd"
            label={L.plannedEnd}
            dependencies={['plannedStart']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, end: Dayjs | null | undefined) => {
                  const start = getFieldValue('plannedStart') as Dayjs | null | undefined;
                  return start && end && end.isBefore(start)
                    ? Promise.reject(new Error('计划完成日期不能早于计划开始日期'))
                    : Promise.resolve();
                },
              }),
            ]}
          >
            <DatePicker format="YYYY-MM-DD" style={{ width: '100%' }} aria-label={L.plannedEnd} />
          </Form.Item>
        </div>
        {failure && (
          <Typography.Text type="danger" role="alert">
            {failure}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
