import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLocation } from 'react-router';
import type {
  CurrentUser,
  Funds,
  ImportConfirmResult,
  ImportPreview,
  ImportPreviewSheet,
  Organization,
} from '@jxt/contracts';
import { json, renderWithProviders, user } from '../../testing/render';
import { ImportPage } from './ImportPage';

const UNIT = '11111111-1111-4111-8111-111111111111';
const OTHER_UNIT = '22222222-2222-4222-8222-222222222222';
const BATCH = '33333333-3333-4333-8333-333333333333';

const FILER: CurrentUser = {
  ...user('u-1', 'filer'),
  organization: { id: UNIT, name: '科技创新服务中心', kind: 'unit' },
};
const ORGS: Organization[] = [
  {
    id: UNIT,
    parentId: 'dept',
    kind: 'unit',
    name: '科技创新服务中心',
    unitTypeCode: null,
    sortOrder: 0,
    disabled: false,
  },
  {
    id: OTHER_UNIT,
    parentId: 'dept',
    kind: 'unit',
    name: '大数据中心',
    unitTypeCode: null,
    sortOrder: 1,
    disabled: false,
  },
];

const funds = (total: string | null, annual: string | null): Funds => ({
  totalAmount: total,
  fiscalAmount: total,
  otherAmount: '0.00',
  annualAmount: annual,
  annualFiscalAmount: annual,
  carryOverAmount: '0.00',
  annualOtherAmount: '0.00',
});

// What the page reads of a sheet's form is only that there is one; its content goes back to the API unchanged.
const FORM = {} as NonNullable<ImportPreviewSheet['form']>;

const sheet = (over: Partial<ImportPreviewSheet>): ImportPreviewSheet => ({
  sheet: 'Sheet1',
  kind: 'goal',
  name: '网络信息系统运行与维护',
  code: null,
  year: 2021,
  indicatorCount: 12,
  amountUnit: '元',
  funds: funds('8927300.00', '8927300.00'),
  action: 'update',
  match: {
    by: 'name',
    projectId: 'p-1',
    code: '2021-KCZX-003',
    organizationName: '科技创新服务中心',
    formId: 'f-1',
    revision: 1,
    rowVersion: 4,
    status: 'draft',
  },
  form: FORM,
  evaluation: null,
  indicatorSources: [],
  problems: [],
  ...over,
});

const PREVIEW: ImportPreview = {
  id: BATCH,
  forms: [
    sheet({
      sheet: '运维',
      problems: [
        {
          sheet: '运维',
          row: 18,
          column: 'D',
          severity: 'warning',
          message: '年度指标值“较上年提高”无法识别，按原样带入',
        },
      ],
    }),
    sheet({
      sheet: '新项目',
      name: '政务数据共享平台',
      action: 'needs-unit',
      match: null,
      amountUnit: '万元',
      funds: funds('1234567.80', '1200000.00'),
      indicatorCount: 9,
      problems: [
        {
          sheet: '新项目',
          row: 12,
          column: 'C',
          severity: 'error',
          message: '项目资金总额“123.4567891”万元超过 6 位小数，未带入，请核对',
        },
      ],
    }),
    sheet({
      sheet: '已提交',
      name: '项目服务管理',
      action: 'locked',
      match: {
        by: 'code',
        projectId: 'p-2',
        code: '2021-KCZX-002',
        organizationName: '科技创新服务中心',
        formId: 'f-2',
        revision: 1,
        rowVersion: 9,
        status: 'submitted',
      },
      problems: [
        {
          sheet: '已提交',
          row: 1,
          column: 'A',
          severity: 'error',
          message: '该项目 2021 年度的填报表（第 1 版）已提交，导入不会改动它',
        },
      ],
    }),
  ],
  problems: [],
};

let me: CurrentUser;
let uploadAnswer: { status: number; body: unknown };
let confirmAnswer: { status: number; body: unknown };
let uploaded: FormData[];
let confirmed: unknown[];

