import { LETTER_KINDS, sendLetterRequest, type ReferralView } from '@nabij/contracts';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useRef, useState, type SyntheticEvent } from 'react';
import { api } from '../../app/api';
import { ApiError } from '../../app/errors';
import { t } from '../../app/i18n';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { defaultLetterKind, formatDateTime, labelledChoices } from './intake-format';

const FIELDS = ['kind', 'legalBasis', 'sharingReason', 'subject', 'body'] as const;

interface LetterDraft {
  kind: string;
  to: string | null;
  subject: string;
  body: string;
}

interface LetterView {
  id: string;
  kind: string;
  subject: string;
  to: string | null;
  sentAt: string | null;
  status: 'pending' | 'sent' | 'no_address' | 'failed';
}

function letterOutcome(letter: LetterView): string {
  switch (letter.status) {
    case 'sent':
      return t('letter.sent', { to: letter.to ?? '' });
    case 'no_address':
      return t('letter.savedNoAddress');
    case 'failed':
      return t('letter.failed');
    case 'pending':
      return t('letter.pending');
  }
}

function Composer({ referral, onSent }: { referral: ReferralView; onSent: (letter: LetterView) => void }) {
  const errors = useFormErrors('letter', FIELDS);
  const [kind, setKind] = useState<string>(defaultLetterKind(referral.decision?.outcome, referral.status));
  const [draft, setDraft] = useState<LetterDraft | undefined>(undefined);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  // Once the referral has a case file, a letter to the referrer needs consent or a legal basis and reason (asked when refused).
  const [needsBasis, setNeedsBasis] = useState(false);
  const [legalBasis, setLegalBasis] = useState('');
  const [sharingReason, setSharingReason] = useState('');
  // One key per draft: sending twice (double click, retry) sends one letter.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const sending = useRef(false);

  const loadDraft = async () => {
    setBusy(true);
    try {
      const loaded = await api.get<LetterDraft>(
        `/api/referrals/${encodeURIComponent(referral.id)}/letter-draft?kind=${encodeURIComponent(kind)}`,
      );
      errors.clear();
      setDraft(loaded);
      setSubject(loaded.subject);
      setBody(loaded.body);
      setIdempotencyKey(crypto.randomUUID());
      window.setTimeout(() => document.getElementById('letter-draft-heading')?.focus(), 0);
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  const send = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending.current) return;
    const parsed = sendLetterRequest.safeParse({
      kind,
      subject,
      body,
      idempotencyKey,
      ...(needsBasis ? { legalBasis, sharingReason } : {}),
    });
    if (!parsed.success) {
      errors.showIssues(parsed.error.issues);
      return;
    }
    sending.current = true;
    setBusy(true);
    try {
      const letter = await api.post<LetterView>(
        `/api/referrals/${encodeURIComponent(referral.id)}/letters`,
        parsed.data,
      );
      errors.clear();
      setDraft(undefined);
      onSent(letter);
    } catch (error) {
      errors.showError(error);
      if (error instanceof ApiError && error.code === 'sharing_basis_required') setNeedsBasis(true);
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  return (
    <div className="nabij-subform">
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <div className="nabij-form-row nabij-form-row--end">
        <SelectField
          id={errors.idFor('kind')}
          label={t('letter.kind')}
          value={kind}
          choices={labelledChoices(LETTER_KINDS, 'letterKind')}
          onValueChange={(value) => {
            setKind(value);
            setDraft(undefined);
          }}
          error={errors.errorFor('kind')}
        />
        <ButtonGroup>
          <Button
            appearance={draft ? 'secondary-action-button' : 'primary-action-button'}
            busy={busy && !draft}
            disabled={busy}
            onClick={() => void loadDraft()}
          >
            {t('letter.compose')}
          </Button>
        </ButtonGroup>
      </div>
      {draft ? (
        <form onSubmit={(e) => void send(e)} noValidate aria-labelledby="letter-draft-heading">
          <Heading3 id="letter-draft-heading" tabIndex={-1}>
            {t('letter.draftHeading')}
          </Heading3>
          {draft.to ? (
            <Paragraph>
              {t('letter.to')}: {draft.to}
            </Paragraph>
          ) : (
            <Alert type="warning">
              <Paragraph>{t('letter.noAddress')}</Paragraph>
            </Alert>
          )}
          {needsBasis ? (
            <>
              <TextField
                id={errors.idFor('legalBasis')}
                label={t('letter.sharingLegalBasis')}
                value={legalBasis}
                onValueChange={setLegalBasis}
                error={errors.errorFor('legalBasis')}
                autoComplete="off"
                required
              />
              <TextAreaField
                id={errors.idFor('sharingReason')}
                label={t('letter.sharingReason')}
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
            label={t('letter.subject')}
            value={subject}
            onValueChange={setSubject}
            error={errors.errorFor('subject')}
            autoComplete="off"
            required
          />
          <TextAreaField
            id={errors.idFor('body')}
            label={t('letter.body')}
            value={body}
            onValueChange={setBody}
            error={errors.errorFor('body')}
            rows={14}
            required
          />
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
              {t('letter.send')}
            </Button>
            <Button type="button" appearance="secondary-action-button" onClick={() => setDraft(undefined)}>
              {t('common.cancel')}
            </Button>
          </ButtonGroup>
        </form>
      ) : null}
    </div>
  );
}

/** Letters to the referrer: those sent (with their PDF) and composing a new one from the template. */
export function LetterPanel({
  referral,
  canWrite,
  onSent,
}: {
  referral: ReferralView;
  canWrite: boolean;
  onSent: () => void;
}) {
  const [result, setResult] = useState<LetterView | undefined>(undefined);
  const notice = useRef<HTMLDivElement>(null);
  return (
    <section aria-labelledby="referral-letters-heading" className="nabij-section">
      <Heading2 id="referral-letters-heading">{t('referral.lettersHeading')}</Heading2>
      {result ? (
        <div ref={notice} tabIndex={-1} id="letter-result">
          <Alert type={result.status === 'sent' ? 'ok' : result.status === 'failed' ? 'error' : 'warning'}>
            <Paragraph>{letterOutcome(result)}</Paragraph>
          </Alert>
        </div>
      ) : null}
      {referral.letters.length === 0 ? <Paragraph>{t('referral.lettersNone')}</Paragraph> : null}
      {referral.letters.length > 0 ? (
        <div className="nabij-table-scroll">
          <Table className="nabij-responsive-table">
            <TableCaption className="nabij-visually-hidden">{t('referral.lettersHeading')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('referral.letterSubject')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('referral.letterTo')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('referral.letterSentAt')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('referral.letterStatus')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('referral.letterPdf')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {referral.letters.map((letter) => (
                <TableRow key={letter.id}>
                  <TableCell data-label={t('referral.letterSubject')}>{letter.subject}</TableCell>
                  <TableCell data-label={t('referral.letterTo')}>{letter.to ?? t('common.unknown')}</TableCell>
                  <TableCell data-label={t('referral.letterSentAt')}>
                    {letter.sentAt ? formatDateTime(letter.sentAt) : t('common.unknown')}
                  </TableCell>
                  <TableCell data-label={t('referral.letterStatus')}>{t(`letterStatus.${letter.status}`)}</TableCell>
                  <TableCell data-label={t('referral.letterPdf')}>
                    <a
                      className="utrecht-link utrecht-link--html-a"
                      href={`/api/letters/${encodeURIComponent(letter.id)}/pdf`}
                      download
                    >
                      {t('referral.letterPdf')}
                      <span className="nabij-visually-hidden">
                        {' '}
                        {t('referral.letterPdfOf', { subject: letter.subject })}
                      </span>
                    </a>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      {canWrite && referral.decision ? (
        <Composer
          referral={referral}
          onSent={(letter) => {
            setResult(letter);
            onSent();
            window.setTimeout(() => notice.current?.focus(), 0);
          }}
        />
      ) : null}
    </section>
  );
}
