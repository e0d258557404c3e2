import { logContactRequest, type ContactView } from '@nabij/contracts';
import {
  Alert,
  Button,
  ButtonGroup,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading3,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type ChangeEvent, type SyntheticEvent } from 'react';
import { api } from '../../app/api';
import { municipalToday } from '../../app/dates';
import { ApiError } from '../../app/errors';
import { t } from '../../app/i18n';
import { useDraft } from '../../app/use-draft';
import { CheckboxField } from '../../components/CheckboxField';
import { DraftRestoredNotice } from '../../components/DraftRestoredNotice';
import { CheckboxGroupField } from '../../components/CheckboxGroupField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { RadioGroupField } from '../../components/RadioGroupField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { ATTACHMENT_ACCEPT, readFileAsBase64, sortChosenFiles, type ChosenAttachment } from '../intake/attachments';
import { formatBytes } from '../intake/intake-format';
import { formatDate } from '../persons/person-format';
import { domainLabel } from '../plan/plan-format';
import {
  CONTACT_FIELDS,
  contactKindChoices,
  contactKindLabel,
  DURATION_PRESETS,
  emptyContactForm,
  toLogContactInput,
  topLevelFieldErrors,
  type ContactFormValues,
} from './contact-form';
import './contact-log.css';

export interface PlanGoal {
  id: string;
  domain: string;
  goal: string;
}

/** Today as the contract checks it (a contact may not lie in the future). */

/** A server error with its field errors keyed by the form's own fields. */
function withTopLevelFields(error: unknown): unknown {
  if (!(error instanceof ApiError) || Object.keys(error.fieldErrors).length === 0) return error;
  return new ApiError(error.status, { ...error.body, fieldErrors: topLevelFieldErrors(error.fieldErrors) });
}

interface QuickContactFormProps {
  caseId: string;
  /** Goals of the current plan, offered as checkboxes (none: the field is left out). */
  goals: readonly PlanGoal[];
  /** Prefix of the ids in the form; unique on the page. */
  idPrefix: string;
  heading: string;
  /** Called after a contact was logged (e.g. to reload the list). */
  onSaved?: (contact: ContactView) => void;
  /** Moves focus to the first field when the form appears (when opened from Mijn werk). */
  focusOnOpen?: boolean;
}

/**
 * "Contact vastleggen": the quick entry of one contact. Kind, note and save are required; the date defaults to today,
 * duration has one-click presets. One idempotency key per form (a retried or double-clicked save has one effect); after
 * saving, focus moves to the confirmation and the form starts afresh with a new key.
 */
