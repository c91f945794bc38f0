import { render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { SheetPageHeader } from './SheetPageHeader';

const renderHeader = (updatedBy: string | null, exportHref?: string) =>
  render(
    <MemoryRouter>
      <SheetPageHeader
        backTo="/evaluations"
        backLabel="绩效自评"
        title="网络信息系统运行与维护"
        editing={false}
        canEdit
        onEdit={() => undefined}
        exportHref={exportHref}
        lastChange={{ by: updatedBy, at: '2022-01-20T08:00:00.000Z' }}
      >
        <span>修订 1</span>
      </SheetPageHeader>
    </MemoryRouter>,
  );

describe('SheetPageHeader', () => {
  // The row version counts saves and workflow steps alike; beside "修订 1" a "版本 9" read as a ninth revision.
  it('says who changed the sheet last and when, without the row version', () => {
    renderHeader('张三');
    const last = screen.getByText(/^最后修改：/);
    expect(last).toHaveTextContent(/^最后修改：张三 2022\/1\/20 \d{1,2}:00:00$/);
    expect(screen.queryByText(/版本/)).toBeNull();
    expect(screen.getByText('修订 1')).toBeInTheDocument();
  });

  it('leaves the name out when nobody is recorded', () => {
    renderHeader(null);
    expect(screen.getByText(/^最后修改：/)).toHaveTextContent(/^最后修改：2022\/1\/20 /);
  });

  it('offers 导出 Excel as a download of the record’s file when the page gives one', () => {
    renderHeader('张三', '/api/forms/f1/export.xlsx');
    const link = screen.getByRole('link', { name: '导出 Excel' });
    expect(link).toHaveAttribute('href', '/api/forms/f1/export.xlsx');
    expect(link).toHaveAttribute('download');
  });

  it('offers no export where the page has none', () => {
    renderHeader('张三');
    expect(screen.queryByRole('link', { name: '导出 Excel' })).toBeNull();
  });
});
