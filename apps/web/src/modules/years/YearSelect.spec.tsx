import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { YearsResponse } from '@jxt/contracts';
import { json, renderWithProviders } from '../../testing/render';
import { YearSelect } from './YearSelect';

function renderSelect(response: YearsResponse | null, value: number | undefined) {
  global.fetch = jest.fn(async () =>
    response ? json(200, response) : json(500, { statusCode: 500, error: 'x', message: '服务暂不可用' }),
  ) as unknown as typeof fetch;
  renderWithProviders(<YearSelect value={value} onChange={() => undefined} />);
}

const options = async () => {
  await userEvent.click(screen.getByRole('combobox', { name: '年度' }));
  const list = await screen.findByRole('listbox');
  return within(list.parentElement!)
    .getAllByRole('option')
    .map((o) => o.textContent || o.getAttribute('aria-label'));
};

describe('YearSelect', () => {
  it('offers the years with data and the next one, not a rolling ten years', async () => {
    renderSelect(
      {
        years: [
          {
            year: 2021,
            status: null,
            openedAt: null,
            openedByName: null,
            closedAt: null,
            closedByName: null,
            copied: null,
            projects: 3,
            evaluations: 1,
            evaluationsOpen: 1,
            policyVersions: 1,
            taxonomy: true,
          },
        ],
      },
      2021,
    );
    await screen.findByTitle('2021 年度');
    await expect(options()).resolves.toEqual(['2022', '2021']);
  });

  it('falls back to this year and the next when the years cannot be read', async () => {
    renderSelect(null, undefined);
    const now = new Date().getFullYear();
    await expect(options()).resolves.toEqual([String(now + 1), String(now)]);
  });
});