beforeEach(() => {
  me = FILER;
  uploaded = [];
  confirmed = [];
  uploadAnswer = { status: 200, body: PREVIEW };
  confirmAnswer = {
    status: 200,
    body: {
      id: BATCH,
      forms: [
        { sheet: '运维', outcome: 'updated', projectId: 'p-1', formId: 'f-1', evaluationId: null },
        { sheet: '新项目', outcome: 'skipped', projectId: null, formId: null, evaluationId: null },
        { sheet: '已提交', outcome: 'skipped', projectId: null, formId: null, evaluationId: null },
      ],
    } satisfies ImportConfirmResult,
  };
  global.fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url === '/api/auth/me') return json(200, me);
    if (url === '/api/organizations') return json(200, ORGS);
    if (url === '/api/imports' && init?.method === 'POST') {
      uploaded.push(init.body as FormData);
      return json(uploadAnswer.status, uploadAnswer.body);
    }
    if (url === '/api/imports/limits') return json(200, { maxBytes: 2 * 1024 * 1024 });
    if (url === `/api/imports/${BATCH}`) return json(200, PREVIEW);
    if (url === `/api/imports/${BATCH}/confirm` && init?.method === 'POST') {
      confirmed.push(JSON.parse(String(init.body)));
      return json(confirmAnswer.status, confirmAnswer.body);
    }
    return json(404, { statusCode: 404, error: 'Not Found', message: url });
  }) as typeof fetch;
});

function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{location.pathname + location.search}</output>;
}

function renderPage(initial = '/imports') {
  renderWithProviders(
    <>
      <ImportPage />
      <LocationProbe />
    </>,
    '/imports',
    initial,
  );
}

const xlsx = (name = '2021年度填报表.xlsx', size = 2048) =>
  new File([new Uint8Array(size)], name, {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });

const fileInput = () => document.querySelector<HTMLInputElement>('input[type=file]')!;
/** A sheet's row of the preview table (antd keys each row by the sheet's name). */
const row = (sheetName: string) => {
  const found = document.querySelector<HTMLElement>(`tr[data-row-key="${sheetName}"]`);
  if (!found) throw new Error(`no row for sheet ${sheetName}`);
  return found;
};

async function uploadAndWaitForPreview() {
  renderPage();
  await userEvent.upload(fileInput(), xlsx());
  expect(await screen.findByText(/共 3 个工作表/)).toBeInTheDocument();
}

