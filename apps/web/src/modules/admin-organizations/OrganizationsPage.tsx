import {
  ORGANIZATION_CHILD_KINDS,
  ORGANIZATION_KIND_LABELS,
  type Organization,
  type OrganizationKind,
  type UpdateOrganizationRequest,
} from '@jxt/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Spin,
  Tag,
  Tree,
  TreeSelect,
  Typography,
  type FormInstance,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ApiRequestError } from '../../api/http';
import { LoadFailure } from '../../ui/LoadFailure';
import { PageHeading } from '../../ui/PageHeading';
import {
  useAdminOrganizations,
  useCreateOrganization,
  useDeleteOrganization,
  useFinanceDivisions,
  useUnitTypes,
  useUpdateOrganization,
} from './hooks';
import { OnboardingDialog } from './OnboardingDialog';
import { allKeys, buildAdminTree, filterAdminTree, moveTargets, type AdminTreeNode } from './org-admin-tree';

interface DetailValues {
  name: string;
  unitTypeCode?: string | null;
  sortOrder: number;
}

/** A node of the antd Tree's data. */
interface TreeItem {
  key: string;
  title: string;
  organization: Organization;
  children: TreeItem[];
}

const treeData = (nodes: AdminTreeNode[]): TreeItem[] =>
  nodes.map((n) => ({
    key: n.key,
    title: n.organization.name,
    organization: n.organization,
    children: treeData(n.children),
  }));

interface ChildValues {
  kind: OrganizationKind;
  name: string;
  unitTypeCode?: string;
  sortOrder?: number;
}

/** The server's field messages onto the form's fields; answers whether any field took one. */
function showFieldErrors<T>(form: FormInstance<T>, error: unknown, fields: readonly (keyof T & string)[]): boolean {
  if (!(error instanceof ApiRequestError)) return false;
  const known = (error.body.fields ?? []).filter((f) => (fields as readonly string[]).includes(f.field));
  form.setFields(known.map((f) => ({ name: f.field as keyof T & string, errors: [f.message] })) as never);
  return known.length > 0;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : '操作失败，请重试');

function KindTag({ organization }: { organization: Organization }) {
  return (
    <>
      <Tag variant="filled">{ORGANIZATION_KIND_LABELS[organization.kind]}</Tag>
      {organization.disabled && <Tag color="default">已停用</Tag>}
    </>
  );
}

/**
 * 组织机构 (admin): the tree of the admin's subtree; a node's 名称, 单位类型 and 排序, 新增下级, 移动 (the 主管部门 a
 * unit belongs to is its parent), 停用/启用 and 删除. Each refusal is shown at its field or in a message; a node
 * that still has members or projects cannot be deleted, and 停用 is offered instead.
 */
