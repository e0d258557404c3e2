import type { Permission } from '@nabij/contracts';
import { Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { AppLink } from '../components/AppLink';
import { PageHeading } from '../components/PageHeading';
import { pathForStep, type LoginLocationState } from './auth-flow';
import { t } from './i18n';
import { useSession } from './session';
import { usePageTitle } from './use-page-title';

/** Pages below need a complete login; a half-way login continues at its next step. */
export function RequireLogin() {
  const { user, pendingStep, notice } = useSession();
  const location = useLocation();
  if (user) return <Outlet />;
  const from = `${location.pathname}${location.search}`;
  // After logging out, the next person to log in starts at home, not on the previous user's page.
  const state: LoginLocationState = from === '/' || notice === 'logged_out' ? {} : { from };
  if (pendingStep) return <Navigate to={pathForStep(pendingStep)} replace state={state} />;
  return <Navigate to="/inloggen" replace state={state} />;
}

export function ForbiddenPage() {
  usePageTitle(t('forbidden.title'));
  return (
    <>
      <PageHeading>{t('forbidden.title')}</PageHeading>
      <Paragraph>{t('forbidden.text')}</Paragraph>
      <Paragraph>
        <AppLink to="/">{t('common.backHome')}</AppLink>
      </Paragraph>
    </>
  );
}

/** Shows a Dutch "no access" page instead of the children when a permission is missing. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  return can(permission) ? <>{children}</> : <ForbiddenPage />;
}
