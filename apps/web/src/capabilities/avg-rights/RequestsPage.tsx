import {
  AVG_CHANNELS,
  AVG_REQUEST_KINDS,
  CLOSED_AVG_STATUSES,
  registerAvgRequestInput,
  type AvgRequestSummary,
  type AvgRequestView,
  type PersonSummary,
} from '@nabij/contracts';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Heading3,
  Paragraph,
  StatusBadge,
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
import { useNavigate } from 'react-router';
import { municipalToday } from '../../app/dates';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { AppLink } from '../../components/AppLink';
import { CheckboxField } from '../../components/CheckboxField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroupField } from '../../components/RadioGroupField';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { labelledChoices } from '../intake/intake-format';
import { formatDate } from '../persons/person-format';
import { PrivacyNav } from '../privacy/PrivacyParts';
import { deadlineText } from './avg-rights-format';
import './avg-rights.css';

function Register({ requests }: { requests: AvgRequestSummary[] }) {
  if (requests.length === 0) return <Paragraph>{t('avg.empty')}</Paragraph>;
  return (
    <div className="nabij-table-scroll">
      <Table className="nabij-responsive-table">
        <TableCaption>{t('avg.listCaption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('avg.col.reference')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('avg.col.kind')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('avg.col.person')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('avg.col.received')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('avg.col.due')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('avg.col.status')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {requests.map((r) => {
            const closed = CLOSED_AVG_STATUSES.includes(r.status);
            return (
              <TableRow key={r.id}>
                <TableHeaderCell scope="row" data-label={t('avg.col.reference')}>
                  <AppLink to={`/privacy/verzoeken/${r.id}`}>{r.reference}</AppLink>
                </TableHeaderCell>
                <TableCell data-label={t('avg.col.kind')}>{t(`avg.kind.${r.kind}`)}</TableCell>
                <TableCell data-label={t('avg.col.person')}>{r.personName ?? t('avg.personErased')}</TableCell>
                <TableCell data-label={t('avg.col.received')}>{formatDate(r.receivedOn)}</TableCell>
                <TableCell data-label={t('avg.col.due')}>
                  {r.overdue ? (
                    <StatusBadge status="danger" className="nabij-badge">
                      {deadlineText(r, closed)}
                    </StatusBadge>
                  ) : (
                    deadlineText(r, closed)
                  )}
                </TableCell>
                <TableCell data-label={t('avg.col.status')}>{t(`avg.status.${r.status}`)}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}

const FIELDS = ['personId', 'kind', 'channel', 'receivedOn', 'description', 'identityVerified'] as const;

/** Registering a request: find the resident, then what they ask, how and when it came in. */
function NewRequest() {
  const navigate = useNavigate();
  const errors = useFormErrors('avg-new', FIELDS);
  const search = useFormErrors('avg-search', ['name', 'dateOfBirth']);
  const [query, setQuery] = useState({ name: '', dateOfBirth: '' });
  const [results, setResults] = useState<PersonSummary[] | undefined>(undefined);
  const [person, setPerson] = useState<PersonSummary | undefined>(undefined);
  const [v, setV] = useState({
    kind: '',
    channel: 'letter',
    receivedOn: municipalToday(),
    description: '',
    identityVerified: false,
  });
  const [busy, setBusy] = useState(false);

  const find = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const params = new URLSearchParams();
    if (query.name.trim()) params.set('name', query.name.trim());
    if (query.dateOfBirth.trim()) params.set('dateOfBirth', query.dateOfBirth.trim());
    try {
      const found = await api.get<{ results: PersonSummary[] }>(`/api/avg/persons?${params.toString()}`);
      search.clear();
      setResults(found.results);
    } catch (error) {
      search.showError(error);
    }
  };
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = registerAvgRequestInput.safeParse({ ...v, personId: person?.id ?? '' });
    if (!parsed.success) {
      if (!person) return errors.showMessage(t('avg.new.personMissing'));
      return errors.showIssues(parsed.error.issues);
    }
    setBusy(true);
    try {
      const created = await api.post<AvgRequestView>('/api/avg/requests', parsed.data);
      void navigate(`/privacy/verzoeken/${created.id}`);
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="avg-new-heading" className="nabij-section">
      <Heading2 id="avg-new-heading">{t('avg.new.heading')}</Heading2>
      <form onSubmit={(e) => void find(e)} noValidate aria-labelledby="avg-search-heading" className="nabij-subform">
        <Heading3 id="avg-search-heading">{t('avg.new.search')}</Heading3>
        <ErrorSummary message={search.message} items={search.items} focusKey={search.focusKey} />
        <div className="nabij-form-row">
          <TextField
            id={search.idFor('name')}
            label={t('avg.new.searchName')}
            value={query.name}
            onValueChange={(name) => setQuery((q) => ({ ...q, name }))}
            autoComplete="off"
          />
          <TextField
            id={search.idFor('dateOfBirth')}
            label={t('avg.new.searchBirth')}
            value={query.dateOfBirth}
            onValueChange={(dateOfBirth) => setQuery((q) => ({ ...q, dateOfBirth }))}
            className="nabij-field--short"
          />
        </div>
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button">
            {t('avg.new.searchButton')}
          </Button>
        </ButtonGroup>
        <div role="status">
          {results && results.length === 0 ? <Paragraph>{t('avg.new.noResults')}</Paragraph> : null}
          {results && results.length > 0 ? (
            <UnorderedList>
              {results.map((p) => (
                <UnorderedListItem key={p.id}>
                  <Button
                    type="button"
                    appearance="subtle-button"
                    onClick={() => setPerson(p)}
                    aria-pressed={person?.id === p.id}
                  >
                    {t('avg.new.choose', {
                      name: `${p.fullName}${p.dateOfBirth ? ` (${formatDate(p.dateOfBirth)})` : ''}`,
                    })}
                  </Button>
                </UnorderedListItem>
              ))}
            </UnorderedList>
          ) : null}
        </div>
      </form>
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('avg.new.heading')}>
        <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
        <Paragraph id={errors.idFor('personId')} tabIndex={-1}>
          <strong>{t('avg.new.person')}: </strong>
          {person ? t('avg.new.chosen', { name: person.fullName }) : t('avg.new.personMissing')}
        </Paragraph>
        <RadioGroupField
          id={errors.idFor('kind')}
          legend={t('avg.new.kind')}
          value={v.kind}
          choices={labelledChoices(AVG_REQUEST_KINDS, 'avg.kind')}
          onValueChange={(kind) => setV((s) => ({ ...s, kind }))}
          error={errors.errorFor('kind')}
        />
        <div className="nabij-form-row">
          <SelectField
            id={errors.idFor('channel')}
            label={t('avg.new.channel')}
            value={v.channel}
            choices={labelledChoices(AVG_CHANNELS, 'avg.channel')}
            onValueChange={(channel) => setV((s) => ({ ...s, channel }))}
            error={errors.errorFor('channel')}
          />
          <TextField
            id={errors.idFor('receivedOn')}
            label={t('avg.new.receivedOn')}
            type="date"
            value={v.receivedOn}
            onValueChange={(receivedOn) => setV((s) => ({ ...s, receivedOn }))}
            error={errors.errorFor('receivedOn')}
            description={t('avg.new.receivedOnHelp')}
            className="nabij-field--short"
          />
        </div>
        <TextAreaField
          id={errors.idFor('description')}
          label={t('avg.new.description')}
          description={t('avg.new.descriptionHelp')}
          value={v.description}
          onValueChange={(description) => setV((s) => ({ ...s, description }))}
          error={errors.errorFor('description')}
          rows={3}
        />
        <CheckboxField
          id={errors.idFor('identityVerified')}
          label={t('avg.new.identity')}
          checked={v.identityVerified}
          onCheckedChange={(identityVerified) => setV((s) => ({ ...s, identityVerified }))}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('avg.new.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

/** The privacy officer's register of AVG requests ("AVG-verzoeken"). */
export function RequestsPage() {
  usePageTitle(t('avg.title'));
  const list = useResource<{ today: string; requests: AvgRequestSummary[] }>('/api/avg/requests');
  return (
    <>
      <PageHeading>{t('avg.title')}</PageHeading>
      <PrivacyNav />
      <Paragraph>{t('avg.intro')}</Paragraph>
      <section aria-labelledby="avg-list-heading" className="nabij-section">
        <Heading2 id="avg-list-heading">{t('avg.listHeading')}</Heading2>
        {list.status === 'loading' ? <Loading /> : null}
        {list.status === 'failed' ? (
          <Alert type="error">
            <Paragraph>{errorText(list.error)}</Paragraph>
          </Alert>
        ) : null}
        {list.status === 'ready' ? <Register requests={list.data.requests} /> : null}
      </section>
      <NewRequest />
    </>
  );
}
