import { Alert, Heading2, Link, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useEffect, useRef, type MouseEvent } from 'react';
import { t } from '../app/i18n';

export interface ErrorSummaryItem {
  /** The id of the field to jump to; without it the message is shown as plain text. */
  fieldId?: string;
  message: string;
}

interface ErrorSummaryProps {
  /** A general message above the list (e.g. the API's message for the error code). */
  message?: string;
  items: readonly ErrorSummaryItem[];
  /** Changes on every failed submit, so focus moves here again even if the errors are the same. */
  focusKey: number;
  title?: string;
}

/**
 * The error summary at the top of a form: announced (role="alert"), focused after a failed submit,
 * and each item links to its field.
 */
export function ErrorSummary({ message, items, focusKey, title }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const visible = Boolean(message) || items.length > 0;

  useEffect(() => {
    if (visible && focusKey > 0) ref.current?.focus();
  }, [focusKey, visible]);

  if (!visible) return null;

  const jumpTo = (event: MouseEvent<HTMLAnchorElement>, fieldId: string) => {
    const field = document.getElementById(fieldId);
    if (!field) return;
    event.preventDefault();
    field.focus();
    field.scrollIntoView({ block: 'center' });
  };

  return (
    <Alert type="error" ref={ref} tabIndex={-1} className="nabij-error-summary">
      <Heading2 id="error-summary-title" className="nabij-error-summary__title">
        {title ?? t('form.errorSummaryTitle')}
      </Heading2>
      {message ? <Paragraph>{message}</Paragraph> : null}
      {items.length > 0 ? (
        <UnorderedList>
          {items.map((item, index) => (
            <UnorderedListItem key={`${item.fieldId ?? 'form'}-${index}`}>
              {item.fieldId ? (
                <Link href={`#${item.fieldId}`} onClick={(e) => jumpTo(e, item.fieldId ?? '')}>
                  {item.message}
                </Link>
              ) : (
                item.message
              )}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      ) : null}
    </Alert>
  );
}
