import type { ReferralView } from '@nabij/contracts';
import {
  Alert,
  Button,
  ButtonGroup,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldErrorMessage,
  FormLabel,
  Heading2,
  Paragraph,
  RadioButton,
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
import { ApiError, errorText } from '../../app/errors';
import { joinList, t } from '../../app/i18n';
import { AppLink } from '../../components/AppLink';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { Loading } from '../../components/Loading';
import { TextAreaField } from '../../components/TextAreaField';
import { formatAddress, formatDate } from '../persons/person-format';
import { formatDateTime, residentName } from './intake-format';
import {
  buildRegiecheckRequest,
  householdsToOffer,
  initialHouseholdChoice,
  initialLinkChoices,
  NEW_CHOICE,
  type RegiecheckMatch,
  type RegiecheckResult,
} from './regiecheck';

function Radio({
  id,
  name,
  value,
  checked,
  onChange,
  label,
  invalid,
}: {
  id: string;
  name: string;
  value: string;
  checked: boolean;
  onChange: () => void;
  label: string;
  invalid: boolean;
}) {
  return (
    <FormField type="radio">
      <div className="nabij-checkbox">
        <RadioButton id={id} name={name} value={value} checked={checked} onChange={onChange} invalid={invalid} />
        <FormLabel htmlFor={id} type="radio" checked={checked}>
          {label}
        </FormLabel>
      </div>
    </FormField>
  );
}

function MatchDetails({ match }: { match: RegiecheckMatch }) {
  const details = [
    formatDate(match.person.dateOfBirth),
    formatAddress({ postcode: match.person.postcode, houseNumber: match.person.houseNumber }),
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <div className="nabij-match__details">
      <Paragraph>
        <AppLink to={`/personen/${encodeURIComponent(match.person.id)}`}>{match.person.fullName}</AppLink>
        {details ? ` (${details})` : null}
      </Paragraph>
      <Paragraph>
        {match.reasons?.length
          ? t('regie.matchReasons', { reasons: joinList(match.reasons.map((r) => t(`matchReason.${r}`))) })
          : t('regie.matchedOn', { fields: joinList(match.matchedOn.map((m) => t(`matchedOn.${m}`))) })}
      </Paragraph>
      {match.households.length > 0 ? (
        <Paragraph>{t('regie.households', { names: joinList(match.households.map((h) => h.name)) })}</Paragraph>
      ) : null}
      {match.caseFiles.length > 0 ? (
        <div className="nabij-table-scroll">
          <Table className="nabij-responsive-table">
            <TableCaption>{t('regie.caseFilesCaption', { name: match.person.fullName })}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('regie.caseTeam')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('regie.caseStatus')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('regie.caseContact')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {match.caseFiles.map((c) => (
                <TableRow key={c.id}>
                  <TableCell data-label={t('regie.caseTeam')}>{c.teamName}</TableCell>
                  <TableCell data-label={t('regie.caseStatus')}>
                    {c.phase === 'watch'
                      ? t('regie.caseWatch')
                      : c.status === 'open'
                        ? t('regie.caseOpen')
                        : c.closedAt
                          ? t('regie.caseClosed', { date: formatDate(c.closedAt) })
                          : t('regie.caseClosedNoDate')}
                    {c.linksToCase ? <span className="nabij-plain-text"> {t('regie.linksToCase')}</span> : null}
                    {c.closure ? (
                      <span className="nabij-plain-text">
                        {' '}
                        {t('regie.closureReason', { reason: c.closure.reasonText })}
                        {c.closure.riskNote ? ` ${t('regie.closureRisk', { risk: c.closure.riskNote })}` : ''}
                      </span>
                    ) : null}
                  </TableCell>
                  <TableCell data-label={t('regie.caseContact')}>{c.contactPerson ?? t('common.unknown')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </div>
  );
}

function RegiecheckForm({
  referral,
  result,
  onSaved,
  onConflict,
}: {
  referral: ReferralView;
  result: RegiecheckResult;
  onSaved: (r: ReferralView) => void;
  onConflict: () => void;
}) {
  const fieldOrder = result.residents.map((_, i) => `links.${i}`).concat(['householdId', 'knownCoordinationElsewhere']);
  const errors = useFormErrors('regie', fieldOrder, { nestedPaths: true });
  const [choices, setChoices] = useState<Record<string, string>>(() => initialLinkChoices(result, referral.residents));
  // The existing household is proposed (ADR 0029); it is offered as soon as a person of it is chosen to link.
  const [household, setHousehold] = useState(() => initialHouseholdChoice(result, referral.householdId));
  const [note, setNote] = useState(referral.knownCoordinationElsewhere ?? '');
  const [busy, setBusy] = useState(false);
  const nameOf = (id: string) => {
    const r = referral.residents.find((x) => x.id === id);
    return (r && residentName(r)) || t('regie.unknownName');
  };
  const offered = householdsToOffer(result, choices);

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const built = buildRegiecheckRequest(referral.version, result, choices, household, note, nameOf);
    if (!built.ok) {
      errors.showIssues(built.issues);
      return;
    }
    setBusy(true);
    try {
      const updated = await api.post<ReferralView>(
        `/api/referrals/${encodeURIComponent(referral.id)}/regiecheck`,
        built.request,
      );
      errors.clear();
      onSaved(updated);
    } catch (error) {
      errors.showError(error);
      if (error instanceof ApiError && error.code === 'version_conflict') onConflict();
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      {(result.openCases ?? []).map((c) => (
        <Alert key={c.caseId} type="warning">
          <Paragraph>
            {t('regie.openCase', { reference: c.reference ?? '', worker: c.workerName, team: c.teamName })}
          </Paragraph>
        </Alert>
      ))}
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="referral-regie-heading">
        {result.residents.map((r, index) => {
          const path = `links.${index}`;
          const error = errors.errorFor(path);
          const groupName = `regie-person-${r.referralPersonId}`;
          const name = nameOf(r.referralPersonId);
          return (
            <Fieldset
              key={r.referralPersonId}
              invalid={Boolean(error)}
              aria-describedby={error ? `${errors.idFor(path)}-error` : undefined}
              className="nabij-repeat"
            >
              <FieldsetLegend>{t('regie.personLegend', { name })}</FieldsetLegend>
              {error ? <FormFieldErrorMessage id={`${errors.idFor(path)}-error`}>{error}</FormFieldErrorMessage> : null}
              {r.matches.length === 0 ? <Paragraph>{t('regie.noMatches')}</Paragraph> : null}
              {r.matches.map((m, mi) => (
                <div key={m.person.id} className="nabij-match">
                  <Radio
                    id={mi === 0 ? errors.idFor(path) : `${errors.idFor(path)}-${m.person.id}`}
                    name={groupName}
                    value={m.person.id}
                    checked={choices[r.referralPersonId] === m.person.id}
                    onChange={() => setChoices((c) => ({ ...c, [r.referralPersonId]: m.person.id }))}
                    label={t('regie.linkTo', { name: m.person.fullName })}
                    invalid={Boolean(error)}
                  />
                  <MatchDetails match={m} />
                </div>
              ))}
              <Radio
                id={r.matches.length === 0 ? errors.idFor(path) : `${errors.idFor(path)}-new`}
                name={groupName}
                value={NEW_CHOICE}
                checked={choices[r.referralPersonId] === NEW_CHOICE}
                onChange={() => setChoices((c) => ({ ...c, [r.referralPersonId]: NEW_CHOICE }))}
                label={t('regie.newPerson')}
                invalid={Boolean(error)}
              />
            </Fieldset>
          );
        })}
        <Fieldset>
          <FieldsetLegend>{t('regie.householdLegend')}</FieldsetLegend>
          {result.proposedHouseholdId && offered.some((h) => h.id === result.proposedHouseholdId) ? (
            <Paragraph>{t('regie.proposedHousehold')}</Paragraph>
          ) : null}
          {offered.map((h, index) => (
            <Radio
              key={h.id}
              id={index === 0 ? errors.idFor('householdId') : `${errors.idFor('householdId')}-${h.id}`}
              name="regie-household"
              value={h.id}
              checked={household === h.id}
              onChange={() => setHousehold(h.id)}
              label={t('regie.useHousehold', { name: h.name })}
              invalid={false}
            />
          ))}
          <Radio
            id={offered.length === 0 ? errors.idFor('householdId') : `${errors.idFor('householdId')}-new`}
            name="regie-household"
            value={NEW_CHOICE}
            checked={household === NEW_CHOICE || !offered.some((h) => h.id === household)}
            onChange={() => setHousehold(NEW_CHOICE)}
            label={t('regie.newHousehold')}
            invalid={false}
          />
        </Fieldset>
        <TextAreaField
          id={errors.idFor('knownCoordinationElsewhere')}
          label={t('regie.knownElsewhere')}
          description={t('regie.knownElsewhereDescription')}
          value={note}
          onValueChange={setNote}
          error={errors.errorFor('knownCoordinationElsewhere')}
          rows={2}
          optional
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('regie.save')}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}

/** The regiecheck: is the household already known, is there a case or coordination elsewhere; link or create persons. */
export function RegiecheckPanel({
  referral,
  canWrite,
  onSaved,
  onConflict,
}: {
  referral: ReferralView;
  canWrite: boolean;
  onSaved: (r: ReferralView) => void;
  onConflict: () => void;
}) {
  const [state, setState] = useState<
    | { status: 'idle' }
    | { status: 'loading' }
    | { status: 'ready'; result: RegiecheckResult }
    | { status: 'failed'; message: string }
  >({
    status: 'idle',
  });
  const [justSaved, setJustSaved] = useState(false);
  const notice = useRef<HTMLDivElement>(null);
  const editable =
    canWrite &&
    (referral.status === 'new' || referral.status === 'waiting_for_information' || referral.status === 'complete');

  const run = async () => {
    setJustSaved(false);
    setState({ status: 'loading' });
    try {
      const result = await api.get<RegiecheckResult>(`/api/referrals/${encodeURIComponent(referral.id)}/regiecheck`);
      setState({ status: 'ready', result });
      window.setTimeout(() => document.getElementById('regie-form-start')?.focus(), 0);
    } catch (error) {
      setState({ status: 'failed', message: errorText(error) });
    }
  };

  return (
    <section aria-labelledby="referral-regie-heading" className="nabij-section">
      <Heading2 id="referral-regie-heading">{t('regie.heading')}</Heading2>
      {justSaved ? (
        <div ref={notice} tabIndex={-1} id="regie-saved">
          <Alert type="ok">
            <Paragraph>{t('regie.saved')}</Paragraph>
          </Alert>
        </div>
      ) : null}
      {referral.regiecheckDoneAt ? (
        <Paragraph>{t('regie.done', { date: formatDateTime(referral.regiecheckDoneAt) })}</Paragraph>
      ) : (
        <Paragraph>{t('regie.intro')}</Paragraph>
      )}
      {editable && state.status !== 'ready' ? (
        <ButtonGroup>
          <Button
            appearance={referral.regiecheckDoneAt ? 'secondary-action-button' : 'primary-action-button'}
            busy={state.status === 'loading'}
            disabled={state.status === 'loading'}
            onClick={() => void run()}
          >
            {referral.regiecheckDoneAt ? t('regie.runAgain') : t('regie.run')}
          </Button>
        </ButtonGroup>
      ) : null}
      {state.status === 'loading' ? <Loading /> : null}
      {state.status === 'failed' ? (
        <Alert type="error">
          <Paragraph>{state.message}</Paragraph>
        </Alert>
      ) : null}
      {state.status === 'ready' ? (
        <div id="regie-form-start" tabIndex={-1} className="nabij-subform">
          <RegiecheckForm
            referral={referral}
            result={state.result}
            onSaved={(updated) => {
              setState({ status: 'idle' });
              setJustSaved(true);
              onSaved(updated);
              window.setTimeout(() => notice.current?.focus(), 0);
            }}
            onConflict={() => {
              setState({ status: 'idle' });
              onConflict();
            }}
          />
        </div>
      ) : null}
    </section>
  );
}
