import { CASE_LETTER_KINDS, sendCaseLetterInput, type CaseLetterKind } from '@nabij/contracts';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Heading3,
  Link,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useRef, useState, type SyntheticEvent } from 'react';
import { api } from '../../app/api';
import { ApiError, errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { useResource } from '../../app/use-resource';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { Loading } from '../../components/Loading';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { formatDate } from '../persons/person-format';
import type { Course } from './lifecycle-format';

interface Draft {
  kind: CaseLetterKind;
  recipientName: string | null;
  to: string | null;
  subject: string;
  body: string;
  sharing: {
    thirdParty: boolean;
    consent: {
      id: string;
      personName: string;
      recipient: string;
      scope: string;
      givenOn: string;
      expiresOn: string | null;
    } | null;
  };
}
type LetterView = Course['letters'][number];

const FIELDS = ['subject', 'body', 'legalBasis', 'sharingReason'] as const;

function LetterForm({ caseId, draft, onSent }: { caseId: string; draft: Draft; onSent: (letter: LetterView) => void }) {
  const prefix = `letter-${draft.kind}`;
  const errors = useFormErrors(prefix, FIELDS);
  const [subject, setSubject] = useState(draft.subject);
  const [body, setBody] = useState(draft.body);
  const [legalBasis, setLegalBasis] = useState('');
  const [sharingReason, setSharingReason] = useState('');
  const [busy, setBusy] = useState(false);
  // One key per letter shown: a retried or double-clicked send sends once.
  const [key] = useState(() => crypto.randomUUID());
  const needsBasis = draft.sharing.thirdParty && !draft.sharing.consent;
  const name = t(`letters.kind.${draft.kind}`);
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = sendCaseLetterInput.safeParse({
      kind: draft.kind,
      subject,
      body,
      idempotencyKey: key,
      legalBasis: needsBasis ? legalBasis : '',
      sharingReason: needsBasis ? sharingReason : '',
    });
    if (!parsed.success) {
      errors.showIssues(parsed.error.issues);
      return;
    }
    setBusy(true);
    try {
      const sent = await api.post<LetterView>(`/api/cases/${encodeURIComponent(caseId)}/closure-letters`, parsed.data);
      errors.clear();
      onSent(sent);
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${prefix}-heading`}>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <Paragraph>
        {draft.to
          ? t('letters.to', { name: draft.recipientName ?? '', email: draft.to })
          : t('letters.toNoEmail', { name: draft.recipientName ?? '' })}
      </Paragraph>
      {draft.sharing.consent ? (
        <Alert type="info">
          <Paragraph>
            {t('letters.consentFound', {
              name: draft.sharing.consent.personName,
              recipient: draft.sharing.consent.recipient,
              date: formatDate(draft.sharing.consent.givenOn),
              scope: draft.sharing.consent.scope,
            })}
          </Paragraph>
        </Alert>
      ) : null}
      {needsBasis ? (
        <>
          <Alert type="warning">
            <Paragraph>{t('letters.consentMissing')}</Paragraph>
          </Alert>
          <TextField
            id={errors.idFor('legalBasis')}
            label={t('letters.legalBasis')}
            description={t('letters.legalBasisHelp')}
            value={legalBasis}
            onValueChange={setLegalBasis}
            error={errors.errorFor('legalBasis')}
            autoComplete="off"
            required
          />
          <TextAreaField
            id={errors.idFor('sharingReason')}
            label={t('letters.sharingReason')}
            value={sharingReason}
            onValueChange={setSharingReason}
            error={errors.errorFor('sharingReason')}
            rows={2}
            required
          />
        </>
      ) : null}
      <TextField
        id={errors.idFor('subject')}
        label={t('letters.subject')}
        value={subject}
        onValueChange={setSubject}
        error={errors.errorFor('subject')}
        autoComplete="off"
        required
      />
      <TextAreaField
        id={errors.idFor('body')}
        label={t('letters.body')}
        value={body}
        onValueChange={setBody}
        error={errors.errorFor('body')}
        rows={14}
        required
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t('letters.send')}
          <span className="nabij-visually-hidden"> {name}</span>
        </Button>
      </ButtonGroup>
    </form>
  );
}

function LetterPanel({
  caseId,
  kind,
  onSent,
}: {
  caseId: string;
  kind: CaseLetterKind;
  onSent: (letter: LetterView) => void;
}) {
  const draft = useResource<Draft>(`/api/cases/${encodeURIComponent(caseId)}/closure-letters/draft?kind=${kind}`);
  const [generation, setGeneration] = useState(0);
  const headingId = `letter-${kind}-heading`;
  return (
    <section aria-labelledby={headingId} className="nabij-section">
      <Heading3 id={headingId}>{t(`letters.kind.${kind}`)}</Heading3>
      {draft.status === 'loading' ? <Loading /> : null}
      {draft.status === 'failed' ? (
        <Paragraph>
          {draft.error instanceof ApiError && draft.error.code === 'no_referrer'
            ? t('letters.noReferrer')
            : errorText(draft.error)}
        </Paragraph>
      ) : null}
      {draft.status === 'ready' ? (
        <LetterForm
          key={generation}
          caseId={caseId}
          draft={draft.data}
          onSent={(letter) => {
            setGeneration((g) => g + 1);
            onSent(letter);
          }}
        />
      ) : null}
    </section>
  );
}

/** The letters on closure, to the referrer and to the household, and the ones already sent. */
export function ClosureLetters({ course, onSent }: { course: Course; onSent: () => void }) {
  const [notice, setNotice] = useState<LetterView | undefined>(undefined);
  const noticeRef = useRef<HTMLDivElement>(null);
  const letters = course.letters.filter((l) => l.episode === course.episode);
  const base = `/api/cases/${encodeURIComponent(course.caseId)}/closure-letters`;
  return (
    <section aria-labelledby="letters-heading" className="nabij-section">
      <Heading2 id="letters-heading">{t('letters.heading')}</Heading2>
      <Paragraph>{t('letters.intro')}</Paragraph>
      {notice ? (
        <div ref={noticeRef} tabIndex={-1} className="nabij-notice">
          <Alert type={notice.status === 'failed' ? 'error' : 'ok'}>
            <Paragraph role="status">
              {t(`letters.kind.${notice.kind}`)}:{' '}
              {notice.status === 'sent'
                ? t('letters.sent')
                : notice.status === 'portal'
                  ? t('letters.inPortal')
                  : notice.status === 'no_address'
                    ? t('letters.noAddress')
                    : t('letters.failed')}
            </Paragraph>
          </Alert>
        </div>
      ) : null}
      <Heading3 id="letters-list-heading">{t('letters.listHeading')}</Heading3>
      {letters.length === 0 ? <Paragraph>{t('letters.listNone')}</Paragraph> : null}
      {letters.length > 0 ? (
        <UnorderedList aria-labelledby="letters-list-heading">
          {letters.map((l) => (
            <UnorderedListItem key={l.id}>
              {t('letters.item', {
                kind: t(`letters.kind.${l.kind}`),
                status: t(`letters.status.${l.status}`),
                date: formatDate((l.sentAt ?? l.createdAt).slice(0, 10)),
                basis: t(`letters.basis.${l.sharingBasis}`),
              })}{' '}
              <Link href={`${base}/${encodeURIComponent(l.id)}/pdf`}>
                {t('letters.pdf', { kind: t(`letters.kind.${l.kind}`) })}
              </Link>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      ) : null}
      {CASE_LETTER_KINDS.map((kind) => (
        <LetterPanel
          key={kind}
          caseId={course.caseId}
          kind={kind}
          onSent={(letter) => {
            setNotice(letter);
            window.setTimeout(() => noticeRef.current?.focus(), 0);
            onSent();
          }}
        />
      ))}
    </section>
  );
}