export function OrganizationsPage() {
  const organizations = useAdminOrganizations();
  const unitTypes = useUnitTypes();
  const divisions = useFinanceDivisions();
  const update = useUpdateOrganization();
  const remove = useDeleteOrganization();
  const { message, modal } = App.useApp();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);
  const [moving, setMoving] = useState(false);
  const [onboarding, setOnboarding] = useState(false);
  const [detailForm] = Form.useForm<DetailValues>();

  const list = useMemo(() => organizations.data ?? [], [organizations.data]);
  const tree = useMemo(() => buildAdminTree(list), [list]);
  const shown = useMemo(() => filterAdminTree(tree, query), [tree, query]);
  const selected = list.find((o) => o.id === (selectedId ?? tree[0]?.key)) ?? null;
  const byId = useMemo(() => new Map(list.map((o) => [o.id, o])), [list]);
  const unitTypeLabel = new Map((unitTypes.data ?? []).map((t) => [t.code, t.label]));

  // The form shows the selected node as stored: on another selection and after each saved change (one form
  // instance serves every node, so its initial values alone would keep the first node's).
  useEffect(() => {
    if (selected) {
      detailForm.resetFields();
      detailForm.setFieldsValue({
        name: selected.name,
        unitTypeCode: selected.unitTypeCode,
        sortOrder: selected.sortOrder,
      });
    }
  }, [selected, detailForm]);

  if (organizations.isPending) return <Spin />;
  if (organizations.isError)
    return (
      <LoadFailure
        error={organizations.error}
        notFoundTitle="找不到组织机构"
        failedTitle="无法读取组织机构"
        backTo="/inbox"
        backLabel="返回待办"
        onRetry={() => void organizations.refetch()}
      />
    );

  const reviewers =
    selected?.kind === 'department'
      ? (divisions.data ?? []).filter((d) => d.departmentIds.includes(selected.id)).map((d) => d.name)
      : [];

  const change = (organization: Organization, body: UpdateOrganizationRequest, done: string) =>
    update.mutate(
      { id: organization.id, change: body },
      {
        onSuccess: () => void message.success(done),
        onError: (error) => {
          if (!showFieldErrors(detailForm, error, ['name', 'unitTypeCode', 'sortOrder']))
            void message.error(errorText(error));
        },
      },
    );

  const setDisabled = (organization: Organization, disabled: boolean) =>
    change(organization, { disabled }, disabled ? `已停用「${organization.name}」` : `已启用「${organization.name}」`);

  const deleteNode = (organization: Organization) =>
    remove.mutate(organization.id, {
      onSuccess: () => {
        setSelectedId(organization.parentId);
        void message.success(`已删除「${organization.name}」`);
      },
      onError: (error) => {
        if (error instanceof ApiRequestError && error.body.code === 'organization_in_use') {
          // Members and projects keep their history: offer 停用 in place of the deletion.
          modal.confirm({
            title: `不能删除「${organization.name}」`,
            content: error.body.message,
            okText: '改为停用',
            cancelText: '取消',
            onOk: () => setDisabled(organization, true),
          });
        } else void message.error(errorText(error));
      },
    });

  return (
    <div className="admin-organizations-page">
      <PageHeading title="组织机构">
        <Button onClick={() => setOnboarding(true)}>批量导入</Button>
      </PageHeading>
      <OnboardingDialog open={onboarding} onClose={() => setOnboarding(false)} />
      <Flex gap={16} align="flex-start" wrap>
        <Card title="组织树" style={{ flex: '1 1 380px', maxWidth: 520 }}>
          <Input.Search
            placeholder="按名称查找"
            aria-label="按名称查找组织"
            allowClear
            onChange={(e) => setQuery(e.target.value)}
            style={{ marginBottom: 12 }}
          />
          {shown.length ? (
            <Tree<TreeItem>
              key={query}
              blockNode
              showLine
              defaultExpandedKeys={query ? allKeys(shown) : allKeys(tree).slice(0, 200)}
              selectedKeys={selected ? [selected.id] : []}
              onSelect={(keys) => {
                if (keys.length) setSelectedId(String(keys[0]));
              }}
              treeData={treeData(shown)}
              titleRender={(node) => (
                <span className={node.organization.disabled ? 'org-disabled' : undefined}>
                  <span style={node.organization.disabled ? { color: '#999' } : undefined}>{node.title}</span>{' '}
                  <KindTag organization={node.organization} />
                </span>
              )}
            />
          ) : (
            <Empty description="没有名称相符的组织" />
          )}
        </Card>
        {selected && (
          <Card
            title={selected.name}
            extra={<KindTag organization={selected} />}
            style={{ flex: '2 1 480px' }}
            aria-label={`组织详情：${selected.name}`}
          >
            {selected.disabled && (
              <Alert
                type="warning"
                showIcon
                title="已停用：保留历史记录，不能在其下新增组织、用户和项目，其用户不能登录"
                style={{ marginBottom: 16 }}
              />
            )}
            <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
              <Descriptions.Item label="上级">
                {selected.parentId ? (byId.get(selected.parentId)?.name ?? '—') : '—'}
              </Descriptions.Item>
              {selected.kind === 'department' && (
                <Descriptions.Item label="负责审核的财政科室">
                  {reviewers.length ? reviewers.join('、') : <Typography.Text type="warning">尚未指定</Typography.Text>}
                  <Link to="/admin/finance-divisions" style={{ marginLeft: 8 }}>
                    调整
                  </Link>
                </Descriptions.Item>
              )}
            </Descriptions>
            <Form<DetailValues>
              name="organization-detail"
              form={detailForm}
              layout="vertical"
              requiredMark={false}
              onFinish={(values) =>
                change(
                  selected,
                  {
                    name: values.name,
                    sortOrder: values.sortOrder,
                    ...(selected.kind === 'unit' ? { unitTypeCode: values.unitTypeCode ?? null } : {}),
                  },
                  '已保存',
                )
              }
              style={{ maxWidth: 480 }}
            >
              <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
                <Input maxLength={200} />
              </Form.Item>
              {selected.kind === 'unit' && (
                <Form.Item name="unitTypeCode" label="单位类型">
                  <Select
                    allowClear
                    placeholder="请选择单位类型"
                    loading={unitTypes.isPending}
                    options={(unitTypes.data ?? []).map((t) => ({ value: t.code, label: t.label }))}
                  />
                </Form.Item>
              )}
              <Form.Item name="sortOrder" label="排序（同级中由小到大）">
                <InputNumber min={0} precision={0} style={{ width: 160 }} />
              </Form.Item>
              <Space wrap>
                <Button type="primary" htmlType="submit" loading={update.isPending}>
                  保存
                </Button>
                {ORGANIZATION_CHILD_KINDS[selected.kind].length > 0 && (
                  <Button onClick={() => setAdding(true)} disabled={selected.disabled}>
                    新增下级
                  </Button>
                )}
                {selected.parentId && byId.has(selected.parentId) && (
                  <Button onClick={() => setMoving(true)}>移动</Button>
                )}
                {selected.parentId &&
                  byId.has(selected.parentId) &&
                  (selected.disabled ? (
                    <Button onClick={() => setDisabled(selected, false)}>启用</Button>
                  ) : (
                    <Popconfirm
                      title={`停用「${selected.name}」？`}
                      description="下级组织一并停用，其中的用户随即下线、不能再登录；历史记录保留，可以再启用。"
                      okText="停用"
                      cancelText="取消"
                      onConfirm={() => setDisabled(selected, true)}
                    >
                      <Button danger>停用</Button>
                    </Popconfirm>
                  ))}
                {selected.parentId && byId.has(selected.parentId) && (
                  <Popconfirm
                    title={`删除「${selected.name}」？`}
                    description="只能删除没有下级、用户和项目的组织。"
                    okText="删除"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    onConfirm={() => deleteNode(selected)}
                  >
                    <Button danger type="text">
                      删除
                    </Button>
                  </Popconfirm>
                )}
              </Space>
              {selected.kind === 'unit' && selected.unitTypeCode && !unitTypeLabel.has(selected.unitTypeCode) && (
                <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                  单位类型代码 {selected.unitTypeCode} 不在代码表中
                </Typography.Paragraph>
              )}
            </Form>
          </Card>
        )}
      </Flex>
      {adding && selected && (
        <AddChildDialog
          parent={selected}
          unitTypes={(unitTypes.data ?? []).map((t) => ({ value: t.code, label: t.label }))}
          onClose={() => setAdding(false)}
          onCreated={(created) => {
            setAdding(false);
            setSelectedId(created.id);
            void message.success(`已新增「${created.name}」`);
          }}
        />
      )}
      {moving && selected && (
        <MoveDialog
          organization={selected}
          organizations={list}
          onClose={() => setMoving(false)}
          onMoved={(parent) => {
            setMoving(false);
            void message.success(`已将「${selected.name}」移到「${parent.name}」之下`);
          }}
        />
      )}
    </div>
  );
}

