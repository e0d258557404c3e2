import { Alert, DataListItem, DataListKey, DataListValue, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { ApiError, errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { AppLink } from '../../components/AppLink';

export function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <DataListItem>
      <DataListKey>{label}</DataListKey>
      <DataListValue>{children}</DataListValue>
    </DataListItem>
  );
}

export function Plain({ text }: { text: string | null | undefined }) {
  return text ? <span className="nabij-plain-text">{text}</span> : <>{t('referral.none')}</>;
}

/** A confirmation after saving, announced politely. */
export function SavedNotice({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <Alert type="ok">
      <Paragraph role="status">{text}</Paragraph>
    </Alert>
  );
}

/** True when the API refused the case (403): the user has no relation to it. */
export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403;
}

export function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404;
}

/** The Dutch "no access to this case file" text (the page heading is set by the page). */
export function CaseNoAccess() {
  return (
    <>
      <Alert type="warning">
        <Paragraph>{t('case.noAccessText')}</Paragraph>
      </Alert>
      <Paragraph>{t('case.noAccessHelp')}</Paragraph>
      <Paragraph>
        <AppLink to="/">{t('common.backHome')}</AppLink>
      </Paragraph>
    </>
  );
}

/** What a failed load of a case (or Meldcode record) shows below the heading. */
export function CaseLoadError({ error }: { error: unknown }) {
  if (isForbidden(error)) return <CaseNoAccess />;
  if (isNotFound(error))
    return (
      <>
        <Paragraph>{t('case.notFoundText')}</Paragraph>
        <Paragraph>
          <AppLink to="/">{t('common.backHome')}</AppLink>
        </Paragraph>
      </>
    );
  return (
    <Alert type="error">
      <Paragraph>{errorText(error)}</Paragraph>
    </Alert>
  );
}

/** The page title for a case page that failed to load. */
export function failedTitle(error: unknown, fallback: string): string {
  if (isForbidden(error)) return t('case.noAccessTitle');
  if (isNotFound(error)) return t('case.notFoundTitle');
  return fallback;
}
