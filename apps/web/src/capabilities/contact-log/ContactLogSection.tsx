import type { CaseOverview, ContactLog, ContactView } from '@nabij/contracts';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Heading3,
  Heading4,
  Paragraph,
  StatusBadge,
} from '@utrecht/component-library-react';
import { useEffect, useState, type SyntheticEvent } from 'react';
import { useLocation } from 'react-router';
import { errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { useSession } from '../../app/session';
import { useHasDraft } from '../../app/use-draft';
import { useResource } from '../../app/use-resource';
import { FormDisclosure } from '../../components/FormDisclosure';
import { Loading } from '../../components/Loading';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { formatBytes } from '../intake/intake-format';
import { formatDate } from '../persons/person-format';
import { domainLabel } from '../plan/plan-format';
import {
  contactFilterQuery,
  contactKindChoices,
  contactKindLabel,
  countText,
  formatMinutes,
  isFiltered,
  mayLogContacts,
  NO_FILTER,
  visibleContacts,
  type ContactFilterValues,
} from './contact-form';
import { QuickContactForm, type PlanGoal } from './QuickContactForm';
import './contact-log.css';

function ContactItem({ caseId, contact }: { caseId: string; contact: ContactView }) {
  const headingId = `contact-${contact.id}-heading`;
  return (
    <li className="nabij-contact">
      <Heading4 id={headingId} tabIndex={-1}>
        {t('contactLog.entryHeading', { date: formatDate(contact.contactOn), kind: contactKindLabel(contact.kind) })}
        {contact.internal ? (
          <>
            {' '}
            <StatusBadge status="warning" className="nabij-badge">
              {t('contactLog.internalBadge')}
            </StatusBadge>
          </>
        ) : null}
      </Heading4>
      <dl className="nabij-contact__meta">
        {contact.durationMinutes !== null ? (
          <div>
            <dt>{t('contactLog.entryDuration')}</dt>
            <dd>{formatMinutes(contact.durationMinutes)}</dd>
          </div>
        ) : null}
        {contact.participants ? (
          <div>
            <dt>{t('contactLog.entryParticipants')}</dt>
            <dd>{contact.participants}</dd>
          </div>
        ) : null}
        {contact.goals.length > 0 ? (
          <div>
            <dt>{t('contactLog.entryGoals')}</dt>
            <dd>
              {contact.goals
                .map((g) => t('contactLog.goalLabel', { domain: domainLabel(g.domain), goal: g.goal }))
                .join('; ')}
            </dd>
          </div>
        ) : null}
      </dl>
      <Paragraph className="nabij-contact__note">{contact.note}</Paragraph>
      {contact.attachments.length > 0 ? (
        <Paragraph>
          {t('contactLog.entryAttachments')}:{' '}
          {contact.attachments.map((a, index) => (
            <span key={a.id}>
              {index > 0 ? ', ' : ''}
              <a
                className="utrecht-link utrecht-link--html-a"
                href={`/api/cases/${encodeURIComponent(caseId)}/contact-attachments/${encodeURIComponent(a.id)}`}
                download={a.filename}
              >
                {a.filename}
              </a>{' '}
              ({formatBytes(a.sizeBytes)})
            </span>
          ))}
        </Paragraph>
      ) : null}
      <Paragraph className="nabij-muted">{t('contactLog.recordedBy', { name: contact.recordedByName })}</Paragraph>
    </li>
  );
}

function ContactFilterForm({
  goals,
  applied,
  onApply,
}: {
  goals: readonly PlanGoal[];
  applied: ContactFilterValues;
  onApply: (filter: ContactFilterValues) => void;
}) {
  const [draft, setDraft] = useState<ContactFilterValues>(applied);
  const set = (key: keyof ContactFilterValues) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form role="search" aria-label={t('contactLog.filterHeading')} onSubmit={submit} className="nabij-contact-filter">
      <div className="nabij-form-grid">
        <SelectField
          id="journaal-filter-kind"
          label={t('contactLog.filterKind')}
          value={draft.kind}
          choices={contactKindChoices()}
          emptyLabel={t('contactLog.filterKindAll')}
          onValueChange={set('kind')}
        />
        {goals.length > 0 ? (
          <SelectField
            id="journaal-filter-goal"
            label={t('contactLog.filterGoal')}
            value={draft.goalId}
            choices={goals.map((g) => ({
              value: g.id,
              label: t('contactLog.goalLabel', { domain: domainLabel(g.domain), goal: g.goal }),
            }))}
            emptyLabel={t('contactLog.filterGoalAll')}
            onValueChange={set('goalId')}
          />
        ) : null}
        <TextField
          id="journaal-filter-from"
          label={t('contactLog.filterFrom')}
          type="date"
          value={draft.from}
          onValueChange={set('from')}
        />
        <TextField
          id="journaal-filter-to"
          label={t('contactLog.filterTo')}
          type="date"
          value={draft.to}
          onValueChange={set('to')}
        />
        <TextField
          id="journaal-filter-q"
          label={t('contactLog.filterText')}
          type="search"
          value={draft.q}
          onValueChange={set('q')}
          autoComplete="off"
        />
      </div>
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button">
          {t('contactLog.filterApply')}
        </Button>
        {isFiltered(applied) ? (
          <Button
            type="button"
            appearance="subtle-button"
            onClick={() => {
              setDraft(NO_FILTER);
              onApply(NO_FILTER);
            }}
          >
            {t('contactLog.filterClear')}
          </Button>
        ) : null}
      </ButtonGroup>
    </form>
  );
}