function AddChildDialog({
  parent,
  unitTypes,
  onClose,
  onCreated,
}: {
  parent: Organization;
  unitTypes: { value: string; label: string }[];
  onClose: () => void;
  onCreated: (created: Organization) => void;
}) {
  const [form] = Form.useForm<ChildValues>();
  const create = useCreateOrganization();
  const [failure, setFailure] = useState<string | null>(null);
  const kinds = ORGANIZATION_CHILD_KINDS[parent.kind];
  const kind = Form.useWatch('kind', form) ?? kinds[0];

  const submit = (values: ChildValues) => {
    setFailure(null);
    create.mutate(
      {
        parentId: parent.id,
        kind: values.kind,
        name: values.name,
        sortOrder: values.sortOrder ?? 0,
        ...(values.kind === 'unit' && values.unitTypeCode ? { unitTypeCode: values.unitTypeCode } : {}),
      },
      {
        onSuccess: onCreated,
        onError: (error) => {
          if (!showFieldErrors(form, error, ['kind', 'name', 'unitTypeCode', 'sortOrder']))
            setFailure(errorText(error));
        },
      },
    );
  };

  return (
    <Modal
      open
      title={`在「${parent.name}」下新增组织`}
      okText="新增"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Form<ChildValues>
        name="organization-child"
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ kind: kinds[0] }}
        onFinish={submit}
      >
        <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
          <Select options={kinds.map((k) => ({ value: k, label: ORGANIZATION_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
          <Input maxLength={200} />
        </Form.Item>
        {kind === 'unit' && (
          <Form.Item name="unitTypeCode" label="单位类型" rules={[{ required: true, message: '请选择单位类型' }]}>
            <Select placeholder="请选择单位类型" options={unitTypes} />
          </Form.Item>
        )}
        <Form.Item name="sortOrder" label="排序（同级中由小到大）">
          <InputNumber min={0} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MoveDialog({
  organization,
  organizations,
  onClose,
  onMoved,
}: {
  organization: Organization;
  organizations: Organization[];
  onClose: () => void;
  onMoved: (parent: Organization) => void;
}) {
  const update = useUpdateOrganization();
  const [parentId, setParentId] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const targets = moveTargets(organizations, organization);
  const parentKinds = (Object.keys(ORGANIZATION_CHILD_KINDS) as OrganizationKind[]).filter((k) =>
    ORGANIZATION_CHILD_KINDS[k].includes(organization.kind),
  );

  const submit = () => {
    const parent = targets.find((t) => t.id === parentId);
    if (!parent) return setFailure('请选择新的上级');
    setFailure(null);
    update.mutate(
      { id: organization.id, change: { parentId: parent.id } },
      {
        onSuccess: () => onMoved(parent),
        onError: (error) => setFailure(errorText(error)),
      },
    );
  };

  return (
    <Modal
      open
      title={`移动「${organization.name}」`}
      okText="移动"
      cancelText="取消"
      onCancel={onClose}
      onOk={submit}
      okButtonProps={{ disabled: !parentId }}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        连同其下级组织、用户和项目一起移到新的{parentKinds.map((k) => ORGANIZATION_KIND_LABELS[k]).join('或')}之下；
        今后由新上级审核。
      </Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      {targets.length ? (
        <TreeSelect
          aria-label="新的上级"
          style={{ width: '100%' }}
          placeholder="请选择新的上级"
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeDefaultExpandAll
          value={parentId}
          onChange={(value: string) => setParentId(value)}
          treeData={targets.map((t) => ({ value: t.id, title: t.name }))}
        />
      ) : (
        <Empty description="没有可以移入的上级" />
      )}
    </Modal>
  );
}
