import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { json, renderWithProviders } from '../../../testing/render';
import { PasswordChangeForm } from './PasswordChangeForm';

const rules = () =>
  within(screen.getByRole('list', { name: '密码要求' }))
    .getAllByRole('listitem')
    .map((li) => li.textContent);

describe('PasswordChangeForm', () => {
  it('shows which rules the new password meets while it is typed, and sends nothing that breaks one', async () => {
    const fetchMock = jest.fn(async () => json(204, undefined));
    global.fetch = fetchMock as unknown as typeof fetch;
    renderWithProviders(<PasswordChangeForm username="zhangsan" minLength={12} />);
    expect(rules()[0]).toContain('至少 12 个字符');

    const next = screen.getByLabelText('新密码', { exact: true });
    await userEvent.type(next, 'zhangsan1');
    expect(rules()).toEqual([
      '· 至少 12 个字符',
      '· 大写字母、小写字母、数字、符号中至少三类（已有：小写字母、数字）',
      '· 不含用户名',
      '✓ 不是常见密码',
    ]);
    await userEvent.type(screen.getByLabelText('当前密码'), 'old');
    await userEvent.type(screen.getByLabelText('再次输入新密码'), 'zhangsan1');
    await userEvent.click(screen.getByRole('button', { name: '修改密码' }));
    expect(await screen.findByText('密码至少 12 个字符')).toBeVisible();
    expect(fetchMock).not.toHaveBeenCalled();

    await userEvent.clear(next);
    await userEvent.type(next, 'Harbour#Lights-77');
    expect(rules().every((r) => r?.startsWith('✓'))).toBe(true);
  });
});
