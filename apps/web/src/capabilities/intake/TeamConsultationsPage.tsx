/**
 * "Even overleggen" (issue #17 item 18): a professional or a resident asks the team for advice without a referral.
 * The desk records the topic, who asked, the channel, the advice and the time spent — no personal data — and can
 * turn one into a referral later (the registration form opens prefilled and links the two).
 */
import { CONSULTATION_TOPICS, teamConsultationRequest, type TeamConsultationView } from '@nabij/contracts';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
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
import { errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { AppLink } from '../../components/AppLink';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroupField } from '../../components/RadioGroupField';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { formatDateTime, labelledChoices } from './intake-format';

const FIELDS = ['teamId', 'asker', 'channel', 'topic', 'advice', 'minutesSpent'] as const;
const topicLabel = (topic: string) => (topic === 'other' ? t('consult.topic.other') : t(`domain.${topic}`));

/** The registration form's address for a consultation turned into a referral. */
export function referralFromConsultationPath(c: Pick<TeamConsultationView, 'id'>): string {
  return `/aanmeldingen/nieuw?overleg=${encodeURIComponent(c.id)}`;
}

export function TeamConsultationsPage() {
  usePageTitle(t('consult.title'));
  const { user, can } = useSession();
  const teams = user?.teams ?? [];
  const list = useResource<{ consultations: TeamConsultationView[] }>('/api/team-consultations');
  const [values, setValues] = useState({
    teamId: teams[0]?.id ?? '',
    asker: 'professional',
    channel: 'phone',
    topic: '',
    advice: '',
    minutesSpent: '',
  });
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const savedRef = useRef<HTMLDivElement>(null);
  const errors = useFormErrors('consult', FIELDS);
  const canWrite = can('referral:write');

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const minutes = values.minutesSpent.trim();
    const parsed = teamConsultationRequest.safeParse({
      ...values,
      topic: values.topic || undefined,
      minutesSpent: /^\d{1,4}$/.test(minutes) ? Number(minutes) : undefined,
    });
    if (!parsed.success) {
      setSaved(false);
      errors.showIssues(parsed.error.issues);
      return;
    }
    setBusy(true);
    try {
      await api.post<TeamConsultationView>('/api/team-consultations', parsed.data);
      errors.clear();
      setValues((v) => ({ ...v, topic: '', advice: '', minutesSpent: '' }));
      setSaved(true);
      list.reload();
      window.setTimeout(() => savedRef.current?.focus(), 0);
    } catch (error) {
      setSaved(false);
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeading>{t('consult.title')}</PageHeading>
      <Paragraph>{t('consult.intro')}</Paragraph>
      {canWrite ? (
        <section aria-labelledby="consult-form-heading" className="nabij-section">
          <Heading2 id="consult-form-heading">{t('consult.formHeading')}</Heading2>
          {saved ? (
            <div ref={savedRef} tabIndex={-1} className="nabij-notice">
              <Alert type="ok">
                <Paragraph role="status">{t('consult.saved')}</Paragraph>
              </Alert>
            </div>
          ) : null}
          <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
          <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="consult-form-heading">
            {teams.length > 1 ? (
              <SelectField
                id={errors.idFor('teamId')}
                label={t('consult.team')}
                value={values.teamId}
                choices={teams.map((tm) => ({ value: tm.id, label: tm.name }))}
                onValueChange={(teamId) => setValues((v) => ({ ...v, teamId }))}
                error={errors.errorFor('teamId')}
              />
            ) : null}
            <RadioGroupField
              id={errors.idFor('asker')}
              legend={t('consult.asker')}
              value={values.asker}
              choices={labelledChoices(['professional', 'resident'], 'consult.asker')}
              onValueChange={(asker) => setValues((v) => ({ ...v, asker }))}
              error={errors.errorFor('asker')}
              inline
            />
            <RadioGroupField
              id={errors.idFor('channel')}
              legend={t('consult.channel')}
              value={values.channel}
              choices={labelledChoices(['phone', 'email', 'in_person', 'other'], 'consult.channel')}
              onValueChange={(channel) => setValues((v) => ({ ...v, channel }))}
              error={errors.errorFor('channel')}
              inline
            />
            <SelectField
              id={errors.idFor('topic')}
              label={t('consult.topic')}
              value={values.topic}
              choices={[
                { value: '', label: t('consult.topicEmpty') },
                ...CONSULTATION_TOPICS.map((c) => ({ value: c, label: topicLabel(c) })),
              ]}
              onValueChange={(topic) => setValues((v) => ({ ...v, topic }))}
              error={errors.errorFor('topic')}
            />
            <TextAreaField
              id={errors.idFor('advice')}
              label={t('consult.advice')}
              description={t('consult.adviceDescription')}
              value={values.advice}
              onValueChange={(advice) => setValues((v) => ({ ...v, advice }))}
              error={errors.errorFor('advice')}
              rows={4}
              required
            />
            <TextField
              id={errors.idFor('minutesSpent')}
              label={t('consult.minutes')}
              value={values.minutesSpent}
              onValueChange={(minutesSpent) => setValues((v) => ({ ...v, minutesSpent }))}
              error={errors.errorFor('minutesSpent')}
              inputMode="numeric"
              autoComplete="off"
              className="nabij-field--short"
              required
            />
            <ButtonGroup>
              <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
                {t('consult.save')}
              </Button>
            </ButtonGroup>
          </form>
        </section>
      ) : null}

      <section aria-labelledby="consult-list-heading" className="nabij-section">
        <Heading2 id="consult-list-heading">{t('consult.listHeading')}</Heading2>
        {list.status === 'loading' ? <Loading /> : null}
        {list.status === 'failed' ? (
          <Alert type="error">
            <Paragraph>{errorText(list.error)}</Paragraph>
          </Alert>
        ) : null}
        {list.status === 'ready' && list.data.consultations.length === 0 ? (
          <Paragraph>{t('consult.listEmpty')}</Paragraph>
        ) : null}
        {list.status === 'ready' && list.data.consultations.length > 0 ? (
          <div className="nabij-table-scroll">
            <Table className="nabij-responsive-table">
              <TableCaption className="nabij-visually-hidden">{t('consult.caption')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('consult.when')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('consult.what')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('consult.time')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('consult.referral')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.data.consultations.map((c) => (
                  <TableRow key={c.id}>
                    <TableCell data-label={t('consult.when')}>
                      {formatDateTime(c.at)} · {t(`consult.asker.${c.asker}`)} · {t(`consult.channel.${c.channel}`)}
                    </TableCell>
                    <TableCell data-label={t('consult.what')}>
                      <strong>{topicLabel(c.topic)}</strong>: <span className="nabij-plain-text">{c.advice}</span>
                    </TableCell>
                    <TableCell data-label={t('consult.time')}>
                      {t('consult.minutesShort', { minutes: c.minutesSpent })}
                    </TableCell>
                    <TableCell data-label={t('consult.referral')}>
                      {c.referralId && c.referralReference ? (
                        <AppLink to={`/aanmeldingen/${encodeURIComponent(c.referralId)}`}>
                          {c.referralReference}
                        </AppLink>
                      ) : canWrite ? (
                        <AppLink to={referralFromConsultationPath(c)}>
                          {t('consult.toReferral')}
                          <span className="nabij-visually-hidden">
                            {' '}
                            {t('consult.toReferralWhich', { topic: topicLabel(c.topic), date: formatDateTime(c.at) })}
                          </span>
                        </AppLink>
                      ) : null}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        ) : null}
      </section>
    </>
  );
}
