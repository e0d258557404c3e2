import { hostQuestionRequest } from '@nabij/contracts';
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
  TableFooter,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState, type SyntheticEvent } from 'react';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroupField } from '../../components/RadioGroupField';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { HOST_CATEGORIES, tallyTotals, type TallyRow } from './host-tally';
import { labelledChoices } from './intake-format';

const FIELDS = [
  'teamId',
  'category',
  'outcome',
  'handover.firstName',
  'handover.lastName',
  'handover.phone',
  'handover.question',
] as const;
const EMPTY_HANDOVER = { firstName: '', lastName: '', phone: '', question: '' };

function Tally({ rows }: { rows: readonly TallyRow[] }) {
  const totals = tallyTotals(rows);
  if (rows.length === 0) return <Paragraph>{t('host.tallyEmpty')}</Paragraph>;
  return (
    <div className="nabij-table-scroll">
      <Table className="nabij-responsive-table">
        <TableCaption className="nabij-visually-hidden">{t('host.tallyHeading')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('host.category')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('host.tallyAnswered')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('host.tallyHandedOver')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.category}>
              <TableHeaderCell scope="row" data-label={t('host.category')}>
                {t(`hostCategory.${row.category}`)}
              </TableHeaderCell>
              <TableCell data-label={t('host.tallyAnswered')}>{row.answered}</TableCell>
              <TableCell data-label={t('host.tallyHandedOver')}>{row.handedOver}</TableCell>
            </TableRow>
          ))}
        </TableBody>
        <TableFooter>
          <TableRow>
            <TableHeaderCell scope="row" data-label={t('host.category')}>
              {t('host.tallyTotal')}
            </TableHeaderCell>
            <TableCell data-label={t('host.tallyAnswered')}>{totals.answered}</TableCell>
            <TableCell data-label={t('host.tallyHandedOver')}>{totals.handedOver}</TableCell>
          </TableRow>
        </TableFooter>
      </Table>
    </div>
  );
}

/** The volunteer host's log of questions at the desk: counted, with personal data only for a hand-over. */
export function HostDeskPage() {
  usePageTitle(t('host.title'));
  const { user } = useSession();
  const teams = user?.teams ?? [];
  const [teamId, setTeamId] = useState(teams[0]?.id ?? '');
  const [category, setCategory] = useState('');
  const [outcome, setOutcome] = useState('answered');
  const [handover, setHandover] = useState(EMPTY_HANDOVER);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<{ reference: string | null } | undefined>(undefined);
  const errors = useFormErrors('host', FIELDS, { nestedPaths: true });
  const tally = useResource<{ today: TallyRow[] }>(`/api/host-questions/today?teamId=${encodeURIComponent(teamId)}`);

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = hostQuestionRequest.safeParse({
      teamId,
      category,
      outcome,
      ...(outcome === 'handed_over' ? { handover } : {}),
    });
    if (!parsed.success) {
      setSaved(undefined);
      errors.showIssues(parsed.error.issues);
      return;
    }
    setBusy(true);
    try {
      const result = await api.post<{ handedOverReference: string | null }>('/api/host-questions', parsed.data);
      errors.clear();
      setSaved({ reference: result.handedOverReference });
      setCategory('');
      setOutcome('answered');
      setHandover(EMPTY_HANDOVER);
      tally.reload();
      window.setTimeout(() => document.getElementById('host-saved')?.focus(), 0);
    } catch (error) {
      setSaved(undefined);
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  const handoverField = (field: keyof typeof EMPTY_HANDOVER) => ({
    id: errors.idFor(`handover.${field}`),
    label: t(`host.${field}`),
    value: handover[field],
    onValueChange: (value: string) => setHandover((h) => ({ ...h, [field]: value })),
    error: errors.errorFor(`handover.${field}`),
    autoComplete: 'off',
  });

  return (
    <>
      <PageHeading>{t('host.title')}</PageHeading>
      <Paragraph>{t('host.intro')}</Paragraph>
      {teams.length === 0 ? (
        <Alert type="warning">
          <Paragraph>{t('host.noTeam')}</Paragraph>
        </Alert>
      ) : null}
      {saved ? (
        <div id="host-saved" tabIndex={-1}>
          <Alert type="ok">
            <Paragraph>
              {saved.reference ? t('host.handedOver', { reference: saved.reference }) : t('host.saved')}
            </Paragraph>
          </Alert>
        </div>
      ) : null}
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="page-heading">
        {teams.length > 1 ? (
          <SelectField
            id={errors.idFor('teamId')}
            label={t('host.team')}
            value={teamId}
            choices={teams.map((tm) => ({ value: tm.id, label: tm.name }))}
            onValueChange={setTeamId}
            error={errors.errorFor('teamId')}
          />
        ) : null}
        <RadioGroupField
          id={errors.idFor('category')}
          legend={t('host.category')}
          value={category}
          choices={labelledChoices(HOST_CATEGORIES, 'hostCategory')}
          onValueChange={setCategory}
          error={errors.errorFor('category')}
        />
        <RadioGroupField
          id={errors.idFor('outcome')}
          legend={t('host.outcome')}
          value={outcome}
          choices={labelledChoices(['answered', 'handed_over'], 'host.outcome')}
          onValueChange={setOutcome}
          error={errors.errorFor('outcome')}
        />
        {outcome === 'handed_over' ? (
          <section aria-labelledby="host-handover-heading" className="nabij-subform">
            <Heading2 id="host-handover-heading">{t('host.handoverHeading')}</Heading2>
            <Paragraph>{t('host.handoverIntro')}</Paragraph>
            <div className="nabij-form-row">
              <TextField {...handoverField('firstName')} required />
              <TextField {...handoverField('lastName')} required />
            </div>
            <TextField {...handoverField('phone')} type="tel" required />
            <TextAreaField {...handoverField('question')} required />
          </section>
        ) : null}
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy || teams.length === 0}>
            {t('host.submit')}
          </Button>
        </ButtonGroup>
      </form>
      <section aria-labelledby="host-tally-heading" className="nabij-section">
        <Heading2 id="host-tally-heading">{t('host.tallyHeading')}</Heading2>
        {tally.status === 'loading' ? <Loading /> : null}
        {tally.status === 'failed' ? (
          <Alert type="error">
            <Paragraph>{errorText(tally.error)}</Paragraph>
          </Alert>
        ) : null}
        {tally.status === 'ready' ? <Tally rows={tally.data.today} /> : null}
      </section>
    </>
  );
}
