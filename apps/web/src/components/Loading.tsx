import { Paragraph } from '@utrecht/component-library-react';
import { t } from '../app/i18n';

/** A polite "loading" message that screen readers announce. */
export function Loading({ label }: { label?: string }) {
  return (
    <div role="status" className="nabij-loading">
      <Paragraph>{label ?? t('common.loading')}</Paragraph>
    </div>
  );
}
