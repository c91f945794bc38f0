import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import { App as AntApp } from 'antd';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { CurrentUser, Role } from '@jxt/contracts';

export const json = (status: number, body: unknown) =>
  ({ status, ok: status < 300, statusText: '', json: () => Promise.resolve(body) }) as Response;

/** antd puts a space between the two characters of a two-character button: "退 回". */
export const buttonName = (label: string) => new RegExp(`^${[...label].join('\\s*')}$`);

export const user = (id: string, role: Role): CurrentUser => ({
  id,
  username: role,
  displayName: `${role} user`,
  phone: role === 'filer' ? '021-57820101' : null,
  roles: [role],
  tenant: { id: 't', name: '松江区' },
  organization: {
    id: `o-${role}`,
    name: `${role} org`,
    kind: role === 'filer' ? 'unit' : role === 'supervisor' ? 'department' : 'finance_division',
  },
  restriction: null,
  totpEnabled: false,
  totpRequired: false,
});

/** Renders an element inside a router, react-query and antd's App (for message/modal). */
export function renderWithProviders(element: ReactElement, path = '/', initial = path): RenderResult {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const router = createMemoryRouter(
    [
      { path, element },
      { path: '*', element: <div data-testid="elsewhere" /> },
    ],
    { initialEntries: [initial] },
  );
  return render(
    <QueryClientProvider client={client}>
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </QueryClientProvider>,
  );
}
