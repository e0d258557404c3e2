import { addReferralContactRequest, type ReferralView } from '@nabij/contracts';
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
import { useState, type SyntheticEvent } from 'react';
import { api } from '../../app/api';
import { t } from '../../app/i18n';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { formatDateTime, labelledChoices } from './intake-format';

const FIELDS = ['channel', 'note'] as const;
const CONTACT_CHANNELS = ['phone', 'email', 'in_person', 'other'] as const;

/** The log of contacts with the referrer, and a short form to add one. */
export function ContactLog({
  referral,
  canWrite,
  onSaved,
}: {
  referral: ReferralView;
  canWrite: boolean;
  onSaved: (r: ReferralView) => void;
}) {
  const errors = useFormErrors('contact', FIELDS);
  const [channel, setChannel] = useState('phone');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = addReferralContactRequest.safeParse({ channel, note });
    if (!parsed.success) {
      setSaved(false);
      errors.showIssues(parsed.error.issues);
      return;
    }
    setBusy(true);
    try {
      const updated = await api.post<ReferralView>(
        `/api/referrals/${encodeURIComponent(referral.id)}/contacts`,
        parsed.data,
      );
      errors.clear();
      setNote('');
      setSaved(true);
      onSaved(updated);
    } catch (error) {
      setSaved(false);
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="referral-contacts-heading" className="nabij-section">
      <Heading2 id="referral-contacts-heading">{t('referral.contactsHeading')}</Heading2>
      {referral.contacts.length === 0 ? <Paragraph>{t('referral.contactsNone')}</Paragraph> : null}
      {referral.contacts.length > 0 ? (
        <div className="nabij-table-scroll">
          <Table className="nabij-responsive-table">
            <TableCaption className="nabij-visually-hidden">{t('referral.contactsHeading')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('referral.contactAt')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('referral.contactBy')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('referral.contactChannel')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('referral.contactNote')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {referral.contacts.map((c) => (
                <TableRow key={c.id}>
                  <TableCell data-label={t('referral.contactAt')}>{formatDateTime(c.at)}</TableCell>
                  <TableCell data-label={t('referral.contactBy')}>{c.byName}</TableCell>
                  <TableCell data-label={t('referral.contactChannel')}>{t(`contactChannel.${c.channel}`)}</TableCell>
                  <TableCell data-label={t('referral.contactNote')} className="nabij-plain-text">
                    {c.note}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      {canWrite ? (
        <div className="nabij-subform">
          <Heading3 id="referral-contact-form-heading">{t('referral.addContact')}</Heading3>
          {saved ? (
            <Alert type="ok">
              <Paragraph role="status">{t('referral.contactSaved')}</Paragraph>
            </Alert>
          ) : null}
          <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
          <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="referral-contact-form-heading">
            <SelectField
              id={errors.idFor('channel')}
              label={t('referral.contactChannel')}
              value={channel}
              choices={labelledChoices(CONTACT_CHANNELS, 'contactChannel')}
              onValueChange={setChannel}
              error={errors.errorFor('channel')}
            />
            <TextAreaField
              id={errors.idFor('note')}
              label={t('referral.contactNote')}
              value={note}
              onValueChange={setNote}
              error={errors.errorFor('note')}
              rows={3}
              required
            />
            <ButtonGroup>
              <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
                {t('referral.addContact')}
              </Button>
            </ButtonGroup>
          </form>
        </div>
      ) : null}
    </section>
  );
}
