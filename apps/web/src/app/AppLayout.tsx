import type { Permission } from '@nabij/contracts';
import { Button, FormLabel, Page, PageContent, PageFooter, PageHeader, Paragraph, SkipLink, Textbox } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type ReactNode, type SyntheticEvent } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { AppLink } from '../components/AppLink';
import { t } from './i18n';
import { useSession, type SessionUser } from './session';
import { SessionTimeoutWarning } from './SessionTimeoutWarning';

/** After a client-side navigation, move focus to the new page's h1 so screen readers announce it. */
function useFocusHeadingOnNavigation(pathname: string): void {
  const lastPath = useRef(pathname);
  useEffect(() => {
    if (lastPath.current === pathname) return;
    lastPath.current = pathname;
    const heading = document.querySelector<HTMLElement>('#main h1');
    (heading ?? document.getElementById('main'))?.focus();
  }, [pathname]);
}

interface NavItem {
  to: string;
  label: string;
  end?: boolean;
}

function navItems(can: (p: Permission) => boolean): NavItem[] {
  const items: NavItem[] = [{ to: '/', label: t('nav.home'), end: true }];
  if (can('referral:read')) items.push({ to: '/aanmeldingen', label: t('nav.referrals') });
  if (can('meeting:read')) items.push({ to: '/overleg', label: t('nav.meetings') });
  if (can('case:read')) items.push({ to: '/casuistiekoverleg', label: t('nav.caseReview') });
  if (can('policy_signal:write') || can('policy_signal:read')) items.push({ to: '/signalen', label: t('nav.signals') });
  if (can('dashboard:read_team') || can('dashboard:read_all')) items.push({ to: '/sturingsinformatie', label: t('nav.managementInformation') });
  if (can('case:assign')) items.push({ to: '/verdeling', label: t('nav.assignment') });
  if (can('host_question:write')) items.push({ to: '/balie', label: t('nav.hostDesk') });
  if (can('person:read')) items.push({ to: '/personen', label: t('nav.persons') });
  // "Beheer" stays current on every admin page (users, letter templates); the pages have their own sub-navigation.
  if (can('user:admin')) items.push({ to: '/beheer', label: t('nav.admin') });
  if (can('access_log:read')) items.push({ to: '/privacy', label: t('nav.privacy') });
  return items;
}

function navLinkClass({ isActive }: { isActive: boolean }): string {
  return ['nabij-nav__link', 'utrecht-link', 'utrecht-link--html-a', isActive ? 'nabij-nav__link--current' : '']
    .filter(Boolean)
    .join(' ');
}

function HeaderUser({ user, onLogout }: { user: SessionUser; onLogout: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  return (
    <div className="nabij-header__user">
      <span className="nabij-header__name">
        <span className="nabij-visually-hidden">{t('layout.loggedInAs')} </span>
        {user.displayName}
        <span className="nabij-header__tenant"> · {user.tenantName}</span>
      </span>
      <Button
        appearance="secondary-action-button"
        busy={busy}
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void onLogout().finally(() => setBusy(false));
        }}
      >
        {t('layout.logout')}
      </Button>
    </div>
  );
}

/**
 * The search box in the header: persons (name as Dutch names are written, date of birth, BSN, postcode with house
 * number) and case references (AM-…). The results open on /zoeken, each with why it was found.
 */
function HeaderSearch() {
  const location = useLocation();
  const navigate = useNavigate();
  const current = location.pathname === '/zoeken' ? (new URLSearchParams(location.search).get('q') ?? '') : '';
  const [q, setQ] = useState(current);
  useEffect(() => setQ(current), [current]);
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    void navigate(`/zoeken?${new URLSearchParams({ q: q.trim() }).toString()}`);
  };
  return (
    <form role="search" aria-label={t('globalSearch.title')} className="nabij-header__search" onSubmit={submit}>
      <FormLabel htmlFor="global-search">{t('globalSearch.label')}</FormLabel>
      <div className="nabij-header__search-row">
        <Textbox id="global-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" spellCheck={false} />
        <Button type="submit" appearance="secondary-action-button">
          {t('globalSearch.submit')}
        </Button>
      </div>
    </form>
  );
}

/** The frame around every page: skip link, header with navigation, main, footer. */
export function AppShell({ children }: { children?: ReactNode }) {
  return (
    <>
      <SkipLink href="#main">{t('layout.skipLink')}</SkipLink>
      <Page className="nabij-page">{children}</Page>
    </>
  );
}

export function AppFooter() {
  return (
    <PageFooter className="nabij-footer">
      <Paragraph appearance="small">{t('layout.footer')}</Paragraph>
    </PageFooter>
  );
}

export function AppLayout() {
  const { user, can, logout } = useSession();
  const location = useLocation();
  useFocusHeadingOnNavigation(location.pathname);

  return (
    <AppShell>
      <PageHeader className="nabij-header">
        <div className="nabij-header__bar">
          <AppLink to={user ? '/' : '/inloggen'} className="nabij-brand">
            {t('app.name')}
          </AppLink>
          {user && can('person:read') ? <HeaderSearch /> : null}
          {user ? <HeaderUser user={user} onLogout={logout} /> : null}
        </div>
        {user ? (
          <nav aria-label={t('nav.label')} className="nabij-nav">
            <ul className="nabij-nav__list">
              {navItems(can).map((item) => (
                <li key={item.to} className="nabij-nav__item">
                  <NavLink to={item.to} end={item.end ?? false} className={navLinkClass}>
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </PageHeader>
      <PageContent className="nabij-content">
        <main id="main" tabIndex={-1} className="utrecht-page-content__main nabij-main">
          <Outlet />
        </main>
      </PageContent>
      <AppFooter />
      {user ? <SessionTimeoutWarning /> : null}
    </AppShell>
  );
}
