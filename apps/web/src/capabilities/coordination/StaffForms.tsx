import {
  contactPersonChangeInput,
  processCoordinatorInput,
  WORKER_CHANGE_REASONS,
  type CaseCoordinationView,
} from '@nabij/contracts';
import { Button, ButtonGroup, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useState, type SyntheticEvent } from 'react';
import { municipalDay } from '../../app/dates';
import { api } from '../../app/api';
import { t } from '../../app/i18n';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { SavedNotice } from '../case-files/CaseParts';
import { formatDate } from '../persons/person-format';
import type { FormProps } from './CaseReviewForms';
import { useCoordinationForm } from './coordination-form';

type View = CaseCoordinationView;
const casePath = (view: View, tail: string) => `/api/cases/${encodeURIComponent(view.caseId)}/${tail}`;
export const reasonChoices = () => WORKER_CHANGE_REASONS.map((r) => ({ value: r, label: t(`staff.reason.${r}`) }));

/** The coordinator gives the case a new contact person, with the warm-handover note (issue #17 item 6). */
export function ContactPersonForm({ view, onSaved, onStale }: FormProps) {
  const form = useCoordinationForm('contact-person', ['caseWorkerId', 'reason', 'reasonNote', 'handoverNote'], {
    onStale,
  });
  const empty = { caseWorkerId: '', reason: '', reasonNote: '', handoverNote: '' };
  const [values, setValues] = useState(empty);
  const set = (key: keyof typeof empty) => (value: string) => setValues((v) => ({ ...v, [key]: value }));
  const { errors } = form;
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = {
      ...values,
      version: view.caseVersion,
      caseWorkerId: values.caseWorkerId || undefined,
      reason: values.reason || undefined,
    };
    if (
      await form.submit(
        contactPersonChangeInput,
        input,
        (d) => api.put<View>(casePath(view, 'case-worker'), d),
        onSaved,
        t('staff.changed'),
      )
    )
      setValues(empty);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('staff.changeHeading')}>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <SavedNotice text={form.saved} />
      <Paragraph>{t('staff.changeIntro')}</Paragraph>
      <SelectField
        id={errors.idFor('caseWorkerId')}
        label={t('staff.newContactPerson')}
        value={values.caseWorkerId}
        choices={view.teamWorkers
          .filter((w) => w.id !== view.caseWorker.id)
          .map((w) => ({ value: w.id, label: w.name }))}
        onValueChange={set('caseWorkerId')}
        error={errors.errorFor('caseWorkerId')}
        emptyLabel={t('staff.choose')}
      />
      <SelectField
        id={errors.idFor('reason')}
        label={t('staff.reason')}
        value={values.reason}
        choices={reasonChoices()}
        onValueChange={set('reason')}
        error={errors.errorFor('reason')}
        emptyLabel={t('staff.choose')}
      />
      {values.reason === 'other' ? (
        <TextField
          id={errors.idFor('reasonNote')}
          label={t('staff.reasonNote')}
          value={values.reasonNote}
          onValueChange={set('reasonNote')}
          error={errors.errorFor('reasonNote')}
        />
      ) : null}
      <TextAreaField
        id={errors.idFor('handoverNote')}
        label={t('staff.handoverNote')}
        description={t('staff.handoverNoteHelp')}
        value={values.handoverNote}
        onValueChange={set('handoverNote')}
        error={errors.errorFor('handoverNote')}
        rows={4}
        required
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={form.busy} disabled={form.busy}>
          {t('staff.change')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** The contact person, the history of changes, and the form for the coordinator. */
export function ContactPersonSection({ view, onSaved, onStale }: FormProps) {
  return (
    <>
      <Heading3 id="contactpersoon-heading">{t('staff.heading')}</Heading3>
      <Paragraph>{t('staff.currentIs', { name: view.caseWorker.name })}</Paragraph>
      {view.contactPersonChanges.length > 0 ? (
        <ul className="nabij-coordination-list" aria-labelledby="contactpersoon-heading">
          {view.contactPersonChanges.map((c) => (
            <li key={c.changedAt}>
              <Paragraph>
                <strong>{formatDate(municipalDay(c.changedAt))}</strong>:{' '}
                {t('staff.changeItem', { from: c.previousWorker?.name ?? '—', to: c.newWorker.name })}
                {c.reason ? ` · ${t(`staff.reason.${c.reason}`)}` : ''}
                {c.reasonNote ? ` (${c.reasonNote})` : ''}
              </Paragraph>
              {c.handoverNote ? <Paragraph className="nabij-plain-text">{c.handoverNote}</Paragraph> : null}
              <Paragraph className="nabij-coordination-meta">
                {c.householdTold ? t(`staff.told.${c.householdTold}`) : ''}
                {c.changedByName ? ` ${t('staff.changedBy', { name: c.changedByName })}` : ''}
              </Paragraph>
            </li>
          ))}
        </ul>
      ) : null}
      {view.canChangeContactPerson ? (
        <details className="nabij-disclosure">
          <summary className="nabij-disclosure__summary">{t('staff.changeHeading')}</summary>
          <div className="nabij-disclosure__content">
            <ContactPersonForm view={view} onSaved={onSaved} onStale={onStale} />
          </div>
        </details>
      ) : null}
    </>
  );
}

/** The municipal consultant as process coordinator (procesregisseur): linked and unlinked by the case's workers (issue #17 item 8). */
export function ProcessCoordinatorSection({ view, onSaved, onStale }: FormProps) {
  const form = useCoordinationForm('process-coordinator', ['userId'], { onStale });
  const [userId, setUserId] = useState('');
  const { errors } = form;
  const linked = new Set(view.processCoordinators.map((p) => p.id));
  const link = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (
      await form.submit(
        processCoordinatorInput,
        { version: view.caseVersion, userId: userId || undefined },
        (d) => api.post<View>(casePath(view, 'process-coordinators'), d),
        onSaved,
        t('staff.pcLinked'),
      )
    )
      setUserId('');
  };
  const unlink = (id: string) =>
    form.submit(
      processCoordinatorInput,
      { version: view.caseVersion, userId: id },
      (d) => api.post<View>(casePath(view, 'process-coordinators/unlink'), d),
      onSaved,
      t('staff.pcUnlinked'),
    );
  return (
    <>
      <Heading3>{t('staff.pcHeading')}</Heading3>
      <Paragraph>{t('staff.pcIntro')}</Paragraph>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <SavedNotice text={form.saved} />
      {view.processCoordinators.length === 0 ? <Paragraph>{t('staff.pcNone')}</Paragraph> : null}
      {view.processCoordinators.map((p) => (
        <Paragraph key={p.id}>
          {p.name}{' '}
          {view.canWork ? (
            <Button type="button" appearance="subtle-button" onClick={() => void unlink(p.id)} disabled={form.busy}>
              {t('staff.pcUnlink', { name: p.name })}
            </Button>
          ) : null}
        </Paragraph>
      ))}
      {view.canWork ? (
        <form
          onSubmit={(e) => void link(e)}
          noValidate
          aria-label={t('staff.pcLink')}
          className="nabij-form-row nabij-form-row--end"
        >
          <SelectField
            id={errors.idFor('userId')}
            label={t('staff.pcConsultant')}
            value={userId}
            choices={view.consultants.filter((c) => !linked.has(c.id)).map((c) => ({ value: c.id, label: c.name }))}
            onValueChange={setUserId}
            error={errors.errorFor('userId')}
            emptyLabel={t('staff.choose')}
          />
          <Button type="submit" appearance="secondary-action-button" busy={form.busy} disabled={form.busy}>
            {t('staff.pcLink')}
          </Button>
        </form>
      ) : null}
    </>
  );
}