/**
 * The journaal on the case page: the quick form "Contact vastleggen" and the contacts, newest first, with filters
 * (kind, goal, period, text) and the total time. `onChanged` reloads the case (timeline, open tasks).
 */
export function ContactLogSection({ overview, onChanged }: { overview: CaseOverview; onChanged?: () => void }) {
  const { user } = useSession();
  const [filter, setFilter] = useState<ContactFilterValues>(NO_FILTER);
  const [showAll, setShowAll] = useState(false);
  const log = useResource<ContactLog>(
    `/api/cases/${encodeURIComponent(overview.id)}/contacts${contactFilterQuery(filter)}`,
  );
  // The plan's goals stay known while a filtered list loads, so the form does not lose its checkboxes.
  const [goals, setGoals] = useState<readonly PlanGoal[]>([]);
  useEffect(() => {
    if (log.data) setGoals(log.data.goals);
  }, [log.data]);
  const canLog = user ? mayLogContacts(user, overview) : false;
  // After "show all", focus moves to the first contact that was hidden, so keyboard users continue there.
  const [focusContact, setFocusContact] = useState<string | undefined>(undefined);
  useEffect(() => {
    if (!focusContact) return;
    document.getElementById(`contact-${focusContact}-heading`)?.focus();
    setFocusContact(undefined);
  }, [focusContact]);
  const filtered = isFiltered(filter);
  // "Contact vastleggen" on the overview or Alt+Shift+C (issue #19) opens the form: each request has its own location key.
  const location = useLocation();
  const openRequest =
    typeof location.state === 'object' && location.state !== null && 'openContact' in location.state
      ? location.key
      : undefined;
  // Back after an expired session with a note typed here: the form opens with the note (ADR 0035).
  const hasDraft = useHasDraft(`contact:${overview.id}`);

  return (
    <section id="journaal" aria-labelledby="journaal-heading" className="nabij-section">
      <Heading2 id="journaal-heading">{t('contactLog.heading')}</Heading2>
      {canLog ? (
        <FormDisclosure
          label={t('contactLog.formHeading')}
          appearance="primary-action-button"
          keyShortcuts="Alt+Shift+C"
          initiallyOpen={openRequest !== undefined || hasDraft}
          openRequest={openRequest}
        >
          <QuickContactForm
            caseId={overview.id}
            goals={goals}
            idPrefix="journaal-contact"
            heading={t('contactLog.formHeading')}
            onSaved={() => {
              log.reload();
              onChanged?.();
            }}
          />
        </FormDisclosure>
      ) : null}
      {overview.phase === 'closed' ? <Paragraph>{t('contactLog.closedCase')}</Paragraph> : null}
      <Heading3 id="journaal-list-heading">{t('contactLog.listHeading')}</Heading3>
      <ContactFilterForm
        goals={goals}
        applied={filter}
        onApply={(f) => {
          setFilter(f);
          setShowAll(false);
        }}
      />
      {log.status === 'loading' ? <Loading /> : null}
      {log.status === 'failed' ? (
        <Alert type="error">
          <Paragraph>{errorText(log.error)}</Paragraph>
        </Alert>
      ) : null}
      <Paragraph role="status">
        {log.status === 'ready'
          ? log.data.contacts.length === 0
            ? t(filtered ? 'contactLog.noneFound' : 'contactLog.none')
            : countText(log.data.contacts.length, log.data.totalMinutes, filtered)
          : ''}
      </Paragraph>
      {log.status === 'ready' && log.data.contacts.length > 0 ? (
        <>
          <ol className="nabij-contact-list" aria-labelledby="journaal-list-heading">
            {visibleContacts(log.data.contacts, showAll).map((c) => (
              <ContactItem key={c.id} caseId={overview.id} contact={c} />
            ))}
          </ol>
          {!showAll && log.data.contacts.length > visibleContacts(log.data.contacts, false).length ? (
            <ButtonGroup>
              <Button
                type="button"
                appearance="secondary-action-button"
                onClick={() => {
                  setShowAll(true);
                  setFocusContact(log.data.contacts[visibleContacts(log.data.contacts, false).length]?.id);
                }}
              >
                {t('contactLog.showAll', { count: log.data.contacts.length })}
              </Button>
            </ButtonGroup>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
