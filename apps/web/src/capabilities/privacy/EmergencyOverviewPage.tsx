import { reviewEmergencyAccessInput, type EmergencyAccessView, type EmergencyOverview } from '@nabij/contracts';
import { Alert, Button, ButtonGroup, DataList, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { useSearchParams } from 'react-router';
import { municipalDay } from '../../app/dates';
import { api } from '../../app/api';
import { t } from '../../app/i18n';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { AppLink } from '../../components/AppLink';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { formatDateTime } from '../intake/intake-format';
import { Item } from '../case-files/CaseParts';
import { EMPTY_FILTER, filterToParams, formatDay, formatTime } from './privacy-format';
import { PrivacyLoadError, PrivacyNav } from './PrivacyParts';
import './privacy.css';

function ReviewForm({
  access,
  onSaved,
}: {
  access: EmergencyAccessView;
  onSaved: (overview: EmergencyOverview) => void;
}) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(`review-${access.id}`, ['note']);
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = reviewEmergencyAccessInput.safeParse({ note, version: access.version });
    if (!parsed.success) {
      errors.showIssues(parsed.error.issues);
      return;
    }
    setBusy(true);
    api
      .put<EmergencyOverview>(`/api/privacy/emergency-accesses/${encodeURIComponent(access.id)}/review`, parsed.data)
      .then(onSaved)
      .catch((error: unknown) => errors.showError(error))
      .finally(() => setBusy(false));
  };
  return (
    <form aria-label={t('privacy.emergency.markReviewed')} onSubmit={submit} noValidate>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <TextAreaField
        id={errors.idFor('note')}
        label={t('privacy.emergency.note')}
        description={t('privacy.emergency.noteDescription')}
        value={note}
        onValueChange={setNote}
        error={errors.errorFor('note')}
        rows={3}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t('privacy.emergency.markReviewed')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

function AccessCard({
  access,
  onSaved,
}: {
  access: EmergencyAccessView;
  onSaved: (overview: EmergencyOverview) => void;
}) {
  const reference = access.caseReference ?? t('privacy.emergency.noReference');
  const day = municipalDay(access.startsAt);
  const logLink = `/privacy/logboek?${filterToParams({ ...EMPTY_FILTER, userId: access.userId, emergency: true, from: day, to: municipalDay(access.expiresAt) }).toString()}`;
  return (
    <article
      aria-labelledby={`access-${access.id}`}
      className={['nabij-privacy-card', access.review ? 'nabij-privacy-card--reviewed' : ''].filter(Boolean).join(' ')}
    >
      <Heading3 id={`access-${access.id}`}>
        {t('privacy.emergency.itemHeading', { user: access.userName, reference })}
      </Heading3>
      <DataList>
        <Item label={t('privacy.emergency.roles')}>{access.roleLabels.join(', ')}</Item>
        <Item label={t('privacy.emergency.team')}>{access.teamName}</Item>
        <Item label={t('privacy.emergency.reason')}>
          <span className="nabij-plain-text">{access.reason}</span>
        </Item>
        <Item label={t('privacy.emergency.valid')}>
          {t('privacy.emergency.validValue', {
            from: formatDateTime(access.startsAt),
            to: formatDateTime(access.expiresAt),
          })}
          {access.endedAt ? `, ${t('privacy.emergency.endedEarly', { at: formatTime(access.endedAt) })}` : ''}
        </Item>
        <Item label={t('privacy.emergency.uses')}>
          {t('privacy.emergency.usesValue', { count: access.accessCount })}
        </Item>
        <Item label={t('privacy.emergency.review')}>
          {access.review
            ? t('privacy.emergency.reviewed', {
                name: access.review.byName,
                at: formatDateTime(access.review.at),
                note: access.review.note,
              })
            : t('privacy.emergency.notReviewed')}
        </Item>
      </DataList>
      <Paragraph>
        <AppLink to={logLink}>{t('privacy.emergency.logLink')}</AppLink>
      </Paragraph>
      {access.review ? null : <ReviewForm access={access} onSaved={onSaved} />}
    </article>
  );
}

/** The privacy officer's daily overview of emergency accesses, with the review of each. */
export function EmergencyOverviewPage() {
  usePageTitle(t('privacy.emergency.title'));
  const [params, setParams] = useSearchParams();
  const datum = params.get('datum') ?? '';
  const overview = useResource<EmergencyOverview>(
    `/api/privacy/emergency-accesses${datum ? `?datum=${encodeURIComponent(datum)}` : ''}`,
  );
  const [day, setDay] = useState(datum);
  const [saved, setSaved] = useState(false);
  const savedRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => setDay(overview.data?.date ?? datum), [overview.data?.date, datum]);
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);

  const onSaved = (next: EmergencyOverview) => {
    overview.setData(next);
    setSaved(true);
  };

  return (
    <>
      <PageHeading>{t('privacy.emergency.title')}</PageHeading>
      <PrivacyNav />
      <Paragraph>{t('privacy.emergency.intro')}</Paragraph>
      {overview.status === 'loading' ? <Loading /> : null}
      {overview.status === 'failed' ? <PrivacyLoadError error={overview.error} /> : null}
      {overview.status === 'ready' ? (
        <>
          <form
            aria-label={t('privacy.emergency.show')}
            onSubmit={(event) => {
              event.preventDefault();
              setSaved(false);
              setParams(day ? new URLSearchParams({ datum: day }) : new URLSearchParams());
            }}
            noValidate
          >
            <div className="nabij-form-row nabij-form-row--end">
              <TextField
                id="emergency-day"
                label={t('privacy.emergency.day')}
                type="date"
                value={day}
                onValueChange={setDay}
                className="nabij-field--short"
              />
              <Button type="submit" appearance="secondary-action-button">
                {t('privacy.emergency.show')}
              </Button>
            </div>
          </form>
          <section aria-labelledby="recent-heading" className="nabij-section">
            <Heading2 id="recent-heading">{t('privacy.emergency.recent')}</Heading2>
            {overview.data.days.length === 0 ? <Paragraph>{t('privacy.emergency.recentNone')}</Paragraph> : null}
            <ul className="nabij-plain-list">
              {overview.data.days.map((d) => (
                <li key={d.date}>
                  <AppLink to={`/privacy/noodtoegang?datum=${d.date}`} onClick={() => setSaved(false)}>
                    {t('privacy.emergency.recentItem', {
                      date: formatDay(d.date),
                      count: d.count,
                      unreviewed: d.unreviewed,
                    })}
                  </AppLink>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="day-heading" className="nabij-section">
            <Heading2 id="day-heading">
              {t('privacy.emergency.dayHeading', { date: formatDay(overview.data.date) })}
            </Heading2>
            {saved ? (
              <Alert type="ok">
                <Paragraph role="status" ref={savedRef} tabIndex={-1}>
                  {t('privacy.emergency.saved')}
                </Paragraph>
              </Alert>
            ) : null}
            {overview.data.accesses.length === 0 ? <Paragraph>{t('privacy.emergency.none')}</Paragraph> : null}
            {overview.data.accesses.map((a) => (
              <AccessCard key={a.id} access={a} onSaved={onSaved} />
            ))}
          </section>
        </>
      ) : null}
    </>
  );
}
