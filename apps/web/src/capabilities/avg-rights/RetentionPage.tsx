import {
  postponeDestructionInput,
  retentionSettingsInput,
  type DueCase,
  type RetentionOverview,
} from '@nabij/contracts';
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
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useState, type SyntheticEvent } from 'react';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { CheckboxField } from '../../components/CheckboxField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { SavedNotice } from '../case-files/CaseParts';
import { formatDateTime } from '../intake/intake-format';
import { formatDate } from '../persons/person-format';
import { PrivacyNav } from '../privacy/PrivacyParts';
import { regimeList } from './avg-rights-format';
import { useSubmit } from './use-submit';
import './avg-rights.css';

const refOf = (c: DueCase) => c.reference ?? t('retention.noReference');

function DestroyControls({ c, onDone }: { c: DueCase; onDone: (message: string) => void }) {
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const postpone = useSubmit<{ postponedUntil: string }>(`postpone-${c.caseId}`, ['until', 'reason']);
  const [until, setUntil] = useState('');
  const [reason, setReason] = useState('');
  const destroy = async () => {
    if (!confirmed) return setError(t('retention.confirmFirst'));
    setBusy(true);
    try {
      const r = await api.post<{ rows: number }>(`/api/retention/cases/${encodeURIComponent(c.caseId)}/destroy`, {
        confirm: true,
      });
      onDone(t('retention.destroyed', { reference: refOf(c), rows: r.rows }));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const submitPostpone = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (
      await postpone.submit(
        'POST',
        `/api/retention/cases/${encodeURIComponent(c.caseId)}/postpone`,
        postponeDestructionInput,
        { until, reason },
        t('retention.postponed'),
      )
    )
      onDone(t('retention.postponed'));
  };
  const confirmId = `destroy-confirm-${c.caseId}`;
  return (
    <>
      <CheckboxField
        id={confirmId}
        label={t('retention.confirmLabel', { reference: refOf(c) })}
        checked={confirmed}
        onCheckedChange={setConfirmed}
        error={error}
      />
      <ButtonGroup>
        <Button
          type="button"
          appearance="primary-action-button"
          onClick={() => void destroy()}
          busy={busy}
          disabled={busy}
        >
          {t('retention.destroy', { reference: refOf(c) })}
        </Button>
      </ButtonGroup>
      <details className="nabij-avg-details">
        <summary>{t('retention.postpone', { reference: refOf(c) })}</summary>
        <form
          onSubmit={(e) => void submitPostpone(e)}
          noValidate
          aria-label={t('retention.postponeHeading', { reference: refOf(c) })}
        >
          <ErrorSummary
            message={postpone.errors.message}
            items={postpone.errors.items}
            focusKey={postpone.errors.focusKey}
          />
          <TextField
            id={postpone.errors.idFor('until')}
            label={t('retention.postponeUntil')}
            type="date"
            value={until}
            onValueChange={setUntil}
            error={postpone.errors.errorFor('until')}
            className="nabij-field--short"
          />
          <TextAreaField
            id={postpone.errors.idFor('reason')}
            label={t('retention.postponeReason')}
            value={reason}
            onValueChange={setReason}
            error={postpone.errors.errorFor('reason')}
            rows={2}
          />
          <ButtonGroup>
            <Button type="submit" appearance="secondary-action-button" busy={postpone.busy} disabled={postpone.busy}>
              {t('retention.postponeSave')}
            </Button>
          </ButtonGroup>
        </form>
      </details>
    </>
  );
}

function DueTable({ due, onDone }: { due: DueCase[]; onDone: (message: string) => void }) {
  return (
    <div className="nabij-table-scroll">
      <Table className="nabij-responsive-table">
        <TableCaption>{t('retention.dueCaption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('retention.col.case')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('retention.col.team')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('retention.col.regimes')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('retention.col.dates')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('retention.col.destroyOn')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('retention.col.actions')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {due.map((c) => (
            <TableRow key={c.caseId}>
              <TableHeaderCell scope="row" data-label={t('retention.col.case')}>
                {refOf(c)}
              </TableHeaderCell>
              <TableCell data-label={t('retention.col.team')}>
                {c.teamName}
                <span className="nabij-avg-note">{c.caseWorkerName}</span>
              </TableCell>
              <TableCell data-label={t('retention.col.regimes')}>{regimeList(c.regimes)}</TableCell>
              <TableCell data-label={t('retention.col.dates')}>
                {c.closedOn ? t('retention.closed', { date: formatDate(c.closedOn) }) : t('retention.open')}
                <span className="nabij-avg-note">
                  {t('retention.lastChange', { date: formatDate(c.lastChangeOn) })}
                </span>
              </TableCell>
              <TableCell data-label={t('retention.col.destroyOn')}>{formatDate(c.destroyOn)}</TableCell>
              <TableCell data-label={t('retention.col.actions')}>
                <DestroyControls c={c} onDone={onDone} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function Destroyed({ overview }: { overview: RetentionOverview }) {
  if (overview.destroyed.length === 0) return <Paragraph>{t('retention.destroyedEmpty')}</Paragraph>;
  return (
    <div className="nabij-table-scroll">
      <Table className="nabij-responsive-table">
        <TableCaption>{t('retention.destroyedCaption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('retention.col.when')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('retention.col.what')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('retention.col.why')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('retention.col.by')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {overview.destroyed.map((d) => (
            <TableRow key={d.id}>
              <TableCell data-label={t('retention.col.when')}>{formatDateTime(d.destroyedAt)}</TableCell>
              <TableCell data-label={t('retention.col.what')}>
                {d.subject === 'case'
                  ? t('retention.subject.case', { reference: d.caseReference ?? t('retention.noReference') })
                  : t('retention.subject.person')}
                <span className="nabij-avg-note">
                  {[d.teamName, t('retention.rows', { persons: d.personsDestroyed, rows: d.rowsDestroyed })]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </TableCell>
              <TableCell data-label={t('retention.col.why')}>
                {d.reason === 'retention'
                  ? `${t('retention.reason.retention')}${d.regimes.length ? ` (${regimeList(d.regimes)})` : ''}`
                  : t('retention.reason.erasure', { reference: d.requestReference ?? '' })}
              </TableCell>
              <TableCell data-label={t('retention.col.by')}>{d.destroyedByName}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function Settings({ overview, onSaved }: { overview: RetentionOverview; onSaved: () => void }) {
  const form = useSubmit<unknown>('retention-settings', ['participatiewetYears', 'wgsYears', 'otherYears']);
  const s = overview.settings;
  const [v, setV] = useState({
    participatiewetYears: String(s.participatiewetYears),
    wgsYears: String(s.wgsYears),
    otherYears: String(s.otherYears),
  });
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (
      await form.submit(
        'PUT',
        '/api/retention/settings',
        retentionSettingsInput,
        { ...v, version: s.version },
        t('retention.settingsSaved'),
      )
    )
      onSaved();
  };
  return (
    <section aria-labelledby="retention-settings-heading" className="nabij-section">
      <Heading2 id="retention-settings-heading">{t('retention.settingsHeading')}</Heading2>
      <Paragraph>{t('retention.settingsIntro')}</Paragraph>
      <SavedNotice text={form.saved} />
      <ErrorSummary message={form.errors.message} items={form.errors.items} focusKey={form.errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="retention-settings-heading">
        <div className="nabij-form-row">
          {(['participatiewetYears', 'wgsYears', 'otherYears'] as const).map((k) => (
            <TextField
              key={k}
              id={form.errors.idFor(k)}
              label={t(`retention.${k}`)}
              inputMode="numeric"
              value={v[k]}
              onValueChange={(x) => setV((o) => ({ ...o, [k]: x }))}
              error={form.errors.errorFor(k)}
              className="nabij-field--short"
            />
          ))}
        </div>
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" busy={form.busy} disabled={form.busy}>
            {t('retention.settingsSave')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

/** "Te vernietigen": cases whose retention ended, destroyed one by one after the privacy officer's confirmation. */
export function RetentionPage() {
  usePageTitle(t('retention.title'));
  const overview = useResource<RetentionOverview>('/api/retention');
  const [notice, setNotice] = useState('');
  const done = (message: string) => {
    setNotice(message);
    overview.reload();
    document.getElementById('retention-due-heading')?.focus();
  };
  return (
    <>
      <PageHeading>{t('retention.title')}</PageHeading>
      <PrivacyNav />
      <Paragraph>{t('retention.intro')}</Paragraph>
      <div role="status">
        {notice ? (
          <Alert type="ok">
            <Paragraph>{notice}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {overview.status === 'loading' ? <Loading /> : null}
      {overview.status === 'failed' ? (
        <Alert type="error">
          <Paragraph>{errorText(overview.error)}</Paragraph>
        </Alert>
      ) : null}
      {overview.status === 'ready' ? (
        <>
          <section aria-labelledby="retention-due-heading" className="nabij-section">
            <Heading2 id="retention-due-heading" tabIndex={-1}>
              {t('retention.dueHeading')}
            </Heading2>
            {overview.data.due.length === 0 ? (
              <Paragraph>{t('retention.dueEmpty')}</Paragraph>
            ) : (
              <DueTable due={overview.data.due} onDone={done} />
            )}
            {overview.data.postponed.length > 0 ? (
              <>
                <Heading3>{t('retention.postponedHeading')}</Heading3>
                <UnorderedList>
                  {overview.data.postponed.map((c) => (
                    <UnorderedListItem key={c.caseId}>
                      {refOf(c)} ({c.teamName}){' '}
                      {t('retention.postponedUntil', {
                        date: formatDate(c.postponedUntil),
                        reason: c.postponeReason ?? '',
                      })}
                    </UnorderedListItem>
                  ))}
                </UnorderedList>
              </>
            ) : null}
          </section>
          <section aria-labelledby="retention-destroyed-heading" className="nabij-section">
            <Heading2 id="retention-destroyed-heading">{t('retention.destroyedHeading')}</Heading2>
            <Destroyed overview={overview.data} />
          </section>
          <Settings key={overview.data.settings.version} overview={overview.data} onSaved={overview.reload} />
        </>
      ) : null}
    </>
  );
}
