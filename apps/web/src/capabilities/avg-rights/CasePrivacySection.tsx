import {
  addStatementInput,
  LEGAL_BASES,
  PROCESSING_PURPOSES,
  recordProcessingInput,
  type CasePrivacyView,
} from '@nabij/contracts';
import {
  Alert,
  Button,
  ButtonGroup,
  DataList,
  Heading2,
  Heading3,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { municipalDay, municipalToday } from '../../app/dates';
import { ApiError, errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { useResource } from '../../app/use-resource';
import { CheckboxGroupField } from '../../components/CheckboxGroupField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { Loading } from '../../components/Loading';
import { TextField } from '../../components/TextField';
import { Item, Plain, SavedNotice } from '../case-files/CaseParts';
import { formatDate } from '../persons/person-format';
import { basisLine, regimeList } from './avg-rights-format';
import { useSubmit } from './use-submit';
import './avg-rights.css';

const path = (caseId: string, tail = '') => `/api/cases/${encodeURIComponent(caseId)}/privacy${tail}`;

function ProcessingForm({ view, onSaved }: { view: CasePrivacyView; onSaved: (v: CasePrivacyView) => void }) {
  const form = useSubmit<CasePrivacyView>('processing', ['legalBases', 'purposes', 'purposeDescription']);
  const [bases, setBases] = useState<string[]>([...view.legalBases]);
  const [purposes, setPurposes] = useState<string[]>([...view.purposes]);
  const [description, setDescription] = useState(view.purposeDescription ?? '');
  const { errors } = form;
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const saved = await form.submit(
      'PUT',
      path(view.caseId, '/processing'),
      recordProcessingInput,
      { legalBases: bases, purposes, purposeDescription: description, version: view.version },
      t('casePrivacy.saved'),
    );
    if (saved) onSaved(saved);
  };
  return (
    <div className="nabij-subform">
      <Heading3 id="processing-form-heading">{t('casePrivacy.editHeading')}</Heading3>
      <SavedNotice text={form.saved} />
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="processing-form-heading">
        <CheckboxGroupField
          id={errors.idFor('purposes')}
          legend={t('casePrivacy.purposesLegend')}
          values={purposes}
          choices={PROCESSING_PURPOSES.map((p) => ({ value: p, label: t(`casePrivacy.purpose.${p}`) }))}
          onValuesChange={setPurposes}
          error={errors.errorFor('purposes')}
        />
        <CheckboxGroupField
          id={errors.idFor('legalBases')}
          legend={t('casePrivacy.basesLegend')}
          description={t('casePrivacy.rule')}
          values={bases}
          choices={LEGAL_BASES.map((b) => ({ value: b, label: t(`casePrivacy.basis.${b}`) }))}
          onValuesChange={setBases}
          error={errors.errorFor('legalBases')}
        />
        <TextAreaField
          id={errors.idFor('purposeDescription')}
          label={t('casePrivacy.description')}
          value={description}
          onValueChange={setDescription}
          error={errors.errorFor('purposeDescription')}
          rows={3}
        />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" busy={form.busy} disabled={form.busy}>
            {t('casePrivacy.save')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

function StatementForm({ view, onSaved }: { view: CasePrivacyView; onSaved: (v: CasePrivacyView) => void }) {
  const form = useSubmit<CasePrivacyView>('statement', ['personId', 'receivedOn', 'statement']);
  const [personId, setPersonId] = useState(view.members[0]?.id ?? '');
  const [receivedOn, setReceivedOn] = useState(municipalToday);
  const [statement, setStatement] = useState('');
  const { errors } = form;
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const saved = await form.submit(
      'POST',
      `/api/cases/${encodeURIComponent(view.caseId)}/statements`,
      addStatementInput,
      { ...(personId ? { personId } : {}), receivedOn, statement },
      t('casePrivacy.statementSaved'),
    );
    if (saved) {
      setStatement('');
      onSaved(saved);
    }
  };
  return (
    <div className="nabij-subform">
      <Heading3 id="statement-form-heading">{t('casePrivacy.addStatement')}</Heading3>
      <SavedNotice text={form.saved} />
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="statement-form-heading">
        <div className="nabij-form-row">
          {view.members.length > 0 ? (
            <SelectField
              id={errors.idFor('personId')}
              label={t('casePrivacy.statementPerson')}
              value={personId}
              choices={view.members.map((m) => ({ value: m.id, label: m.name }))}
              onValueChange={setPersonId}
              error={errors.errorFor('personId')}
            />
          ) : null}
          <TextField
            id={errors.idFor('receivedOn')}
            label={t('casePrivacy.statementReceived')}
            type="date"
            value={receivedOn}
            onValueChange={setReceivedOn}
            error={errors.errorFor('receivedOn')}
            className="nabij-field--short"
          />
        </div>
        <TextAreaField
          id={errors.idFor('statement')}
          label={t('casePrivacy.statementText')}
          value={statement}
          onValueChange={setStatement}
          error={errors.errorFor('statement')}
          rows={4}
        />
        <ButtonGroup>
          <Button type="submit" appearance="secondary-action-button" busy={form.busy} disabled={form.busy}>
            {t('casePrivacy.statementSave')}
          </Button>
        </ButtonGroup>
      </form>
    </div>
  );
}

/**
 * The case's legal basis and purpose, its retention and the resident's own statements, shown to the worker on the
 * case page (issue #7 items 5–7). Consent is never offered as a substitute for a missing legal basis.
 */
export function CasePrivacySection({ caseId }: { caseId: string }) {
  const privacy = useResource<CasePrivacyView>(path(caseId));
  const heading = useRef<HTMLHeadingElement>(null);
  // The case page loads many sections at once; when the database is briefly too busy (503), try again.
  const retries = useRef(0);
  const { status, error, reload } = privacy;
  useEffect(() => {
    if (status !== 'failed' || !(error instanceof ApiError) || error.status !== 503 || retries.current >= 3) return;
    retries.current++;
    const timer = window.setTimeout(reload, 1000 * retries.current);
    return () => window.clearTimeout(timer);
  }, [status, error, reload]);
  const saved = (v: CasePrivacyView) => {
    privacy.setData(v);
    heading.current?.focus();
  };
  return (
    <section id="privacy" aria-labelledby="privacy-heading" className="nabij-section">
      <Heading2 id="privacy-heading" ref={heading} tabIndex={-1}>
        {t('casePrivacy.heading')}
      </Heading2>
      {privacy.status === 'loading' ? <Loading /> : null}
      {privacy.status === 'failed' ? (
        <Alert type="error">
          <Paragraph>{errorText(privacy.error)}</Paragraph>
        </Alert>
      ) : null}
      {privacy.status === 'ready' ? (
        <>
          {privacy.data.legalBases.length === 0 ? (
            <Alert type="warning">
              <Paragraph>{t('casePrivacy.notRecorded')}</Paragraph>
            </Alert>
          ) : (
            <DataList>
              <Item label={t('casePrivacy.basis')}>
                {privacy.data.legalBases.map((b) => t(`casePrivacy.basisShort.${b}`)).join(', ')}
                <span className="nabij-avg-note">{basisLine(privacy.data.legalBases)}</span>
              </Item>
              <Item label={t('casePrivacy.purpose')}>
                {privacy.data.purposes.map((p) => t(`casePrivacy.purpose.${p}`)).join(', ')}
              </Item>
              <Item label={t('casePrivacy.description')}>
                <Plain text={privacy.data.purposeDescription} />
                {privacy.data.recordedByName && privacy.data.recordedAt ? (
                  <span className="nabij-avg-note">
                    {t('casePrivacy.recordedBy', {
                      name: privacy.data.recordedByName,
                      date: formatDate(municipalDay(privacy.data.recordedAt)),
                    })}
                  </span>
                ) : null}
              </Item>
              <Item label={t('casePrivacy.retention')}>
                {regimeList(privacy.data.retention.regimes)}:{' '}
                {privacy.data.retention.destroyOn
                  ? t('casePrivacy.destroyOn', { date: formatDate(privacy.data.retention.destroyOn) })
                  : t('casePrivacy.destroyAfterClosure')}
                {privacy.data.retention.postponedUntil ? (
                  <span className="nabij-avg-note">
                    {t('casePrivacy.postponed', {
                      date: formatDate(privacy.data.retention.postponedUntil),
                      reason: privacy.data.retention.postponeReason ?? '',
                    })}
                  </span>
                ) : null}
              </Item>
            </DataList>
          )}
          <Paragraph>{t('casePrivacy.rule')}</Paragraph>
          <details className="nabij-avg-details">
            <summary>{t('casePrivacy.edit')}</summary>
            <ProcessingForm view={privacy.data} onSaved={saved} />
          </details>
          <Heading3>{t('casePrivacy.statements')}</Heading3>
          {privacy.data.statements.length === 0 ? <Paragraph>{t('casePrivacy.statementsNone')}</Paragraph> : null}
          {privacy.data.statements.length > 0 ? (
            <UnorderedList className="nabij-avg-statements">
              {privacy.data.statements.map((s) => (
                <UnorderedListItem key={s.id}>
                  <span className="nabij-plain-text">{s.statement}</span>
                  <span className="nabij-avg-note">
                    {t('casePrivacy.statementBy', {
                      person: s.personName ?? t('casePrivacy.unknownPerson'),
                      date: formatDate(s.receivedOn),
                      by: s.recordedByName,
                    })}
                    {s.requestReference
                      ? ` · ${t('casePrivacy.statementRequest', { reference: s.requestReference })}`
                      : ''}
                  </span>
                </UnorderedListItem>
              ))}
            </UnorderedList>
          ) : null}
          <details className="nabij-avg-details">
            <summary>{t('casePrivacy.addStatement')}</summary>
            <StatementForm view={privacy.data} onSaved={saved} />
          </details>
        </>
      ) : null}
    </section>
  );
}
