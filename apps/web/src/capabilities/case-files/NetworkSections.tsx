import {
  CONTACT_FREQUENCIES,
  NETWORK_QUALITIES,
  NETWORK_RELATIONS,
  networkPersonInput,
  professionalInput,
  type CaseOverview,
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
} from '@utrecht/component-library-react';
import { useRef, useState, type SyntheticEvent } from 'react';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { CheckboxField } from '../../components/CheckboxField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormDisclosure } from '../../components/FormDisclosure';
import { RadioGroupField } from '../../components/RadioGroupField';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { labelledChoices } from '../intake/intake-format';
import { Ecogram } from './Ecogram';
import { SavedNotice } from './CaseParts';
import { useCaseForm } from './use-case-form';

interface SectionProps {
  overview: CaseOverview;
  onChanged: (overview: CaseOverview) => void;
}

/** Removes an entry and reports the result in a notice that takes focus (the removed row's button is gone). */
function useRemoval(onChanged: (overview: CaseOverview) => void) {
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);
  const [busyId, setBusyId] = useState<string | undefined>(undefined);
  const ref = useRef<HTMLDivElement>(null);
  const remove = async (path: string, id: string, doneText: string) => {
    setBusyId(id);
    try {
      onChanged(await api.delete<CaseOverview>(path));
      setNotice({ kind: 'ok', text: doneText });
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error) });
    } finally {
      setBusyId(undefined);
      window.setTimeout(() => ref.current?.focus(), 0);
    }
  };
  const view = notice ? (
    <div ref={ref} tabIndex={-1} className="nabij-notice">
      <Alert type={notice.kind}>
        <Paragraph>{notice.text}</Paragraph>
      </Alert>
    </div>
  ) : null;
  return { remove, busyId, view };
}

const NETWORK_FIELDS = [
  'name',
  'relationType',
  'relationNote',
  'quality',
  'contactFrequency',
  'keyFigure',
  'phone',
] as const;

interface NetworkValues {
  name: string;
  relationType: string;
  relationNote: string;
  quality: string;
  contactFrequency: string;
  keyFigure: boolean;
  phone: string;
}

const emptyNetwork = (): NetworkValues => ({
  name: '',
  relationType: '',
  relationNote: '',
  quality: '',
  contactFrequency: '',
  keyFigure: false,
  phone: '',
});

