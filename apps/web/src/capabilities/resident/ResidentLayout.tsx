import type { ResidentSubject } from '@nabij/contracts';
import { Alert, Button, PageContent, PageFooter, PageHeader, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useParams } from 'react-router';
import { AppShell } from '../../app/AppLayout';
import { FooterLinks } from '../../app/FooterLinks';
import { t } from '../../app/i18n';
import { TenantBrand } from '../../theme/house-style';
import { AppLink } from '../../components/AppLink';
import { Loading } from '../../components/Loading';
import { useResidentSession } from './resident-session';
import './resident.css';

/** Sets the browser tab title to "<page> — Mijn Nabij". */
export function useResidentTitle(title: string): void {
  useEffect(() => {
    document.title = t('resident.documentTitle', { title });
  }, [title]);
}

/** After a client-side navigation, focus moves to the new page's h1 so screen readers announce it. */
function useFocusHeadingOnNavigation(pathname: string): void {
  const lastPath = useRef(pathname);
  useEffect(() => {
    if (lastPath.current === pathname) return;
    lastPath.current = pathname;
    const heading = document.querySelector<HTMLElement>('#main h1');
    (heading ?? document.getElementById('main'))?.focus();
  }, [pathname]);
}

/** The portal's own frame: no staff navigation, the municipality's name, a logout button; mobile first. */
export function ResidentFrame({
  children,
  tenantName,
  tenantSlug,
  firstName,
  onLogout,
}: {
  children: ReactNode;
  tenantName?: string | undefined;
  /** The municipality of the footer's links to the statements and contact. */
  tenantSlug?: string | undefined;
  firstName?: string | undefined;
  onLogout?: () => Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <AppShell>
      <PageHeader className="nabij-header nabij-resident-header">
        <div className="nabij-header__bar">
          <span className="nabij-brand">
            {t('resident.brand')}
            <span className="nabij-resident-tenant">
              <TenantBrand slug={tenantSlug} fallbackName={tenantName} />
            </span>
          </span>
          {firstName && onLogout ? (
            <div className="nabij-header__user">
              <span>{t('resident.loggedInAs', { name: firstName })}</span>
              <Button
                appearance="secondary-action-button"
                busy={busy}
                disabled={busy}
                onClick={() => {
                  setBusy(true);
                  void onLogout().finally(() => setBusy(false));
                }}
              >
                {t('resident.logout')}
              </Button>
            </div>
          ) : null}
        </div>
      </PageHeader>
      <PageContent className="nabij-content nabij-resident">
        <main id="main" tabIndex={-1} className="utrecht-page-content__main nabij-main">
          {children}
        </main>
      </PageContent>
      <PageFooter className="nabij-footer">
        <FooterLinks tenantSlug={tenantSlug} />
        <Paragraph appearance="small">
          {tenantName ? t('resident.footer', { tenant: tenantName }) : t('resident.footerAnonymous')}
        </Paragraph>
      </PageFooter>
    </AppShell>
  );
}

export function ResidentLayout() {
  const { session, logout } = useResidentSession();
  const location = useLocation();
  useFocusHeadingOnNavigation(location.pathname);
  return (
    <ResidentFrame
      tenantName={session.resident?.tenantName}
      tenantSlug={session.resident?.tenantSlug}
      firstName={session.resident?.firstName}
      onLogout={logout}
    >
      <Outlet />
    </ResidentFrame>
  );
}

export function ResidentLoadingFrame() {
  return (
    <ResidentFrame>
      <Loading label={t('resident.loading')} />
    </ResidentFrame>
  );
}

/** Pages behind the login: without a resident session, to the portal's login page. */
export function RequireResident() {
  const { session } = useResidentSession();
  if (!session.authenticated) return <Navigate to="/mijn/inloggen" replace />;
  return <Outlet />;
}

/** The person of the page (from the address) among those the resident may act for. */
export function useSubject(): { subject: ResidentSubject | undefined; personId: string } {
  const { personId = '' } = useParams();
  const { subjects } = useResidentSession();
  return { subject: subjects.find((s) => s.personId === personId && s.allowed), personId };
}

/** The link back to the start page of the person, above every page. */
export function BackToStart({ personId }: { personId: string }) {
  return (
    <Paragraph className="nabij-resident-back">
      <AppLink to={`/mijn/${personId}`}>{t('resident.backToStart')}</AppLink>
    </Paragraph>
  );
}

/** A short confirmation after a change, announced politely and focused so keyboard users land on it. */
export function SavedAlert({ text }: { text: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [text]);
  return (
    <Alert type="ok" ref={ref} tabIndex={-1} role="status" className="nabij-resident-saved">
      <Paragraph>{text}</Paragraph>
    </Alert>
  );
}

/** When the person of the address is not (or no longer) someone the resident may act for. */
export function NotYourSubject() {
  return (
    <Alert type="warning">
      <Paragraph>{t('error.resident_not_allowed')}</Paragraph>
      <Paragraph>
        <AppLink to="/mijn">{t('resident.backToStart')}</AppLink>
      </Paragraph>
    </Alert>
  );
}
