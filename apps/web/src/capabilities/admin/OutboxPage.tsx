import {
  Alert,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Paragraph,
} from '@utrecht/component-library-react';
import { errorText } from '../../app/errors';
import { joinList, t } from '../../app/i18n';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { formatDateTime } from '../intake/intake-format';
import { AdminNav } from './AdminNav';

interface OutboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  sentAt: string;
  attachmentNames: string[];
}

/** Outside production: the e-mails Nabij would have sent, to check letters and confirmations. */
export function OutboxPage() {
  usePageTitle(t('outbox.title'));
  const { can } = useSession();
  const outbox = useResource<{ messages: OutboxMessage[] }>('/api/dev/outbox');
  return (
    <>
      <PageHeading>{t('outbox.title')}</PageHeading>
      {can('user:admin') ? <AdminNav /> : null}
      <Paragraph>{t('outbox.intro')}</Paragraph>
      {outbox.status === 'loading' ? <Loading /> : null}
      {outbox.status === 'failed' ? (
        <Alert type="error">
          <Paragraph>{errorText(outbox.error)}</Paragraph>
        </Alert>
      ) : null}
      {outbox.status === 'ready' && outbox.data.messages.length === 0 ? (
        <Paragraph>{t('outbox.none')}</Paragraph>
      ) : null}
      {outbox.status === 'ready'
        ? outbox.data.messages.map((m) => (
            <section key={m.id} aria-labelledby={`outbox-${m.id}`} className="nabij-section nabij-outbox-message">
              <Heading2 id={`outbox-${m.id}`}>{m.subject}</Heading2>
              <DataList>
                <DataListItem>
                  <DataListKey>{t('outbox.to')}</DataListKey>
                  <DataListValue>{m.to}</DataListValue>
                </DataListItem>
                <DataListItem>
                  <DataListKey>{t('outbox.sentAt')}</DataListKey>
                  <DataListValue>{formatDateTime(m.sentAt)}</DataListValue>
                </DataListItem>
                <DataListItem>
                  <DataListKey>{t('outbox.attachments')}</DataListKey>
                  <DataListValue>
                    {m.attachmentNames.length > 0 ? joinList(m.attachmentNames) : t('outbox.noAttachments')}
                  </DataListValue>
                </DataListItem>
              </DataList>
              <details className="nabij-disclosure">
                <summary className="nabij-disclosure__summary">{t('outbox.text')}</summary>
                <div className="nabij-disclosure__content nabij-plain-text">{m.text}</div>
              </details>
            </section>
          ))
        : null}
    </>
  );
}
