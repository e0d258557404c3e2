import { NavLink } from 'react-router';
import { t } from '../../app/i18n';
import { useSession } from '../../app/session';

function linkClass({ isActive }: { isActive: boolean }): string {
  return ['utrecht-link', 'utrecht-link--html-a', 'nabij-tabs__link', isActive ? 'nabij-tabs__link--current' : '']
    .filter(Boolean)
    .join(' ');
}

/** The sub-navigation of the functional administrator's pages. */
export function AdminNav() {
  const { can } = useSession();
  const items = [
    ...(can('user:admin')
      ? [
          { to: '/beheer/gebruikers', label: t('adminNav.users') },
          { to: '/beheer/brieven', label: t('adminNav.letters') },
          { to: '/beheer/teams', label: t('adminNav.teams') },
          { to: '/beheer/huisstijl', label: t('adminNav.houseStyle') },
          { to: '/beheer/samenvoegingen', label: t('adminNav.merges') },
          { to: '/beheer/sociale-kaart', label: t('adminNav.services') },
          // The development outbox holds residents' login codes: the functional administrator only (issue #21 item 9).
          { to: '/beheer/outbox', label: t('adminNav.outbox') },
        ]
      : []),
    ...(can('zrm:configure') ? [{ to: '/beheer/zrm', label: t('adminNav.zrm') }] : []),
    ...(can('job:monitor') ? [{ to: '/beheer/achtergrondtaken', label: t('jobs.navLabel') }] : []),
  ];
  return (
    <nav aria-label={t('adminNav.label')} className="nabij-tabs">
      <ul className="nabij-tabs__list">
        {items.map((item) => (
          <li key={item.to} className="nabij-tabs__item">
            <NavLink to={item.to} className={linkClass}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
