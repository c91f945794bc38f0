import { createBrowserRouter, Navigate } from 'react-router';
import { queryClient } from './query-client';
import { currentUserQuery } from '../modules/auth/queries';
import { codeListQuery, goalFormQuery, taxonomyQuery } from '../modules/forms/queries';

/**
 * Starts a page's first read while its code downloads: a lazy route renders only once its chunks are in, so a read
 * its component starts waited for all of them. The loader does not wait for the answer (the page shows its own
 * loading state); the page's query, with the same key, finds the read in flight.
 */
const startReading =
  (read: (params: Record<string, string | undefined>) => Promise<void>) =>
  ({ params }: { params: Record<string, string | undefined> }) => {
    // A failed read is the page's to show (its query asks again); nothing to do here.
    read(params).catch(() => undefined);
    return null;
  };

/** Runs `task` when the browser has nothing else to do (soon after, where requestIdleCallback is missing). */
function whenIdle(task: () => void): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(task, { timeout: 3_000 });
  else setTimeout(task, 1_000);
}

// Each page is its own chunk: the login route loads only what logging in needs.
export const router = createBrowserRouter([
  { path: '/login', lazy: async () => ({ Component: (await import('../modules/auth/LoginPage')).LoginPage }) },
  {
    path: '/',
    loader: startReading(() => queryClient.prefetchQuery(currentUserQuery())),
    lazy: async () => ({ Component: (await import('./AppLayout')).AppLayout }),
    children: [
      { index: true, element: <Navigate to="/inbox" replace /> },
      { path: 'inbox', lazy: async () => ({ Component: (await import('../modules/inbox/InboxPage')).InboxPage }) },
      {
        path: 'projects',
        // From the list a user opens a form or makes one (新建项目): the form page's code is fetched while idle.
        loader: () => {
          whenIdle(() => void import('../modules/workflow/FormPage'));
          return null;
        },
        lazy: async () => ({ Component: (await import('../modules/projects/ProjectListPage')).ProjectListPage }),
      },
      {
        path: 'imports',
        lazy: async () => ({ Component: (await import('../modules/imports/ImportPage')).ImportPage }),
      },
      {
        path: 'exports',
        lazy: async () => ({ Component: (await import('../modules/exports/ExportJobsPage')).ExportJobsPage }),
      },
      {
        path: 'forms/:formId',
        loader: startReading(async ({ formId }) => {
          await Promise.all([
            // The editor needs the year's 指标体系 too: asked for as soon as the form says which year.
            queryClient
              .fetchQuery(goalFormQuery(formId!))
              .then((form) =>
                Promise.all([
                  queryClient.prefetchQuery(taxonomyQuery(form.year)),
                  queryClient.prefetchQuery(codeListQuery('function_class', form.year)),
                ]),
              ),
            queryClient.prefetchQuery(codeListQuery('project_category')),
          ]);
        }),
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
        path: 'admin/quality-policy',
        lazy: async () => ({
          Component: (await import('../modules/admin-quality/QualityPolicyPage')).QualityPolicyPage,
        }),
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
        path: 'indicator-library',
        lazy: async () => ({
          Component: (await import('../modules/indicator-library/IndicatorLibraryPage')).IndicatorLibraryPage,
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
