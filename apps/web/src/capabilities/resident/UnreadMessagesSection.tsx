import type { UnreadResidentMessages } from '@nabij/contracts';
import { Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { municipalDay } from '../../app/dates';
import { t } from '../../app/i18n';
import { useResource } from '../../app/use-resource';
import { AppLink } from '../../components/AppLink';
import { formatDate } from '../persons/person-format';

/** The list itself, apart from loading, so it can be shown with given data. */
export function UnreadMessagesList({ cases }: UnreadResidentMessages) {
  if (cases.length === 0) return <Paragraph>{t('unreadMessages.none')}</Paragraph>;
  return (
    <UnorderedList>
      {cases.map((c) => (
        <UnorderedListItem key={c.caseId}>
          <AppLink to={`/dossiers/${encodeURIComponent(c.caseId)}#mijn-nabij`}>
            {t(c.unread === 1 ? 'unreadMessages.one' : 'unreadMessages.many', {
              household: c.householdName ?? t('common.unknown'),
              count: c.unread,
            })}
          </AppLink>{' '}
          {t('unreadMessages.last', { date: formatDate(municipalDay(c.lastSentAt)) })}
        </UnorderedListItem>
      ))}
    </UnorderedList>
  );
}

/**
 * "Berichten van inwoners" on Mijn werk (issue #19 item 8): the households of the user's cases with messages through
 * Mijn Nabij that nobody has read yet, each linking to the case's Mijn Nabij section where they are read.
 */
export function UnreadMessagesSection() {
  const unread = useResource<UnreadResidentMessages>('/api/resident-messages/unread');
  return (
    <section aria-labelledby="unread-messages-heading" className="nabij-section">
      <Heading2 id="unread-messages-heading">{t('unreadMessages.heading')}</Heading2>
      {unread.status === 'ready' ? <UnreadMessagesList cases={unread.data.cases} /> : null}
      {unread.status === 'failed' ? <Paragraph>{t('unreadMessages.failed')}</Paragraph> : null}
    </section>
  );
}
