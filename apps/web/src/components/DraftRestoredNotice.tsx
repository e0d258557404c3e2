import { Alert, Paragraph } from '@utrecht/component-library-react';
import { t } from '../app/i18n';
import type { DraftState } from '../app/use-draft';

/** "Uw concept is teruggezet": shown above a form whose typed text came back after a new login (useDraft). */
export function DraftRestoredNotice({ draft }: { draft: DraftState }) {
  if (!draft.restored) return null;
  return (
    <Alert type="info" className="nabij-draft-notice">
      <Paragraph role="status">
        <strong>{t('draft.restored')}</strong> {t('draft.restoredText')}
      </Paragraph>
    </Alert>
  );
}
