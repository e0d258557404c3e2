import type { RouteObject } from 'react-router';
import { PageErrorBoundary, RootErrorBoundary } from '../../app/ErrorPage';
import { ResidentHomePage } from './ResidentHomePage';
import { RequireResident, ResidentLayout, ResidentLoadingFrame } from './ResidentLayout';
import { ResidentLoginPage } from './ResidentLoginPage';
import { ResidentAccessLogPage, ResidentConsentsPage, ResidentContactsPage, ResidentCopyPage, ResidentDocumentsPage, ResidentMessagesPage } from './ResidentPages';
import { ResidentAgreePage, ResidentPlanPage } from './ResidentPlanPage';
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
          { path: 'inloggen', element: <ResidentLoginPage /> },
          {
            element: <RequireResident />,
            children: [
              { index: true, element: <ResidentHomePage /> },
              { path: ':personId', element: <ResidentHomePage /> },
              { path: ':personId/plan', element: <ResidentPlanPage /> },
              { path: ':personId/plan/akkoord', element: <ResidentAgreePage /> },
              { path: ':personId/gesprekken', element: <ResidentContactsPage /> },
              { path: ':personId/berichten', element: <ResidentMessagesPage /> },
              { path: ':personId/eigen-plan', element: <ResidentDocumentsPage /> },
              { path: ':personId/toestemmingen', element: <ResidentConsentsPage /> },
              { path: ':personId/wie-bekeek-mijn-dossier', element: <ResidentAccessLogPage /> },
              { path: ':personId/kopie', element: <ResidentCopyPage /> },
            ],
          },
        ],
      },
    ],
  },
];
