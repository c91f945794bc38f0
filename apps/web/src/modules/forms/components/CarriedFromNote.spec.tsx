import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { GoalForm } from '@jxt/contracts';
import { SEED_FORM_3 } from '../../../testing/seed-form-3';
import { CarriedFromNote } from './CarriedFromNote';

describe('CarriedFromNote', () => {
  it("names the approved revision a next year's form was carried from, with a link to it", () => {
    const form: GoalForm = {
      ...SEED_FORM_3,
      year: 2022,
      carriedFrom: { formId: 'f-2021', year: 2021, revision: 1, status: 'finance_approved' },
    };
    render(<CarriedFromNote form={form} />, { wrapper: MemoryRouter });
    expect(screen.getByRole('link', { name: '2021 年度第 1 版（财政已审核）' })).toHaveAttribute(
      'href',
      '/forms/f-2021',
    );
    expect(screen.getByText(/延续自/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '与上年对比' })).toHaveAttribute(
      'href',
      `/forms/${SEED_FORM_3.id}/compare/f-2021`,
    );
  });

  it('says nothing for a form that was not carried forward', () => {
    const { container } = render(<CarriedFromNote form={SEED_FORM_3} />, { wrapper: MemoryRouter });
    expect(container).toBeEmptyDOMElement();
  });
});
