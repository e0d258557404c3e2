import { NavLink } from 'react-router';
import { t } from '../../app/i18n';
import { useSession } from '../../app/session';

/** May the user see management information at all (own teams or every team)? */
export function useCanSeeFigures(): boolean {
  const { can } = useSession();
  return can('dashboard:read_team') || can('dashboard:read_all');
}

function linkClass({ isActive }: { isActive: boolean }): string {
  return ['utrecht-link', 'utrecht-link--html-a', 'nabij-tabs__link', isActive ? 'nabij-tabs__link--current' : '']
    .filter(Boolean)
    .join(' ');
}

/** The sub-navigation between the dashboard and the quality mirror; the period and team go along. */
export function MiNav({ query }: { query: string }) {
  const suffix = query ? `?${query}` : '';
  return (
    <nav aria-label={t('mi.navLabel')} className="nabij-tabs">
      <ul className="nabij-tabs__list">
        <li className="nabij-tabs__item">
          <NavLink to={`/sturingsinformatie${suffix}`} end className={linkClass}>
            {t('mi.navDashboard')}
          </NavLink>
        </li>
        <li className="nabij-tabs__item">
          <NavLink to={`/sturingsinformatie/kwaliteitsspiegel${suffix}`} className={linkClass}>
            {t('mi.navMirror')}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}

/** "2026-Q2" as "2e kwartaal 2026". */
export function quarterLabel(q: string): string {
  return t('mirror.quarterLabel', { n: q.slice(6), year: q.slice(0, 4) });
}