export function QuickContactForm({ caseId, goals, idPrefix, heading, onSaved, focusOnOpen }: QuickContactFormProps) {
  const errors = useFormErrors(idPrefix, CONTACT_FIELDS);
  const [values, setValues] = useState<ContactFormValues>(() => emptyContactForm(municipalToday()));
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [attachments, setAttachments] = useState<ChosenAttachment[]>([]);
  const [attachmentProblems, setAttachmentProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<{ text: string; n: number } | undefined>(undefined);
  const submitting = useRef(false);
  const noticeRef = useRef<HTMLDivElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  // The typed note survives an expired session (ADR 0035); attachments are not kept.
  const draft = useDraft(`contact:${caseId}`, values, {
    isEmpty: (v) => v.note.trim() === '' && v.participants.trim() === '',
    onRestore: (v) => setValues({ ...emptyContactForm(municipalToday()), ...v }),
  });

  useEffect(() => {
    if (saved) noticeRef.current?.focus();
  }, [saved]);
  useEffect(() => {
    if (focusOnOpen) formRef.current?.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea')?.focus();
  }, [focusOnOpen]);

  const update = <K extends keyof ContactFormValues>(key: K, value: ContactFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const addFiles = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    const { accepted, problems } = sortChosenFiles(files, attachments.length);
    const read: ChosenAttachment[] = [];
    for (const file of accepted) {
      try {
        read.push({
          key: crypto.randomUUID(),
          filename: file.name,
          sizeBytes: file.size,
          contentBase64: await readFileAsBase64(file),
        });
      } catch {
        problems.push(t('public.attachmentUnreadable', { name: file.name }));
      }
    }
    setAttachments((list) => [...list, ...read]);
    setAttachmentProblems(problems);
  };

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting.current) return;
    const parsed = logContactRequest.safeParse(toLogContactInput(values, { idempotencyKey, attachments }));
    if (!parsed.success) {
      setSaved(undefined);
      errors.showIssues(parsed.error.issues);
      return;
    }
    submitting.current = true;
    setBusy(true);
    try {
      const contact = await api.post<ContactView>(`/api/cases/${encodeURIComponent(caseId)}/contacts`, parsed.data);
      errors.clear();
      draft.clear();
      setValues(emptyContactForm(municipalToday()));
      setAttachments([]);
      setAttachmentProblems([]);
      setIdempotencyKey(crypto.randomUUID());
      setSaved((s) => ({
        text: t('contactLog.saved', {
          date: formatDate(contact.contactOn),
          kind: contactKindLabel(contact.kind).toLowerCase(),
        }),
        n: (s?.n ?? 0) + 1,
      }));
      onSaved?.(contact);
    } catch (error) {
      setSaved(undefined);
      errors.showError(withTopLevelFields(error));
    } finally {
      submitting.current = false;
      setBusy(false);
    }
  };

  const headingId = `${idPrefix}-heading`;
  const attachmentsId = errors.idFor('attachments');
  const attachmentsError =
    errors.errorFor('attachments') ?? (attachmentProblems.length > 0 ? attachmentProblems.join(' ') : undefined);
  const durationId = errors.idFor('durationMinutes');
  const presetMinutes = Number(values.duration.trim());

  return (
    <form
      ref={formRef}
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby={headingId}
      className="nabij-quick-contact"
    >
      <Heading3 id={headingId}>{heading}</Heading3>
      {saved ? (
        <div ref={noticeRef} tabIndex={-1} className="nabij-notice" key={saved.n}>
          <Alert type="ok">
            <Paragraph role="status">{saved.text}</Paragraph>
          </Alert>
        </div>
      ) : null}
      <DraftRestoredNotice draft={draft} />
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <RadioGroupField
        id={errors.idFor('kind')}
        legend={t('contactLog.kind')}
        value={values.kind}
        choices={contactKindChoices()}
        onValueChange={(v) => update('kind', v)}
        error={errors.errorFor('kind')}
        inline
      />
      <div className="nabij-form-row">
        <TextField
          id={errors.idFor('contactOn')}
          label={t('contactLog.contactOn')}
          type="date"
          max={municipalToday()}
          value={values.contactOn}
          onValueChange={(v) => update('contactOn', v)}
          error={errors.errorFor('contactOn')}
          className="nabij-field--short"
        />
        <div className="nabij-quick-contact__duration">
          <TextField
            id={durationId}
            label={t('contactLog.duration')}
            inputMode="numeric"
            autoComplete="off"
            value={values.duration}
            onValueChange={(v) => update('duration', v)}
            error={errors.errorFor('durationMinutes')}
            optional
            className="nabij-field--short"
          />
          <div role="group" aria-label={t('contactLog.durationPresets')} className="nabij-quick-contact__presets">
            {DURATION_PRESETS.map((minutes) => (
              <Button
                key={minutes}
                type="button"
                appearance="secondary-action-button"
                pressed={presetMinutes === minutes}
                aria-label={t('contactLog.durationPresetName', { minutes })}
                onClick={() => update('duration', String(minutes))}
              >
                {t('contactLog.durationPreset', { minutes })}
              </Button>
            ))}
          </div>
        </div>
      </div>
      <TextField
        id={errors.idFor('participants')}
        label={t('contactLog.participants')}
        description={t('contactLog.participantsDescription')}
        value={values.participants}
        onValueChange={(v) => update('participants', v)}
        error={errors.errorFor('participants')}
        optional
        autoComplete="off"
      />
      <TextAreaField
        id={errors.idFor('note')}
        label={t('contactLog.note')}
        value={values.note}
        onValueChange={(v) => update('note', v)}
        error={errors.errorFor('note')}
        rows={4}
      />
      {goals.length > 0 ? (
        <CheckboxGroupField
          id={errors.idFor('goalIds')}
          legend={t('contactLog.goals')}
          values={values.goalIds}
          choices={goals.map((g) => ({
            value: g.id,
            label: t('contactLog.goalLabel', { domain: domainLabel(g.domain), goal: g.goal }),
          }))}
          onValuesChange={(v) => update('goalIds', v)}
          error={errors.errorFor('goalIds')}
          optional
        />
      ) : null}
      <CheckboxField
        id={errors.idFor('internal')}
        label={t('contactLog.internal')}
        checked={values.internal}
        onCheckedChange={(v) => update('internal', v)}
        error={errors.errorFor('internal')}
      />
      <FormField
        invalid={Boolean(attachmentsError)}
        label={
          <FormLabel htmlFor={attachmentsId}>
            {t('contactLog.attachments')} <span className="nabij-optional">{t('form.optional')}</span>
          </FormLabel>
        }
        description={
          <FormFieldDescription id={`${attachmentsId}-description`}>
            {t('contactLog.attachmentsDescription')}
          </FormFieldDescription>
        }
        errorMessage={
          attachmentsError ? (
            <FormFieldErrorMessage id={`${attachmentsId}-error`}>{attachmentsError}</FormFieldErrorMessage>
          ) : undefined
        }
        input={
          <input
            ref={fileInput}
            id={attachmentsId}
            type="file"
            multiple
            accept={ATTACHMENT_ACCEPT}
            className="nabij-file-input"
            disabled={attachments.length >= 3}
            aria-invalid={attachmentsError ? true : undefined}
            aria-describedby={[attachmentsError ? `${attachmentsId}-error` : '', `${attachmentsId}-description`]
              .filter(Boolean)
              .join(' ')}
            onChange={(e) => void addFiles(e)}
          />
        }
      />
      {attachments.length > 0 ? (
        <>
          <Paragraph id={`${idPrefix}-chosen`}>{t('contactLog.attachmentsChosen')}</Paragraph>
          <UnorderedList aria-labelledby={`${idPrefix}-chosen`}>
            {attachments.map((a) => (
              <UnorderedListItem key={a.key}>
                {a.filename} ({formatBytes(a.sizeBytes)}){' '}
                <Button
                  type="button"
                  appearance="subtle-button"
                  onClick={() => {
                    setAttachments((list) => list.filter((x) => x.key !== a.key));
                    window.setTimeout(() => fileInput.current?.focus(), 0);
                  }}
                >
                  {t('contactLog.removeAttachment', { name: a.filename })}
                </Button>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      ) : null}
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t('contactLog.submit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
