import { CHECK_IN_WAYS, checkInInput, endWatchInput } from '@nabij/contracts';
import {
  Alert,
  Button,
  ButtonGroup,
  DataList,
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
import { useParams } from 'react-router';
import { api } from '../../app/api';
import { t } from '../../app/i18n';
import { municipalToday } from '../../app/dates';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { AppLink } from '../../components/AppLink';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroupField } from '../../components/RadioGroupField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { CaseLoadError, failedTitle, Item } from '../case-files/CaseParts';
import { formatDate } from '../persons/person-format';
import { activeWatch, type Course } from './lifecycle-format';
import { ReactivateForm } from './ReactivateForm';
import './lifecycle.css';

const CHECK_IN_FIELDS = ['checkedOn', 'way', 'allWell', 'note'] as const;

export function CheckInForm({ caseId, onSaved }: { caseId: string; onSaved: (next: Course) => void }) {
  const errors = useFormErrors('checkin', CHECK_IN_FIELDS);
  const [checkedOn, setCheckedOn] = useState(municipalToday());
  const [way, setWay] = useState('');
  const [allWell, setAllWell] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = checkInInput.safeParse({
      checkedOn,
      way: way || undefined,
      allWell: allWell === '' ? undefined : allWell === 'yes',
      note,
    });
    if (!parsed.success) {
      errors.showIssues(parsed.error.issues);
      return;
    }
    setBusy(true);
    try {
      const next = await api.post<Course>(`/api/cases/${encodeURIComponent(caseId)}/watch/check-ins`, parsed.data);
      errors.clear();
      onSaved(next);
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="checkin-heading" className="nabij-section">
      <Heading2 id="checkin-heading">{t('watch.checkInHeading')}</Heading2>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="checkin-heading">
        <TextField
          id={errors.idFor('checkedOn')}
          type="date"
          label={t('watch.checkedOn')}
          value={checkedOn}
          onValueChange={setCheckedOn}
          error={errors.errorFor('checkedOn')}
          max={municipalToday()}
          required
        />
        <RadioGroupField
          id={errors.idFor('way')}
          legend={t('watch.way')}
          value={way}
          choices={CHECK_IN_WAYS.map((w) => ({ value: w, label: t(`watch.way.${w}`) }))}
          onValueChange={setWay}
          error={errors.errorFor('way')}
          inline
        />
        <RadioGroupField
          id={errors.idFor('allWell')}
          legend={t('watch.allWell')}
          value={allWell}
          choices={[
            { value: 'yes', label: t('watch.allWellYes') },
            { value: 'no', label: t('watch.allWellNo') },
          ]}
          onValueChange={setAllWell}
          error={errors.errorFor('allWell')}
          inline
        />
        <TextAreaField
          id={errors.idFor('note')}
          label={t('watch.note')}
          value={note}
          onValueChange={setNote}
          error={errors.errorFor('note')}
          rows={2}
          optional
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('watch.save')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

function EndWatchForm({ caseId, onDone }: { caseId: string; onDone: (next: Course) => void }) {
  const errors = useFormErrors('endwatch', ['note']);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = endWatchInput.safeParse({ note });
    if (!parsed.success) {
      errors.showIssues(parsed.error.issues);
      return;
    }
    setBusy(true);
    try {
      onDone(await api.post<Course>(`/api/cases/${encodeURIComponent(caseId)}/watch/end`, parsed.data));
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="endwatch-heading" className="nabij-section">
      <Heading2 id="endwatch-heading">{t('watch.endHeading')}</Heading2>
      <Paragraph>{t('watch.endIntro')}</Paragraph>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="endwatch-heading">
        <TextAreaField
          id={errors.idFor('note')}
          label={t('watch.endNote')}
          value={note}
          onValueChange={setNote}
          error={errors.errorFor('note')}
          rows={2}
          optional
        />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
            {t('watch.end')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

/** The watch (waakvlam): the agreements, a check-in log, one-step reactivation, and ending the watch. */
export function WatchPage() {
  const { id = '' } = useParams();
  const course = useResource<Course>(`/api/cases/${encodeURIComponent(id)}/course`);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const noticeRef = useRef<HTMLDivElement>(null);
  const name = course.data?.householdName ?? '';
  const title = course.status === 'failed' ? failedTitle(course.error, t('watch.title')) : t('watch.title');
  usePageTitle(course.status === 'ready' ? t('watch.titleWith', { name }) : title);
  const base = `/dossiers/${encodeURIComponent(id)}`;
  const show = (next: Course, text: string) => {
    course.setData(next);
    setNotice(text);
    window.setTimeout(() => noticeRef.current?.focus(), 0);
  };
  const watch = course.status === 'ready' ? (activeWatch(course.data) ?? course.data.watches[0]) : undefined;
  const running = course.status === 'ready' && course.data.phase === 'watch';
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Paragraph>
        <AppLink to={base}>{t('course.backToCase')}</AppLink>
      </Paragraph>
      {course.status === 'loading' ? <Loading /> : null}
      {course.status === 'failed' ? <CaseLoadError error={course.error} /> : null}
      {course.status === 'ready' ? (
        <>
          <Paragraph>{name}</Paragraph>
          <Paragraph>{t('watch.intro')}</Paragraph>
          {notice ? (
            <div ref={noticeRef} tabIndex={-1} className="nabij-notice">
              <Alert type="ok">
                <Paragraph role="status">{notice}</Paragraph>
              </Alert>
            </div>
          ) : null}
          {!running && !notice ? (
            <Alert type="info">
              <Paragraph>{t('watch.notInWatch')}</Paragraph>
            </Alert>
          ) : null}
          {watch ? (
            <section aria-labelledby="watch-summary-heading" className="nabij-section">
              <Heading2 id="watch-summary-heading">{t('watch.summaryHeading')}</Heading2>
              <DataList>
                <Item label={t('watch.started')}>{formatDate(watch.startedOn)}</Item>
                <Item label={t('watch.interval')}>
                  {t('watch.intervalValue', { weeks: watch.checkInIntervalWeeks })}
                </Item>
                {watch.endedOn === null ? <Item label={t('watch.next')}>{formatDate(watch.nextCheckInOn)}</Item> : null}
                <Item label={t('watch.endsOn')}>{formatDate(watch.endsOn)}</Item>
              </DataList>
            </section>
          ) : null}
          {running ? (
            <CheckInForm
              key={watch?.checkIns.length ?? 0}
              caseId={id}
              onSaved={(next) =>
                show(next, t('watch.saved', { date: formatDate(activeWatch(next)?.nextCheckInOn ?? '') }))
              }
            />
          ) : null}
          {watch ? (
            <section aria-labelledby="watch-log-heading" className="nabij-section">
              <Heading2 id="watch-log-heading">{t('watch.logHeading')}</Heading2>
              {watch.checkIns.length === 0 ? <Paragraph>{t('watch.logNone')}</Paragraph> : null}
              {watch.checkIns.length > 0 ? (
                <div className="nabij-table-scroll">
                  <Table className="nabij-responsive-table">
                    <TableCaption className="nabij-visually-hidden">{t('watch.logHeading')}</TableCaption>
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell scope="col">{t('watch.checkedOn')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('watch.way')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('watch.allWell')}</TableHeaderCell>
                        <TableHeaderCell scope="col">{t('watch.note')}</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {watch.checkIns.map((x) => (
                        <TableRow key={x.id}>
                          <TableCell data-label={t('watch.checkedOn')}>{formatDate(x.checkedOn)}</TableCell>
                          <TableCell data-label={t('watch.way')}>{t(`watch.way.${x.way}`)}</TableCell>
                          <TableCell data-label={t('watch.allWell')}>
                            {x.allWell ? t('watch.allWellShort') : <strong>{t('watch.worriesShort')}</strong>}
                          </TableCell>
                          <TableCell data-label={t('watch.note')} className="nabij-plain-text">
                            {x.note ?? ''}
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
              ) : null}
            </section>
          ) : null}
          {course.data.canReactivate ? (
            <ReactivateForm
              caseId={id}
              onDone={(next) => show(next, t('course.reactivated', { number: next.episode }))}
            />
          ) : null}
          {running ? <EndWatchForm caseId={id} onDone={(next) => show(next, t('watch.ended'))} /> : null}
        </>
      ) : null}
    </>
  );
}
