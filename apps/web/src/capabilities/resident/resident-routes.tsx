import type { RouteObject } from 'react-router';
import { PageErrorBoundary, RootErrorBoundary } from '../../app/ErrorPage';
import { page } from '../../app/lazy-page';
import { RequireResident, ResidentLayout, ResidentLoadingFrame } from './ResidentLayout';
import { ResidentSessionProvider } from './resident-session';

function ResidentRoot() {
  return (
    <ResidentSessionProvider fallback={<ResidentLoadingFrame />}>
      <ResidentLayout />
    </ResidentSessionProvider>
  );
}

/**
 * The resident portal "Mijn Nabij" at /mijn: its own session, frame and pages, apart from the staff app. Every
 * page is about one person (`:personId`): the resident themselves, or someone they represent.
 */
export const residentRoutes: RouteObject[] = [
  {
    path: 'mijn',
    element: <ResidentRoot />,
    errorElement: <RootErrorBoundary />,
    children: [
      {
        errorElement: <PageErrorBoundary />,
        children: [
          { path: 'inloggen', lazy: page(() => import('./ResidentLoginPage'), 'ResidentLoginPage') },
          {
            element: <RequireResident />,
            children: [
              { index: true, lazy: page(() => import('./ResidentHomePage'), 'ResidentHomePage') },
              { path: ':personId', lazy: page(() => import('./ResidentHomePage'), 'ResidentHomePage') },
              { path: ':personId/plan', lazy: page(() => import('./ResidentPlanPage'), 'ResidentPlanPage') },
              { path: ':personId/plan/akkoord', lazy: page(() => import('./ResidentPlanPage'), 'ResidentAgreePage') },
              { path: ':personId/gesprekken', lazy: page(() => import('./ResidentPages'), 'ResidentContactsPage') },
              { path: ':personId/berichten', lazy: page(() => import('./ResidentPages'), 'ResidentMessagesPage') },
              { path: ':personId/eigen-plan', lazy: page(() => import('./ResidentPages'), 'ResidentDocumentsPage') },
              { path: ':personId/toestemmingen', lazy: page(() => import('./ResidentPages'), 'ResidentConsentsPage') },
              {
                path: ':personId/wie-bekeek-mijn-dossier',
                lazy: page(() => import('./ResidentPages'), 'ResidentAccessLogPage'),
              },
              { path: ':personId/kopie', lazy: page(() => import('./ResidentPages'), 'ResidentCopyPage') },
            ],
          },
        ],
      },
    ],
  },
];
