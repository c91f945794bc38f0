import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import type { Organization } from '@jxt/contracts';
import { withFastComputedStyle } from '../../testing/fast-computed-style';
import { json, renderWithProviders } from '../../testing/render';
import { NewProjectDialog } from './NewProjectDialog';

const UNIT = '11111111-1111-4111-8111-111111111111';
const ORGS: Organization[] = [
  {
    id: 'dept',
    parentId: null,
    kind: 'department',
    name: '科学技术委员会',
    unitTypeCode: null,
    sortOrder: 0,
    disabled: false,
  },
  {
    id: UNIT,
    parentId: 'dept',
    kind: 'unit',
    name: '科技创新服务中心',
    unitTypeCode: null,
    sortOrder: 0,
    disabled: false,
  },
];

withFastComputedStyle();

beforeEach(() => {
  global.fetch = jest.fn(async (url: string) =>
    String(url).includes('/project-header')
      ? json(200, { printedDepartment: '科学技术委员会', printedImplementingUnit: '科技创新服务中心' })
      : json(200, []),
  ) as unknown as typeof fetch;
});

/** The list page's organisations, still loading when the dialog opens; the button lets them arrive. */
function LateOrganizations() {
  const [organizations, setOrganizations] = useState<Organization[]>([]);
  return (
    <>
      <button onClick={() => setOrganizations(ORGS)}>arrive</button>
      <NewProjectDialog
        year={2023}
        organizations={organizations}
        ownOrganizationId={UNIT}
        onClose={() => undefined}
        onCreated={() => undefined}
      />
    </>
  );
}

describe('NewProjectDialog (新建项目)', () => {
  it('proposes the filer’s own unit as 所属单位 even when the organisations arrive after the dialog opened', async () => {
    renderWithProviders(<LateOrganizations />);
    expect(screen.queryByTitle('科技创新服务中心')).not.toBeInTheDocument();

    // fireEvent: the modal's mask covers the page's button, as it would a user's pointer.
    fireEvent.click(screen.getByText('arrive'));
    // The picked value shows as the selection's title; the proposal then fills 主管部门 from the tree.
    expect(await screen.findByTitle('科技创新服务中心')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByDisplayValue('科学技术委员会')).toBeInTheDocument());
  });
});