describe('ImportPage', () => {
  it('uploads the chosen .xlsx as multipart field file and shows each sheet’s action, kind, year, count and funds in 元', async () => {
    await uploadAndWaitForPreview();
    expect(uploaded).toHaveLength(1);
    expect((uploaded[0].get('file') as File).name).toBe('2021年度填报表.xlsx');
    // The preview's id goes into the URL: a reload shows the same preview.
    expect(screen.getByTestId('location')).toHaveTextContent(`/imports?batch=${BATCH}`);
    expect(screen.getByText(/尚未写入任何数据/)).toBeInTheDocument();

    const update = row('运维');
    expect(within(update).getByText('更新')).toBeInTheDocument();
    expect(within(update).getByText('填报表')).toBeInTheDocument();
    expect(within(update).getByText('网络信息系统运行与维护')).toBeInTheDocument();
    expect(within(update).getByText('2021')).toBeInTheDocument();
    expect(within(update).getByText('12')).toBeInTheDocument();
    expect(within(update).getAllByText('8,927,300.00')).toHaveLength(2);
    expect(
      within(update).getByText('按项目名称匹配：科技创新服务中心（2021-KCZX-003），第 1 版草稿'),
    ).toBeInTheDocument();
    expect(within(update).getByText('1 处提醒')).toBeInTheDocument();

    const created = row('新项目');
    expect(within(created).getByText('不能导入')).toBeInTheDocument();
    expect(within(created).getByText('1,234,567.80')).toBeInTheDocument();
    expect(within(created).getByText('表上以万元填写')).toBeInTheDocument();
    expect(within(created).getByText('未匹配到项目，将新建项目')).toBeInTheDocument();

    const locked = row('已提交');
    expect(within(locked).getByText('已锁定')).toBeInTheDocument();
    expect(
      within(locked).getByText('按项目编码匹配：科技创新服务中心（2021-KCZX-002），第 1 版已提交，不会改动'),
    ).toBeInTheDocument();
  });

  it('lists each problem under its sheet with its severity, its cell as Excel names it and the message', async () => {
    await uploadAndWaitForPreview();
    const warnings = screen.getByRole('region', { name: '工作表「运维」的问题' });
    expect(within(warnings).getByText('提醒')).toBeInTheDocument();
    expect(within(warnings).getByText('D18')).toBeInTheDocument();
    expect(within(warnings).getByText('年度指标值“较上年提高”无法识别，按原样带入')).toBeInTheDocument();
    const errors = screen.getByRole('region', { name: '工作表「新项目」的问题' });
    expect(within(errors).getByText('错误')).toBeInTheDocument();
    expect(within(errors).getByText('C12')).toBeInTheDocument();
    expect(within(errors).getByText(/123\.4567891/)).toBeInTheDocument();
    expect(within(errors).queryByText('D18')).toBeNull();
  });

  it('keeps 确认导入 disabled while a kept sheet has errors, until the user leaves those sheets out; then confirms and links the form', async () => {
    await uploadAndWaitForPreview();
    const confirm = screen.getByRole('button', { name: '确认导入' });
    expect(confirm).toBeDisabled();
    expect(screen.getByText(/工作表「新项目」有 1 处错误：请改正后重新上传，或取消勾选该表/)).toBeInTheDocument();
    expect(screen.getByText(/工作表「已提交」有 1 处错误/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('checkbox', { name: '导入工作表「新项目」' }));
    expect(confirm).toBeDisabled();
    await userEvent.click(screen.getByRole('checkbox', { name: '导入工作表「已提交」' }));
    expect(confirm).toBeEnabled();
    expect(screen.queryByText('确认导入前请处理')).toBeNull();
    // Nothing was written before the click.
    expect(confirmed).toEqual([]);

    await userEvent.click(confirm);
    await waitFor(() =>
      expect(confirmed).toEqual([
        {
          sheets: [
            { sheet: '运维', include: true },
            { sheet: '新项目', include: false },
            { sheet: '已提交', include: false },
          ],
        },
      ]),
    );
    expect(await screen.findByText('已导入 1 张填报表')).toBeInTheDocument();
    const results = screen.getByRole('list', { name: '导入结果' });
    expect(within(results).getByRole('link', { name: '网络信息系统运行与维护' })).toHaveAttribute('href', '/forms/f-1');
    expect(within(results).getByText('已更新')).toBeInTheDocument();
    expect(within(results).getAllByText('未导入')).toHaveLength(2);
    // A confirmed batch leaves the URL: a reload shows the empty page, not a preview that cannot be confirmed again.
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/imports$/));
  });

  it('proposes the filer’s own unit for a sheet without a project, lets it be changed, and sends it', async () => {
    const newProject = sheet({ sheet: '新项目', name: '政务数据共享平台', action: 'needs-unit', match: null });
    uploadAnswer = { status: 200, body: { id: BATCH, forms: [newProject], problems: [] } };
    renderPage();
    await userEvent.upload(fileInput(), xlsx());
    const unit = await screen.findByRole('combobox', { name: '工作表「新项目」的所属单位' });
    const cell = unit.closest('td')!;
    expect(within(cell).getByText('科技创新服务中心')).toBeInTheDocument();
    expect(within(row('新项目')).getByText('新建项目')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '确认导入' }));
    await waitFor(() =>
      expect(confirmed).toEqual([{ sheets: [{ sheet: '新项目', include: true, organizationId: UNIT }] }]),
    );
  });

  it('asks for the unit when the caller has none to propose, and says so beside the disabled button', async () => {
    me = { ...user('u-2', 'supervisor'), organization: { id: 'dept', name: '科委', kind: 'department' } };
    const newProject = sheet({ sheet: '新项目', action: 'needs-unit', match: null });
    uploadAnswer = { status: 200, body: { id: BATCH, forms: [newProject], problems: [] } };
    renderPage();
    await userEvent.upload(fileInput(), xlsx());
    expect(await screen.findByText('工作表「新项目」未匹配到项目：请选择新项目的所属单位')).toBeInTheDocument();
    // A 主管部门 checks the workbook; the confirm is a filer's.
    expect(screen.getByText(/确认导入须由单位填报人操作/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '确认导入' })).toBeDisabled();
  });

  it('shows the confirm’s refusal naming the sheet, and writes nothing', async () => {
    confirmAnswer = {
      status: 409,
      body: {
        statusCode: 409,
        error: 'Conflict',
        message: '工作表「运维」：表单已被他人修改，请重新上传',
      },
    };
    uploadAnswer = { status: 200, body: { id: BATCH, forms: [PREVIEW.forms[0]], problems: [] } };
    renderPage();
    await userEvent.upload(fileInput(), xlsx());
    await userEvent.click(await screen.findByRole('button', { name: '确认导入' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('未导入');
    expect(alert).toHaveTextContent('工作表「运维」：表单已被他人修改，请重新上传');
    expect(screen.queryByText(/已导入/)).toBeNull();
  });

  it('says the size limit in force and refuses a larger file before uploading it', async () => {
    renderPage();
    expect(await screen.findByText(/单个文件不超过 2 MB/)).toBeInTheDocument();
    const big = new File([new Uint8Array(2 * 1024 * 1024 + 1)], '全区汇总.xlsx', {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    await userEvent.upload(fileInput(), big);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '文件“全区汇总.xlsx”超过 2 MB，未上传：请拆分工作簿后分次导入',
    );
    expect(uploaded).toEqual([]);
  });

  it('says in Chinese why an upload was refused: too large (413), not a workbook (400 at file)', async () => {
    uploadAnswer = {
      status: 413,
      body: { statusCode: 413, error: 'Payload Too Large', message: '文件超过 10 MB，未读取：请拆分工作簿后分次导入' },
    };
    renderPage();
    await userEvent.upload(fileInput(), xlsx('大文件.xlsx'));
    expect(await screen.findByRole('alert')).toHaveTextContent('文件超过 10 MB，未读取：请拆分工作簿后分次导入');

    uploadAnswer = {
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        message: '请求参数有误',
        fields: [{ field: 'file', message: '不是有效的 .xlsx 文件：请在 Excel 或 WPS 中另存为 .xlsx 后再导入' }],
      },
    };
    await userEvent.upload(fileInput(), xlsx('损坏.xlsx'));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent(
        '不是有效的 .xlsx 文件：请在 Excel 或 WPS 中另存为 .xlsx 后再导入',
      ),
    );
    expect(screen.getByRole('alert')).not.toHaveTextContent('请求参数有误');
    expect(screen.queryByRole('button', { name: '确认导入' })).toBeNull();
  });

  it('says what a 413 means when a proxy answered it without the API’s words', async () => {
    uploadAnswer = { status: 413, body: null };
    renderPage();
    await userEvent.upload(fileInput(), xlsx());
    expect(await screen.findByRole('alert')).toHaveTextContent('文件超过上传大小上限，未读取：请拆分工作簿后分次导入');
  });

  it('refuses a file that is no .xlsx before uploading it', async () => {
    renderPage();
    const typing = userEvent.setup({ applyAccept: false });
    await typing.upload(fileInput(), new File(['a'], '2020年度.xls', { type: 'application/vnd.ms-excel' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '“2020年度.xls”是旧版 Excel/WPS 格式：请在 Excel 或 WPS 中“另存为” .xlsx 后再导入',
    );
    await typing.upload(fileInput(), new File(['a'], '指标.csv', { type: 'text/csv' }));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('“指标.csv”不是 .xlsx 文件：只能导入 Excel 工作簿（.xlsx）'),
    );
    expect(uploaded).toHaveLength(0);
  });

  it('reads the stored preview again after a reload', async () => {
    renderPage(`/imports?batch=${BATCH}`);
    expect(await screen.findByText(/共 3 个工作表/)).toBeInTheDocument();
    expect(row('运维')).toHaveTextContent('更新');
  });
  it('shows a past 自评表 as 自评表 with its arithmetic check and sends it with the chosen unit', async () => {
    const evaluationSheet = sheet({
      sheet: '2019自评',
      kind: 'evaluation',
      name: '往年社区宣传服务',
      year: 2019,
      indicatorCount: 4,
      action: 'needs-unit',
      match: null,
      evaluation: {
        funds: { initialBudget: '213500.00', annualBudget: '200000.00', executedAmount: '180000.00' },
        actualGoal: '已完成宣传',
        printedGrade: '中',
        budget: { weight: '10', rate: '90.00', printed: '9', computed: '9.00', difference: '0' },
        total: { printed: '78.75', computed: '83.75', difference: '5' },
        rows: [],
        differences: [
          { row: 11, name: '验收合格率', printed: '20', computed: '25.00', difference: '5' },
          { row: null, name: '总分', printed: '78.75', computed: '83.75', difference: '5' },
        ],
      },
    });
    uploadAnswer = { status: 200, body: { id: BATCH, forms: [evaluationSheet], problems: [] } };
    renderPage();
    await userEvent.upload(fileInput(), xlsx());
    expect(await screen.findByText(/共 1 个工作表/)).toBeInTheDocument();
    const evaluation = row('2019自评');
    expect(within(evaluation).getByText('自评表')).toBeInTheDocument();
    expect(
      within(evaluation).getByText(/未匹配到项目，将新建项目，导入为 2019 年度已审核的历史记录及已定稿的自评表/),
    ).toBeInTheDocument();
    const check = screen.getByRole('region', { name: '工作表「2019自评」的得分核算' });
    expect(within(check).getByText(/总分 所印 78.75、核算 83.75/)).toBeInTheDocument();
    expect(within(check).getByText('第 11 行 验收合格率：所印 20，核算 25.00（+5）')).toBeInTheDocument();

    // The filer's own unit is chosen for the new project.
    await userEvent.click(screen.getByRole('button', { name: '确认导入' }));
    await waitFor(() => expect(confirmed).toHaveLength(1));
    expect(confirmed[0]).toEqual({ sheets: [{ sheet: '2019自评', include: true, organizationId: UNIT }] });
  });
});
