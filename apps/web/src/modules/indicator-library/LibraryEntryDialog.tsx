import {
  LIBRARY_TIER_LABELS,
  type CodeListItem,
  type LibraryEntry,
  type LibraryEntryRequest,
  type LibraryTier,
  type TaxonomyNode,
} from '@jxt/contracts';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { ApiRequestError } from '../../api/http';
import { useSaveLibraryEntry } from './hooks';

interface Values {
  tier: LibraryTier;
  name: string;
  level2Code: string | undefined;
  valueForm: string;
  nature: string | undefined;
  measureUnit: string;
  definition: string;
  calculationMethod: string;
  functionClassCodes: string[];
  projectTags: string[];
}

export interface LibraryEntryDialogProps {
  /** The entry edited, or null to add one. */
  entry: LibraryEntry | null;
  open: boolean;
  tiers: LibraryTier[];
  taxonomy: readonly TaxonomyNode[];
  functionClasses: readonly CodeListItem[];
  onClose: () => void;
}

const blank = (text: string | undefined) => (text === undefined || text.trim() === '' ? null : text.trim());

/** 新增/修改 one entry: the fields of the library, each refusal of the server at its field. */
export function LibraryEntryDialog({
  entry,
  open,
  tiers,
  taxonomy,
  functionClasses,
  onClose,
}: LibraryEntryDialogProps) {
  const [form] = Form.useForm<Values>();
  const save = useSaveLibraryEntry();
  const [message, setMessage] = useState<string | null>(null);
  const level1 = new Map(taxonomy.filter((n) => n.level === 1).map((n) => [n.code, n.label]));
  const level2Options = [...level1.entries()].map(([code, label]) => ({
    label,
    options: taxonomy
      .filter((n) => n.level === 2 && n.parentCode === code && (!n.retired || n.code === entry?.level2Code))
      .map((n) => ({ value: n.code, label: n.label })),
  }));

  useEffect(() => {
    if (!open) return;
    setMessage(null);
    form.resetFields();
    form.setFieldsValue({
      tier: entry?.tier ?? tiers[0],
      name: entry?.name ?? '',
      level2Code: entry?.level2Code,
      valueForm: entry?.valueForm ?? '',
      nature: entry?.nature ?? undefined,
      measureUnit: entry?.measureUnit ?? '',
      definition: entry?.definition ?? '',
      calculationMethod: entry?.calculationMethod ?? '',
      functionClassCodes: entry?.functionClassCodes ?? [],
      projectTags: entry?.projectTags ?? [],
    });
  }, [open, entry, tiers, form]);

  const submit = async () => {
    const values = await form.validateFields();
    const level2 = taxonomy.find((n) => n.level === 2 && n.code === values.level2Code);
    const body: LibraryEntryRequest = {
      name: values.name.trim(),
      level1Code: level2?.parentCode ?? '',
      level2Code: values.level2Code ?? '',
      valueForm: blank(values.valueForm),
      nature: blank(values.nature),
      measureUnit: blank(values.measureUnit),
      definition: blank(values.definition),
      calculationMethod: blank(values.calculationMethod),
      functionClassCodes: values.functionClassCodes,
      projectTags: values.projectTags,
    };
    save.mutate(entry ? { id: entry.id, body } : { id: null, body: { ...body, tier: values.tier } }, {
      onSuccess: onClose,
      onError: (error) => {
        setMessage(error.message);
        if (error instanceof ApiRequestError && error.body.fields)
          form.setFields(
            error.body.fields
              .filter((f) => f.field in form.getFieldsValue(true))
              .map((f) => ({ name: f.field as keyof Values, errors: [f.message] })),
          );
      },
    });
  };

  return (
    <Modal
      open={open}
      title={entry ? `修改指标：${entry.name}` : '新增指标'}
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      {message && <Alert type="error" showIcon title={message} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" requiredMark>
        {!entry && (
          <Form.Item name="tier" label="层级" rules={[{ required: true, message: '请选择层级' }]}>
            <Select options={tiers.map((tier) => ({ value: tier, label: LIBRARY_TIER_LABELS[tier] }))} />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label="指标名称（三级指标）"
          rules={[
            { required: true, whitespace: true, message: '请填写指标名称' },
            { max: 200, message: '最多 200 个字符' },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="level2Code" label="一级/二级指标" rules={[{ required: true, message: '请选择二级指标' }]}>
          {/* A dozen options: all rendered (a virtual list would hide the last group). */}
          <Select
            options={level2Options}
            placeholder="选择二级指标"
            showSearch={{ optionFilterProp: 'label' }}
            virtual={false}
          />
        </Form.Item>
        <Form.Item name="valueForm" label="典型年度指标值" extra="按年度指标值的写法，如 >=90%、=100%、及时、是">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="nature" label="指标性质">
          <Select allowClear options={['定量', '定性'].map((value) => ({ value, label: value }))} placeholder="不填" />
        </Form.Item>
        <Form.Item name="measureUnit" label="度量单位">
          <Input maxLength={50} placeholder="如 %、次、万元" />
        </Form.Item>
        <Form.Item name="definition" label="指标解释">
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="calculationMethod" label="计算方法">
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
        <Form.Item name="functionClassCodes" label="适用的功能分类科目">
          <Select
            mode="multiple"
            allowClear
            placeholder="不限"
            options={functionClasses.map((c) => ({ value: c.code, label: `${c.code} ${c.label}` }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item name="projectTags" label="适用的项目类型">
          <Select mode="tags" placeholder="输入后回车，如 信息化、公共服务" maxCount={20} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
