import { PLAN_DOMAINS, SERVICE_TYPES, serviceCatalogueImport, serviceInput, type ServiceView } from '@nabij/contracts';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Link,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState, type ChangeEvent, type SyntheticEvent } from 'react';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { CheckboxField } from '../../components/CheckboxField';
import { CheckboxGroupField } from '../../components/CheckboxGroupField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroupField } from '../../components/RadioGroupField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { AdminNav } from '../admin/AdminNav';
import { labelledChoices } from '../intake/intake-format';
import { domainLabel } from './plan-format';

const FIELDS = ['organisation', 'name', 'description', 'domains', 'type', 'area', 'phone', 'email', 'website'] as const;
const EMPTY = {
  organisation: '',
  name: '',
  description: '',
  domains: [] as string[],
  type: '',
  area: '',
  phone: '',
  email: '',
  website: '',
  active: true,
};

function ServiceForm({
  editing,
  onSaved,
  onCancel,
}: {
  editing: ServiceView | undefined;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const errors = useFormErrors('service', FIELDS);
  const [v, setV] = useState(
    editing
      ? {
          ...editing,
          description: editing.description ?? '',
          area: editing.area ?? '',
          phone: editing.phone ?? '',
          email: editing.email ?? '',
          website: editing.website ?? '',
        }
      : EMPTY,
  );
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof EMPTY) => (value: string) => setV((s) => ({ ...s, [field]: value }));
  const heading = editing ? t('services.editHeading', { name: editing.name }) : t('services.addHeading');

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = serviceInput.safeParse(v);
    if (!parsed.success) return errors.showIssues(parsed.error.issues);
    setBusy(true);
    try {
      if (editing) await api.put(`/api/admin/services/${editing.id}`, { ...parsed.data, version: editing.version });
      else await api.post('/api/admin/services', parsed.data);
      errors.clear();
      setV(EMPTY);
      onSaved(t('services.saved'));
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="service-form-heading"
      className="nabij-section nabij-subform"
    >
      <Heading2 id="service-form-heading">{heading}</Heading2>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <div className="nabij-form-row">
        <TextField
          id={errors.idFor('organisation')}
          label={t('services.organisation')}
          value={v.organisation}
          onValueChange={set('organisation')}
          error={errors.errorFor('organisation')}
        />
        <TextField
          id={errors.idFor('name')}
          label={t('services.name')}
          value={v.name}
          onValueChange={set('name')}
          error={errors.errorFor('name')}
        />
      </div>
      <TextAreaField
        id={errors.idFor('description')}
        label={t('services.description')}
        value={v.description}
        onValueChange={set('description')}
        optional
        rows={2}
      />
      <RadioGroupField
        id={errors.idFor('type')}
        legend={t('services.type')}
        value={v.type}
        choices={labelledChoices(SERVICE_TYPES, 'plan.serviceType')}
        onValueChange={set('type')}
        error={errors.errorFor('type')}
        inline
      />
      <CheckboxGroupField
        id={errors.idFor('domains')}
        legend={t('services.domains')}
        values={v.domains}
        choices={PLAN_DOMAINS.map((d) => ({ value: d, label: domainLabel(d) }))}
        onValuesChange={(domains: string[]) => setV((s) => ({ ...s, domains }))}
        error={errors.errorFor('domains')}
      />
      <div className="nabij-form-row">
        <TextField
          id={errors.idFor('area')}
          label={t('services.area')}
          value={v.area}
          onValueChange={set('area')}
          optional
        />
        <TextField
          id={errors.idFor('phone')}
          label={t('services.phone')}
          type="tel"
          value={v.phone}
          onValueChange={set('phone')}
          optional
        />
        <TextField
          id={errors.idFor('email')}
          label={t('services.email')}
          type="email"
          value={v.email}
          onValueChange={set('email')}
          error={errors.errorFor('email')}
          optional
        />
      </div>
      <TextField
        id={errors.idFor('website')}
        label={t('services.website')}
        value={v.website}
        onValueChange={set('website')}
        optional
      />
      <CheckboxField
        id={errors.idFor('active')}
        label={t('services.active')}
        checked={v.active}
        onCheckedChange={(active) => setV((s) => ({ ...s, active }))}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {editing ? t('services.save') : t('services.add')}
        </Button>
        {editing ? (
          <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </ButtonGroup>
    </form>
  );
}

function ImportForm({ onImported }: { onImported: (message: string) => void }) {
  const errors = useFormErrors('services-import', ['csv']);
  const [csv, setCsv] = useState('');
  const [busy, setBusy] = useState(false);
  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) setCsv(await file.text());
  };
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = serviceCatalogueImport.safeParse({ csv });
    if (!parsed.success) return errors.showIssues(parsed.error.issues);
    setBusy(true);
    try {
      const r = await api.post<{ added: number; updated: number }>('/api/admin/services/import', parsed.data);
      errors.clear();
      setCsv('');
      onImported(t('services.imported', { added: r.added, updated: r.updated }));
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-labelledby="services-import-heading"
      className="nabij-section"
    >
      <Heading2 id="services-import-heading">{t('services.importHeading')}</Heading2>
      <Paragraph>{t('services.importIntro')}</Paragraph>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <div className="utrecht-form-field">
        <label className="utrecht-form-label" htmlFor="services-import-file">
          {t('services.importFile')}
        </label>
        <input id="services-import-file" type="file" accept=".csv,text/csv" onChange={(e) => void chooseFile(e)} />
      </div>
      <TextAreaField
        id={errors.idFor('csv')}
        label={t('services.importText')}
        value={csv}
        onValueChange={setCsv}
        error={errors.errorFor('csv')}
        rows={6}
        spellCheck={false}
      />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
          {t('services.import')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** The service catalogue (sociale kaart) of the municipality, for the functional administrator. */
export function ServiceCataloguePage() {
  usePageTitle(t('services.title'));
  const services = useResource<{ services: ServiceView[] }>('/api/admin/services');
  const [editing, setEditing] = useState<ServiceView | undefined>(undefined);
  const [notice, setNotice] = useState('');
  const done = (message: string) => {
    setNotice(message);
    setEditing(undefined);
    services.reload();
  };
  return (
    <>
      <PageHeading>{t('services.title')}</PageHeading>
      <AdminNav />
      <Paragraph>{t('services.intro')}</Paragraph>
      <div role="status">
        {notice ? (
          <Alert type="ok">
            <Paragraph>{notice}</Paragraph>
          </Alert>
        ) : null}
      </div>
      <Paragraph>
        <Link href="/api/admin/services/export.csv" download>
          {t('services.exportLink')}
        </Link>
      </Paragraph>
      {services.status === 'loading' ? <Loading /> : null}
      {services.status === 'failed' ? (
        <Alert type="error">
          <Paragraph>{errorText(services.error)}</Paragraph>
        </Alert>
      ) : null}
      {services.status === 'ready' && services.data.services.length === 0 ? (
        <Paragraph>{t('services.empty')}</Paragraph>
      ) : null}
      {services.status === 'ready' && services.data.services.length > 0 ? (
        <div className="nabij-table-scroll">
          <Table className="nabij-responsive-table">
            <TableCaption>{t('services.caption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('services.name')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('services.type')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('services.domains')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('services.contact')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('services.activeColumn')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {services.data.services.map((s) => (
                <TableRow key={s.id}>
                  <TableHeaderCell scope="row" data-label={t('services.name')}>
                    {s.name}
                    <span className="nabij-plan-note">{s.organisation}</span>
                  </TableHeaderCell>
                  <TableCell data-label={t('services.type')}>{t(`plan.serviceType.${s.type}`)}</TableCell>
                  <TableCell data-label={t('services.domains')}>{s.domains.map(domainLabel).join(', ')}</TableCell>
                  <TableCell data-label={t('services.contact')}>
                    {[s.phone, s.email, s.area].filter(Boolean).join(' · ')}
                  </TableCell>
                  <TableCell data-label={t('services.activeColumn')}>
                    {s.active ? t('common.yes') : t('common.no')}
                  </TableCell>
                  <TableCell data-label={t('common.actions')}>
                    <Button
                      type="button"
                      appearance="subtle-button"
                      onClick={() => {
                        setEditing(s);
                        window.setTimeout(() => document.getElementById('service-form-heading')?.scrollIntoView(), 0);
                      }}
                    >
                      {t('services.edit', { name: s.name })}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      <ServiceForm key={editing?.id ?? 'new'} editing={editing} onSaved={done} onCancel={() => setEditing(undefined)} />
      <ImportForm onImported={done} />
    </>
  );
}
