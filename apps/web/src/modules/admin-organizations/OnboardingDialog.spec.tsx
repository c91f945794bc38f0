import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { OnboardingPreview, OnboardingResult } from '@jxt/contracts';
import { withFastComputedStyle } from '../../testing/fast-computed-style';
import { buttonName, json, renderWithProviders } from '../../testing/render';
import { OnboardingDialog, passwordSheet } from './OnboardingDialog';

withFastComputedStyle();

const SLOW = { timeout: 15_000 };

const CLEAN: OnboardingPreview = {
  organizations: [
    {
      row: 2,
      name: '松江区教育局',
      kind: 'department',
      parentName: '松江区财政局',
      unitTypeCode: null,
      divisionName: '科教文卫科',
      action: 'create',
      existingId: null,
    },
  ],
  users: [
    {
      row: 2,
      username: 'ob-head',
      displayName: '李主任',
      organizationName: '松江区教育局',
      roles: ['supervisor'],
      phone: null,
      action: 'create',
    },
  ],
  problems: [],
};

const WITH_ERROR: OnboardingPreview = {
  ...CLEAN,
  users: [{ ...CLEAN.users[0], action: 'error' }],
  problems: [{ sheet: '用户', row: 2, column: 'E', severity: 'error', message: '联系电话格式不对' }],
};

const RESULT: OnboardingResult = {
  organizations: [{ row: 2, id: 'o1', name: '松江区教育局', kind: 'department', parentId: 'b' }],
  users: [
    {
      row: 2,
      id: 'u1',
      username: 'ob-head',
      displayName: '李主任',
      organizationId: 'o1',
      organizationName: '松江区教育局',
      roles: ['supervisor'],
      initialPassword: 'Xy7#kLm2pQr9sT',
    },
  ],
};

let previews: OnboardingPreview[];
let posted: { url: string; file: string | null }[];

beforeEach(() => {
  posted = [];
  global.fetch = jest.fn(async (url: string, init?: RequestInit) => {
    const file = init?.body instanceof FormData ? init.body.get('file') : null;
    posted.push({ url, file: file instanceof File ? file.name : null });
    if (url === '/api/onboarding/preview') return json(200, previews.shift());
    if (url === '/api/onboarding/confirm') return json(200, RESULT);
    return json(404, { statusCode: 404, error: 'Not Found', message: url });
  }) as unknown as typeof fetch;
});

const workbook = (name: string) =>
  new File(['xlsx'], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });

describe('批量导入 dialog', () => {
  it('offers the template, previews the dropped file, blocks 确认导入 while it has errors, then shows the passwords once', async () => {
    previews = [WITH_ERROR, CLEAN];
    renderWithProviders(<OnboardingDialog open onClose={() => undefined} />);
    const dialog = await screen.findByRole('dialog', {}, SLOW);
    expect(within(dialog).getByRole('link', { name: buttonName('下载模板') })).toHaveAttribute(
      'href',
      '/api/onboarding/template.xlsx',
    );

    const input = dialog.querySelector<HTMLInputElement>('input[type=file]')!;
    await userEvent.upload(input, workbook('区县.xlsx'));
    // The problem is shown at its cell, and nothing can be confirmed.
    expect(await within(dialog).findByText('用户!E2', {}, SLOW)).toBeInTheDocument();
    expect(within(dialog).getByText('联系电话格式不对')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: buttonName('确认导入') })).toBeDisabled();

    // The corrected file: previewed, then confirmed with the same file sent again.
    await userEvent.click(within(dialog).getByRole('button', { name: buttonName('重新选择文件') }));
    await userEvent.upload(dialog.querySelector<HTMLInputElement>('input[type=file]')!, workbook('区县-改.xlsx'));
    await waitFor(
      () => expect(within(dialog).getByRole('button', { name: buttonName('确认导入') })).toBeEnabled(),
      SLOW,
    );
    expect(within(dialog).getByText(/组织：新建 1，已存在 0/)).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: buttonName('确认导入') }));

    expect(await within(dialog).findByText('Xy7#kLm2pQr9sT', {}, SLOW)).toBeInTheDocument();
    expect(within(dialog).getByText(/初始密码只显示这一次/)).toBeInTheDocument();
    expect(posted.map((p) => `${p.url} ${p.file}`)).toEqual([
      '/api/onboarding/preview 区县.xlsx',
      '/api/onboarding/preview 区县-改.xlsx',
      '/api/onboarding/confirm 区县-改.xlsx',
    ]);
  });

  it('copies the new users as rows Excel and WPS paste into', () => {
    expect(passwordSheet(RESULT.users).split('\n')).toEqual([
      '用户名\t姓名\t所属组织\t角色\t初始密码',
      'ob-head\t李主任\t松江区教育局\t主管部门审核人\tXy7#kLm2pQr9sT',
    ]);
  });
});
