import { Alert, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { NavLink } from 'react-router';
import { ApiError, errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { useSession } from '../../app/session';
import { AppButtonLink } from '../../components/AppLink';

function linkClass({ isActive }: { isActive: boolean }): string {
  return ['utrecht-link', 'utrecht-link--html-a', 'nabij-tabs__link', isActive ? 'nabij-tabs__link--current' : '']
    .filter(Boolean)
    .join(' ');
}

/** The sub-navigation of the privacy officer's pages. */
export function PrivacyNav() {
  const items = [
    { to: '/privacy/logboek', label: t('privacy.nav.log') },
    { to: '/privacy/noodtoegang', label: t('privacy.nav.emergency') },
    { to: '/privacy/verzoeken', label: t('privacy.nav.requests') },
    { to: '/privacy/vernietigen', label: t('privacy.nav.retention') },
  ];
  return (
    <nav aria-label={t('privacy.nav.label')} className="nabij-tabs">
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

export const needsSecondFactor = (error: unknown): boolean =>
  error instanceof ApiError && error.code === 'second_factor_required';

/**
 * A failed load of a privacy page. Without two-factor the API refuses (and logs the refusal); the page then
 * explains it and offers to set two-factor up.
 */
export function PrivacyLoadError({ error }: { error: unknown }) {
  const { user } = useSession();
  return (
    <Alert type={needsSecondFactor(error) ? 'warning' : 'error'}>
      <Paragraph>{errorText(error)}</Paragraph>
      {needsSecondFactor(error) && user && !user.totpEnabled ? (
        <Paragraph>
          <AppButtonLink to="/inloggen/tweestapsverificatie-instellen" appearance="primary-action-button">
            {t('privacy.secondFactor.setUp')}
          </AppButtonLink>
        </Paragraph>
      ) : null}
    </Alert>
  );
}

export function EmergencyBadge() {
  return (
    <>
      {' '}
      <StatusBadge status="danger" className="nabij-badge">
        {t('privacy.badge.emergency')}
      </StatusBadge>
    </>
  );
}

export function DeniedBadge() {
  return (
    <>
      {' '}
      <StatusBadge status="warning" className="nabij-badge">
        {t('privacy.badge.denied')}
      </StatusBadge>
    </>
  );
}
