import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FormStatus, GoalForm, Role } from '@jxt/contracts';
import { useLocation } from 'react-router';
import { SEED_FORM_3 } from '../../../testing/seed-form-3';
import { json, renderWithProviders, user } from '../../../testing/render';
import { NextYearButton } from './NextYearButton';

const approved: GoalForm = { ...SEED_FORM_3, status: 'finance_approved' };
const nextYear: GoalForm = { ...SEED_FORM_3, id: 'form-2022', year: 2022, status: 'draft' };

/** Where the button navigated to, and with what state. */
function LocationProbe() {
  const location = useLocation();
  return <div data-testid="location">{`${location.pathname} ${JSON.stringify(location.state)}`}</div>;
}

function renderButton(status: FormStatus, role: Role) {
  return renderWithProviders(
    <>
      <NextYearButton form={{ ...approved, status }} me={user(`u-${role}`, role)} />
      <LocationProbe />
    </>,
    '/forms/:formId',
    `/forms/${approved.id}`,
  );
}

let fetchMock: jest.Mock;
beforeEach(() => {
  fetchMock = jest.fn(async () => json(201, nextYear));
  global.fetch = fetchMock as unknown as typeof fetch;
});

describe('NextYearButton (生成下一年度填报表)', () => {
  it("creates next year's form of the project and opens it in edit mode", async () => {
    renderButton('finance_approved', 'filer');
    await userEvent.click(screen.getByRole('button', { name: '生成下一年度填报表' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/forms/form-2022 {"edit":true}'));
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit];
    expect(url).toBe(`/api/projects/${approved.project.id}/forms`);
    expect(init.method).toBe('POST');
    expect(JSON.parse(String(init.body))).toEqual({ year: approved.year + 1 });
  });

  it('says why when the API refuses (that year exists), and stays', async () => {
    fetchMock.mockImplementation(async () =>
      json(409, {
        statusCode: 409,
        message: '该项目已有 2022 年度的绩效目标表',
        fields: [{ field: 'year', message: '该年度已有表', value: 2022 }],
      }),
    );
    renderButton('finance_approved', 'filer');
    await userEvent.click(screen.getByRole('button', { name: '生成下一年度填报表' }));
    expect(await screen.findByText('该项目已有 2022 年度的绩效目标表')).toBeInTheDocument();
    expect(screen.getByTestId('location')).toHaveTextContent(`/forms/${approved.id}`);
  });

  it.each<[FormStatus, Role]>([
    ['draft', 'filer'],
    ['reported', 'filer'],
    ['finance_approved', 'supervisor'],
  ])('is not offered on a %s form to a %s', (status, role) => {
    renderButton(status, role);
    expect(screen.queryByRole('button', { name: '生成下一年度填报表' })).toBeNull();
  });
});
