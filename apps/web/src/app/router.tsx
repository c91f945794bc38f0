import { createBrowserRouter, Navigate } from 'react-router';

// Each page is its own chunk: the login route loads only what logging in needs.
export const router = createBrowserRouter([
  { path: '/login', lazy: async () => ({ Component: (await import('../modules/auth/LoginPage')).LoginPage }) },
  {
    path: '/',
    lazy: async () => ({ Component: (await import('./AppLayout')).AppLayout }),
    children: [
      { index: true, element: <Navigate to="/inbox" replace /> },
      { path: 'inbox', lazy: async () => ({ Component: (await import('../modules/inbox/InboxPage')).InboxPage }) },
      {
        path: 'projects',
        lazy: async () => ({ Component: (await import('../modules/projects/ProjectListPage')).ProjectListPage }),
      },
      {
        path: 'forms/:formId',
        lazy: async () => ({ Component: (await import('../modules/workflow/FormPage')).FormPage }),
      },
      {
        path: 'evaluations',
        lazy: async () => ({
          Component: (await import('../modules/evaluations/EvaluationListPage')).EvaluationListPage,
        }),
      },
      {
        path: 'evaluations/:id',
        lazy: async () => ({ Component: (await import('../modules/evaluations/EvaluationPage')).EvaluationPage }),
      },
      {
        path: 'admin/scoring-policy',
        lazy: async () => ({ Component: (await import('../modules/evaluations/ScoringPolicyPage')).ScoringPolicyPage }),
      },
      {
        path: 'account',
        lazy: async () => ({ Component: (await import('../modules/auth/AccountPage')).AccountPage }),
      },
      {
        path: 'admin/security',
        lazy: async () => ({
          Component: (await import('../modules/auth/SecuritySettingsPage')).SecuritySettingsPage,
        }),
      },
      {
        path: 'admin/organizations',
        lazy: async () => ({
          Component: (await import('../modules/admin-organizations/OrganizationsPage')).OrganizationsPage,
        }),
      },
      {
        path: 'admin/users',
        lazy: async () => ({ Component: (await import('../modules/admin-users/UsersPage')).UsersPage }),
      },
      {
        path: 'admin/finance-divisions',
        lazy: async () => ({
          Component: (await import('../modules/admin-organizations/FinanceDivisionsPage')).FinanceDivisionsPage,
        }),
      },
      {
        path: 'notifications',
        lazy: async () => ({
          Component: (await import('../modules/notifications/NotificationsPage')).NotificationsPage,
        }),
      },
      {
        path: 'admin/audit-log',
        lazy: async () => ({ Component: (await import('../modules/audit/AuditLogPage')).AuditLogPage }),
      },
      {
        path: 'admin/years',
        lazy: async () => ({ Component: (await import('../modules/admin-years/YearsAdminPage')).YearsAdminPage }),
      },
      {
        path: 'admin/deadlines',
        lazy: async () => ({ Component: (await import('../modules/admin-years/DeadlinesPage')).DeadlinesPage }),
      },
      {
        path: 'admin/taxonomy',
        lazy: async () => ({ Component: (await import('../modules/admin-years/TaxonomyPage')).TaxonomyPage }),
      },
      {
        path: 'admin/code-lists',
        lazy: async () => ({ Component: (await import('../modules/admin-years/CodeListsPage')).CodeListsPage }),
      },
      {
        path: 'forms/:formId/compare/:otherId',
        lazy: async () => ({ Component: (await import('../modules/workflow/ComparePage')).ComparePage }),
      },
    ],
  },
  { path: '*', element: <Navigate to="/inbox" replace /> },
]);
