import { StatusBadge } from '@utrecht/component-library-react';
import { t } from '../../app/i18n';

/** The "minderjarig" marker shown next to a person's name. */
export function MinorBadge() {
  return (
    <>
      {' '}
      <StatusBadge status="warning" className="nabij-badge">
        {t('person.minor')}
      </StatusBadge>
    </>
  );
}