function NetworkForm({ overview, onChanged }: SectionProps) {
  const form = useCaseForm(
    'network',
    NETWORK_FIELDS,
    networkPersonInput,
    `/api/cases/${encodeURIComponent(overview.id)}/network`,
    onChanged,
  );
  const [values, setValues] = useState<NetworkValues>(emptyNetwork);
  const { errors } = form;
  const set =
    <K extends keyof NetworkValues>(key: K) =>
    (value: NetworkValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = {
      ...values,
      relationType: values.relationType || undefined,
      quality: values.quality || undefined,
      contactFrequency: values.contactFrequency || undefined,
    };
    if (await form.submit(input, t('case.networkAdded', { name: values.name.trim() }))) setValues(emptyNetwork());
  };

  return (
    <div className="nabij-subform">
      <Heading3 id="network-form-heading">{t('case.networkAdd')}</Heading3>
      <SavedNotice text={form.saved} />
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="network-form-heading">
        <div className="nabij-form-row">
          <TextField
            id={errors.idFor('name')}
            label={t('case.networkName')}
            value={values.name}
            onValueChange={set('name')}
            error={errors.errorFor('name')}
            autoComplete="off"
            required
          />
          <SelectField
            id={errors.idFor('relationType')}
            label={t('case.networkRelation')}
            value={values.relationType}
            choices={labelledChoices(NETWORK_RELATIONS, 'networkRelation')}
            onValueChange={set('relationType')}
            error={errors.errorFor('relationType')}
            emptyLabel={t('case.choose')}
            required
          />
        </div>
        <TextField
          id={errors.idFor('relationNote')}
          label={t('case.networkRelationNote')}
          description={t('case.networkRelationNoteHint')}
          value={values.relationNote}
          onValueChange={set('relationNote')}
          error={errors.errorFor('relationNote')}
          autoComplete="off"
          optional
        />
        <RadioGroupField
          id={errors.idFor('quality')}
          legend={t('case.networkQuality')}
          value={values.quality}
          choices={labelledChoices(NETWORK_QUALITIES, 'networkQuality')}
          onValueChange={set('quality')}
          error={errors.errorFor('quality')}
          inline
        />
        <div className="nabij-form-row">
          <SelectField
            id={errors.idFor('contactFrequency')}
            label={t('case.networkFrequency')}
            value={values.contactFrequency}
            choices={labelledChoices(CONTACT_FREQUENCIES, 'contactFrequency')}
            onValueChange={set('contactFrequency')}
            error={errors.errorFor('contactFrequency')}
            emptyLabel={t('case.choose')}
            required
          />
          <TextField
            id={errors.idFor('phone')}
            label={t('case.networkPhone')}
            type="tel"
            value={values.phone}
            onValueChange={set('phone')}
            error={errors.errorFor('phone')}
            autoComplete="off"
            optional
          />
        </div>
        <CheckboxField
          id={errors.idFor('keyFigure')}
          label={t('case.networkKeyFigure')}
          checked={values.keyFigure}
          onCheckedChange={set('keyFigure')}
          error={errors.errorFor('keyFigure')}
        />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" busy={form.busy} disabled={form.busy}>
            {t('case.networkAdd')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

export function NetworkSection({ overview, onChanged }: SectionProps) {
  const removal = useRemoval(onChanged);
  return (
    <section id="netwerk" aria-labelledby="netwerk-heading" className="nabij-section">
      <Heading2 id="netwerk-heading">{t('case.network')}</Heading2>
      {removal.view}
      {overview.network.length === 0 ? <Paragraph>{t('case.networkNone')}</Paragraph> : null}
      {overview.network.length > 0 ? (
        <div className="nabij-table-scroll">
          <Table className="nabij-responsive-table">
            <TableCaption className="nabij-visually-hidden">{t('case.network')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('case.networkName')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.networkRelation')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.networkQuality')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.networkFrequency')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.networkPhone')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {overview.network.map((n) => (
                <TableRow key={n.id}>
                  <TableCell data-label={t('case.networkName')}>
                    {n.name}
                    {n.keyFigure ? (
                      <>
                        {' '}
                        <StatusBadge className="nabij-badge">{t('case.networkKeyFigureShort')}</StatusBadge>
                      </>
                    ) : null}
                  </TableCell>
                  <TableCell data-label={t('case.networkRelation')}>
                    {t(`networkRelation.${n.relationType}`)}
                    {n.relationNote ? ` (${n.relationNote})` : ''}
                  </TableCell>
                  <TableCell data-label={t('case.networkQuality')}>{t(`networkQuality.${n.quality}`)}</TableCell>
                  <TableCell data-label={t('case.networkFrequency')}>
                    {t(`contactFrequency.${n.contactFrequency}`)}
                  </TableCell>
                  <TableCell data-label={t('case.networkPhone')}>{n.phone ?? ''}</TableCell>
                  <TableCell data-label={t('common.actions')}>
                    <Button
                      appearance="subtle-button"
                      busy={removal.busyId === n.id}
                      disabled={removal.busyId !== undefined}
                      onClick={() =>
                        void removal.remove(
                          `/api/cases/${encodeURIComponent(overview.id)}/network/${encodeURIComponent(n.id)}`,
                          n.id,
                          t('case.networkRemoved', { name: n.name }),
                        )
                      }
                    >
                      {t('case.remove')}
                      <span className="nabij-visually-hidden"> {n.name}</span>
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      <FormDisclosure label={t('case.networkAdd')}>
        <NetworkForm overview={overview} onChanged={onChanged} />
      </FormDisclosure>
      <Ecogram overview={overview} />
    </section>
  );
}

const PROFESSIONAL_FIELDS = ['organisation', 'name', 'role', 'phone', 'email'] as const;
type ProfessionalValues = Record<(typeof PROFESSIONAL_FIELDS)[number], string>;
const emptyProfessional = (): ProfessionalValues => ({ organisation: '', name: '', role: '', phone: '', email: '' });

function ProfessionalForm({ overview, onChanged }: SectionProps) {
  const form = useCaseForm(
    'professional',
    PROFESSIONAL_FIELDS,
    professionalInput,
    `/api/cases/${encodeURIComponent(overview.id)}/professionals`,
    onChanged,
  );
  const [values, setValues] = useState<ProfessionalValues>(emptyProfessional);
  const { errors } = form;
  const field = (key: keyof ProfessionalValues, label: string, optional: boolean) => ({
    id: errors.idFor(key),
    label,
    value: values[key],
    onValueChange: (value: string) => setValues((v) => ({ ...v, [key]: value })),
    error: errors.errorFor(key),
    optional,
    autoComplete: 'off',
  });

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = values.name.trim()
      ? `${values.name.trim()} (${values.organisation.trim()})`
      : values.organisation.trim();
    if (await form.submit(values, t('case.professionalAdded', { name }))) setValues(emptyProfessional());
  };

  return (
    <div className="nabij-subform">
      <Heading3 id="professional-form-heading">{t('case.professionalAdd')}</Heading3>
      <SavedNotice text={form.saved} />
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="professional-form-heading">
        <div className="nabij-form-row">
          <TextField {...field('organisation', t('case.professionalOrganisation'), false)} required />
          <TextField {...field('name', t('case.professionalName'), true)} />
        </div>
        <div className="nabij-form-row">
          <TextField {...field('role', t('case.professionalRole'), true)} />
          <TextField {...field('phone', t('case.professionalPhone'), true)} type="tel" />
          <TextField {...field('email', t('case.professionalEmail'), true)} type="email" />
        </div>
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" busy={form.busy} disabled={form.busy}>
            {t('case.professionalAdd')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

export function ProfessionalsSection({ overview, onChanged }: SectionProps) {
  const removal = useRemoval(onChanged);
  return (
    <section id="professionals" aria-labelledby="professionals-heading" className="nabij-section">
      <Heading2 id="professionals-heading">{t('case.professionals')}</Heading2>
      {removal.view}
      {overview.professionals.length === 0 ? <Paragraph>{t('case.professionalsNone')}</Paragraph> : null}
      {overview.professionals.length > 0 ? (
        <div className="nabij-table-scroll">
          <Table className="nabij-responsive-table">
            <TableCaption className="nabij-visually-hidden">{t('case.professionals')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('case.professionalOrganisation')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.professionalName')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.professionalRole')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.professionalPhone')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.professionalEmail')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('case.professionalConsent')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {overview.professionals.map((p) => (
                <TableRow key={p.id}>
                  <TableCell data-label={t('case.professionalOrganisation')}>{p.organisation}</TableCell>
                  <TableCell data-label={t('case.professionalName')}>{p.name ?? ''}</TableCell>
                  <TableCell data-label={t('case.professionalRole')}>{p.role ?? ''}</TableCell>
                  <TableCell data-label={t('case.professionalPhone')}>{p.phone ?? ''}</TableCell>
                  <TableCell data-label={t('case.professionalEmail')}>{p.email ?? ''}</TableCell>
                  <TableCell data-label={t('case.professionalConsent')}>
                    {p.consentToShare ? (
                      <StatusBadge status="safe" className="nabij-badge">
                        {t('case.professionalConsentYes')}
                      </StatusBadge>
                    ) : (
                      t('case.professionalConsentNo')
                    )}
                  </TableCell>
                  <TableCell data-label={t('common.actions')}>
                    <Button
                      appearance="subtle-button"
                      busy={removal.busyId === p.id}
                      disabled={removal.busyId !== undefined}
                      onClick={() =>
                        void removal.remove(
                          `/api/cases/${encodeURIComponent(overview.id)}/professionals/${encodeURIComponent(p.id)}`,
                          p.id,
                          t('case.professionalRemoved', { name: p.name ?? p.organisation }),
                        )
                      }
                    >
                      {t('case.remove')}
                      <span className="nabij-visually-hidden"> {p.name ?? p.organisation}</span>
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      <FormDisclosure label={t('case.professionalAdd')}>
        <ProfessionalForm overview={overview} onChanged={onChanged} />
      </FormDisclosure>
    </section>
  );
}
