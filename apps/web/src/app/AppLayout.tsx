import type { Permission } from '@nabij/contracts';
import {
  Button,
  FormLabel,
  Page,
  PageContent,
  PageFooter,
  PageHeader,
  Paragraph,
  SkipLink,
  Textbox,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type ReactNode, type SyntheticEvent } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { AppLink } from '../components/AppLink';
import { TenantBrand } from '../theme/house-style';
import { FooterLinks } from './FooterLinks';
import { t } from './i18n';
import { useSession, type SessionUser } from './session';
import { SessionTimeoutWarning } from './SessionTimeoutWarning';
import './layout.css';

/** After a client-side navigation, move focus to the new page's h1 so screen readers announce it. */
function useFocusHeadingOnNavigation(pathname: string): void {
  const lastPath = useRef(pathname);
  useEffect(() => {
    if (lastPath.current === pathname) return;
    lastPath.current = pathname;
    // The new page put focus in a field itself (e.g. "Contact vastleggen" opened by its shortcut): leave it there.
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.matches('#main input, #main select, #main textarea')) return;
    // A section of the case file (issue #19) gets focus on its own first heading; other pages on their h1.
    const sectionHeading = document.querySelector<HTMLElement>(
      '#main [data-case-section]:not([data-case-section="overzicht"]) h2',
    );
    if (sectionHeading && !sectionHeading.hasAttribute('tabindex')) sectionHeading.setAttribute('tabindex', '-1');
    const heading = sectionHeading ?? document.querySelector<HTMLElement>('#main h1');
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
  if (can('dashboard:read_team') || can('dashboard:read_all'))
    items.push({ to: '/sturingsinformatie', label: t('nav.managementInformation') });
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
        <Textbox
          id="global-search"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-keyshortcuts={SEARCH_SHORTCUT}
        />
        <Button type="submit" appearance="secondary-action-button">
          {t('globalSearch.submit')}
        </Button>
      </div>
    </form>
  );
}

/** Alt+Shift+Z ("zoeken") on every page: focus in the header's search box (announced with aria-keyshortcuts). */
export const SEARCH_SHORTCUT = 'Alt+Shift+Z';

function useSearchShortcut(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey || event.code !== 'KeyZ') return;
      const box = document.getElementById('global-search');
      if (!box) return;
      event.preventDefault();
      box.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/**
 * The staff menu (issue #19 item 2): on a wide screen always shown; on a phone folded behind a "Menu" button
 * (aria-expanded, aria-controls) that also holds the user's name and "Uitloggen". It folds again after a navigation
 * and on Escape (focus back on the button).
 */
function useMenu(pathname: string) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  return { open, toggle: () => setOpen((o) => !o), button };
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

export function AppFooter({ tenantSlug }: { tenantSlug?: string | undefined }) {
  return (
    <PageFooter className="nabij-footer">
      <FooterLinks tenantSlug={tenantSlug} />
      <Paragraph appearance="small">{t('layout.footer')}</Paragraph>
    </PageFooter>
  );
}

export function AppLayout() {
  const { user, can, logout } = useSession();
  const location = useLocation();
  useFocusHeadingOnNavigation(location.pathname);
  useSearchShortcut();
  const menu = useMenu(location.pathname);

  return (
    <AppShell>
      <PageHeader
        className={['nabij-header', user ? (menu.open ? 'nabij-header--menu-open' : 'nabij-header--menu-closed') : '']
          .filter(Boolean)
          .join(' ')}
      >
        <div className="nabij-header__bar">
          <div className="nabij-brand-group">
            <TenantBrand slug={user?.tenantSlug} fallbackName={user?.tenantName} />
            <AppLink to={user ? '/' : '/inloggen'} className="nabij-brand">
              {t('app.name')}
            </AppLink>
          </div>
          {user ? (
            <Button
              ref={menu.button}
              type="button"
              appearance="secondary-action-button"
              className="nabij-menu-button"
              aria-expanded={menu.open}
              aria-controls="nabij-menu-user nabij-menu-nav"
              onClick={menu.toggle}
            >
              {t('nav.menu')}
            </Button>
          ) : null}
          {user && can('person:read') ? <HeaderSearch /> : null}
          {user ? (
            <div id="nabij-menu-user" className="nabij-menu-part">
              <HeaderUser user={user} onLogout={logout} />
            </div>
          ) : null}
        </div>
        {user ? (
          <nav id="nabij-menu-nav" aria-label={t('nav.label')} className="nabij-nav nabij-menu-part">
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
      <AppFooter tenantSlug={user?.tenantSlug} />
      {user ? <SessionTimeoutWarning /> : null}
    </AppShell>
  );
}
