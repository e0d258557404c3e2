import {
  AGREEMENT_FORMS,
  agreePlanInput,
  COORDINATIONS,
  coordinationInput,
  planPartyInput,
  RESIDENT_PLAN_KINDS,
  residentPlanInput,
  type PlanPageView,
  type PlanVersionView,
} from '@nabij/contracts';
import {
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
import { municipalToday } from '../../app/dates';
import { errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { AppLink } from '../../components/AppLink';
import { CheckboxField } from '../../components/CheckboxField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { RadioGroupField } from '../../components/RadioGroupField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { ATTACHMENT_ACCEPT, attachmentProblem, readFileAsBase64 } from '../intake/attachments';
import { labelledChoices } from '../intake/intake-format';
import type { GoalDraft, OnSaved } from './PlanForms';
import { formatDate, residentPlanLines } from './plan-format';

interface PanelProps {
  caseId: string;
  current: PlanVersionView;
  onSaved: OnSaved;
}

type Upload = { filename: string; contentBase64: string } | undefined;

/** A file input that reads the chosen file as base64 (checked again by the server by its content). */
function FileInput({
  id,
  label,
  error,
  onChosen,
}: {
  id: string;
  label: string;
  error: string | undefined;
  onChosen: (u: Upload, problem: string | undefined) => void;
}) {
  const change = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return onChosen(undefined, undefined);
    const problem = attachmentProblem(file);
    if (problem) return onChosen(undefined, problem);
    onChosen({ filename: file.name, contentBase64: await readFileAsBase64(file) }, undefined);
  };
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className="utrecht-form-field">
      <label className="utrecht-form-label" htmlFor={id}>
        {label} <span className="nabij-optional">{t('form.optional')}</span>
      </label>
      {error ? (
        <p className="utrecht-form-field-error-message" id={errorId}>
          {error}
        </p>
      ) : null}
      <input
        id={id}
        type="file"
        accept={ATTACHMENT_ACCEPT}
        aria-describedby={errorId}
        aria-invalid={error ? true : undefined}
        onChange={(e) => void change(e)}
      />
    </div>
  );
}

/** The household's own plan (familiegroepsplan / persoonlijk plan): typed in or uploaded, possibly leading; its lines can become goals. */
export function ResidentPlanPanel({
  caseId,
  current,
  onSaved,
  editable,
  onTakeOver,
}: PanelProps & { editable: boolean; onTakeOver: (draft: GoalDraft) => void }) {
  const rp = current.residentPlan;
  const errors = useFormErrors('plan-resident', ['kind', 'text', 'file', 'leading']);
  const [kind, setKind] = useState<string>(rp?.kind ?? 'family_group_plan');
  const [text, setText] = useState(rp?.text ?? '');
  const [leading, setLeading] = useState(rp?.leading ?? false);
  const [file, setFile] = useState<Upload>(undefined);
  const [fileProblem, setFileProblem] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (fileProblem) return errors.showMessage(fileProblem);
    const parsed = residentPlanInput.safeParse({ version: current.version, kind, text, leading, file });
    if (!parsed.success) return errors.showIssues(parsed.error.issues);
    setBusy(true);
    try {
      onSaved(
        await api.put<PlanPageView>(`/api/cases/${caseId}/plan/resident-plan`, parsed.data),
        t('plan.residentSaved'),
      );
      errors.clear();
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="plan-resident-heading" className="nabij-section">
      <Heading2 id="plan-resident-heading">{t('plan.residentHeading')}</Heading2>
      <Paragraph>{t('plan.residentIntro')}</Paragraph>
      {rp?.leading ? <Paragraph className="nabij-plan-leading">{t('plan.residentIsLeading')}</Paragraph> : null}
      {rp?.file ? (
        <Paragraph>
          <Link href={`/api/cases/${caseId}/plan/files/${rp.file.id}`}>
            {t('plan.residentDownload', { name: rp.file.filename })}
          </Link>
        </Paragraph>
      ) : null}
      {editable && rp?.text ? (
        <ul className="nabij-plan-takeover">
          {residentPlanLines(rp.text).map((line) => (
            <li key={line}>
              <Button
                type="button"
                appearance="subtle-button"
                onClick={() => onTakeOver({ domain: '', problem: line, goal: line, fromResidentPlan: true })}
              >
                {t('plan.takeOver', { line })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {!editable && rp?.text ? <Paragraph className="nabij-plan-pre">{rp.text}</Paragraph> : null}
      {editable ? (
        <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('plan.residentSave')}>
          <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
          <RadioGroupField
            id={errors.idFor('kind')}
            legend={t('plan.residentKind')}
            value={kind}
            choices={labelledChoices(RESIDENT_PLAN_KINDS, 'plan.residentKind')}
            onValueChange={setKind}
            inline
          />
          <TextAreaField
            id={errors.idFor('text')}
            label={t('plan.residentText')}
            description={t('plan.residentTextHint')}
            value={text}
            onValueChange={setText}
            error={errors.errorFor('text')}
            optional
            rows={4}
          />
          <FileInput
            id={errors.idFor('file')}
            label={t('plan.residentFile')}
            error={errors.errorFor('file') ?? fileProblem}
            onChosen={(u, problem) => {
              setFile(u);
              setFileProblem(problem);
            }}
          />
          <CheckboxField
            id={errors.idFor('leading')}
            label={t('plan.residentLeading')}
            checked={leading}
            onCheckedChange={setLeading}
          />
          <ButtonGroup>
            <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
              {t('plan.residentSave')}
            </Button>
          </ButtonGroup>
        </form>
      ) : null}
    </section>
  );
}

/** Casusregie or procesregie, and the involved parties with their part of the plan (who, what, where, when). */
export function CoordinationPanel({ caseId, current, onSaved, editable }: PanelProps & { editable: boolean }) {
  const errors = useFormErrors('plan-coordination', ['coordination', 'coordinatorName', 'coordinatorContact']);
  const partyErrors = useFormErrors('plan-party', ['name', 'organisation', 'part', 'place', 'timing']);
  const [coordination, setCoordination] = useState<string>(current.coordination ?? '');
  const [coordinatorName, setCoordinatorName] = useState(current.coordinatorName ?? '');
  const [coordinatorContact, setCoordinatorContact] = useState(current.coordinatorContact ?? '');
  const [party, setParty] = useState({ name: '', organisation: '', part: '', place: '', timing: '' });
  const [busy, setBusy] = useState(false);

  const saveCoordination = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = coordinationInput.safeParse({
      version: current.version,
      coordination,
      coordinatorName,
      coordinatorContact,
    });
    if (!parsed.success) return errors.showIssues(parsed.error.issues);
    setBusy(true);
    try {
      onSaved(
        await api.put<PlanPageView>(`/api/cases/${caseId}/plan/coordination`, parsed.data),
        t('plan.coordinationSaved'),
      );
      errors.clear();
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };
  const addParty = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = planPartyInput.safeParse({ version: current.version, ...party });
    if (!parsed.success) return partyErrors.showIssues(parsed.error.issues);
    setBusy(true);
    try {
      onSaved(await api.post<PlanPageView>(`/api/cases/${caseId}/plan/parties`, parsed.data), t('plan.partyAdded'));
      partyErrors.clear();
      setParty({ name: '', organisation: '', part: '', place: '', timing: '' });
    } catch (error) {
      partyErrors.showError(error);
    } finally {
      setBusy(false);
    }
  };
  const removeParty = async (partyId: string) => {
    try {
      onSaved(
        await api.delete<PlanPageView>(`/api/cases/${caseId}/plan/parties/${partyId}?version=${current.version}`),
        t('plan.partyRemoved'),
      );
    } catch (error) {
      partyErrors.showMessage(errorText(error));
    }
  };
  const partyField = (field: keyof typeof party, label: string, optional = true) => ({
    id: partyErrors.idFor(field),
    label,
    value: party[field],
    onValueChange: (v: string) => setParty((p) => ({ ...p, [field]: v })),
    error: partyErrors.errorFor(field),
    optional,
    autoComplete: 'off',
  });

  return (
    <section aria-labelledby="plan-coordination-heading" className="nabij-section">
      <Heading2 id="plan-coordination-heading">{t('plan.coordinationHeading')}</Heading2>
      {!editable ? (
        <Paragraph>
          {current.coordination ? t(`plan.coordination.${current.coordination}`) : t('plan.coordinationNone')}
          {current.coordinatorName ? ` — ${current.coordinatorName}` : ''}
          {current.coordinatorContact ? `, ${current.coordinatorContact}` : ''}
        </Paragraph>
      ) : (
        <form onSubmit={(e) => void saveCoordination(e)} noValidate aria-label={t('plan.coordinationSave')}>
          <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
          <RadioGroupField
            id={errors.idFor('coordination')}
            legend={t('plan.coordination')}
            value={coordination}
            choices={labelledChoices(COORDINATIONS, 'plan.coordination')}
            onValueChange={setCoordination}
            error={errors.errorFor('coordination')}
          />
          <div className="nabij-form-row">
            <TextField
              id={errors.idFor('coordinatorName')}
              label={t('plan.coordinatorName')}
              value={coordinatorName}
              onValueChange={setCoordinatorName}
              optional
            />
            <TextField
              id={errors.idFor('coordinatorContact')}
              label={t('plan.coordinatorContact')}
              value={coordinatorContact}
              onValueChange={setCoordinatorContact}
              optional
            />
          </div>
          <ButtonGroup>
            <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
              {t('plan.coordinationSave')}
            </Button>
          </ButtonGroup>
        </form>
      )}
      {current.parties.length === 0 ? (
        <Paragraph>{t('plan.noParties')}</Paragraph>
      ) : (
        <div className="nabij-table-scroll">
          <Table className="nabij-responsive-table">
            <TableCaption>{t('plan.partiesCaption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('plan.partyName')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('plan.partyPart')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('plan.partyPlace')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('plan.partyTiming')}</TableHeaderCell>
                {editable ? <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {current.parties.map((p) => (
                <TableRow key={p.id}>
                  <TableHeaderCell scope="row" data-label={t('plan.partyName')}>
                    {p.name}
                    {p.organisation ? ` (${p.organisation})` : ''}
                  </TableHeaderCell>
                  <TableCell data-label={t('plan.partyPart')}>{p.part}</TableCell>
                  <TableCell data-label={t('plan.partyPlace')}>{p.place ?? ''}</TableCell>
                  <TableCell data-label={t('plan.partyTiming')}>{p.timing ?? ''}</TableCell>
                  {editable ? (
                    <TableCell data-label={t('common.actions')}>
                      <Button type="button" appearance="subtle-button" onClick={() => void removeParty(p.id)}>
                        {t('plan.removeParty', { name: p.name })}
                      </Button>
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {editable ? (
        <details className="nabij-plan-details">
          <summary>{t('plan.addParty')}</summary>
          <form onSubmit={(e) => void addParty(e)} noValidate aria-label={t('plan.addParty')}>
            <ErrorSummary message={partyErrors.message} items={partyErrors.items} focusKey={partyErrors.focusKey} />
            <div className="nabij-form-row">
              <TextField {...partyField('name', t('plan.partyName'), false)} />
              <TextField {...partyField('organisation', t('plan.partyOrganisation'))} />
            </div>
            <TextField {...partyField('part', t('plan.partyPart'), false)} />
            <div className="nabij-form-row">
              <TextField {...partyField('place', t('plan.partyPlace'))} />
              <TextField {...partyField('timing', t('plan.partyTiming'))} />
            </div>
            <ButtonGroup>
              <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
                {t('plan.addParty')}
              </Button>
            </ButtonGroup>
          </form>
        </details>
      ) : null}
    </section>
  );
}

/**
 * The household's agreement: a typed name as signature on screen, an uploaded signed paper, or verbal agreement
 * recorded with date and by whom (the logged-in worker).
 */
export function AgreementPanel({
  caseId,
  current,
  onSaved,
  householdMembers,
}: PanelProps & { householdMembers: string }) {
  const errors = useFormErrors('plan-agree', [
    'form',
    'agreedOn',
    'agreedByName',
    'typedSignature',
    'signedPaper',
    'note',
  ]);
  const [form, setForm] = useState('');
  const [agreedOn, setAgreedOn] = useState(municipalToday);
  const [agreedByName, setAgreedByName] = useState(householdMembers);
  const [typedSignature, setTypedSignature] = useState('');
  const [signedPaper, setSignedPaper] = useState<Upload>(undefined);
  const [fileProblem, setFileProblem] = useState<string | undefined>(undefined);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (form === 'signed_paper' && fileProblem) return errors.showMessage(fileProblem);
    const parsed = agreePlanInput.safeParse({
      version: current.version,
      form,
      agreedOn,
      agreedByName: form === 'typed_signature' ? undefined : agreedByName,
      typedSignature: form === 'typed_signature' ? typedSignature : undefined,
      signedPaper: form === 'signed_paper' ? signedPaper : undefined,
      note,
    });
    if (!parsed.success) return errors.showIssues(parsed.error.issues);
    setBusy(true);
    try {
      onSaved(await api.post<PlanPageView>(`/api/cases/${caseId}/plan/agreement`, parsed.data), t('plan.agreedSaved'));
      errors.clear();
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="plan-agree-heading" className="nabij-section">
      <Heading2 id="plan-agree-heading">{t('plan.agreementHeading')}</Heading2>
      <Paragraph>{t('plan.agreementIntro')}</Paragraph>
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="plan-agree-heading">
        <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
        <RadioGroupField
          id={errors.idFor('form')}
          legend={t('plan.agreementForm')}
          value={form}
          choices={labelledChoices(AGREEMENT_FORMS, 'plan.agreementForm')}
          onValueChange={setForm}
          error={errors.errorFor('form')}
        />
        <div className="nabij-form-row">
          {/* With a typed signature the typed name is the signer's name: asked once. */}
          {form !== 'typed_signature' ? (
            <TextField
              id={errors.idFor('agreedByName')}
              label={t('plan.agreedByName')}
              value={agreedByName}
              onValueChange={setAgreedByName}
              error={errors.errorFor('agreedByName')}
              autoComplete="off"
            />
          ) : null}
          <TextField
            id={errors.idFor('agreedOn')}
            label={t('plan.agreedOn')}
            type="date"
            value={agreedOn}
            onValueChange={setAgreedOn}
            error={errors.errorFor('agreedOn')}
            className="nabij-field--short"
          />
        </div>
        {form === 'typed_signature' ? (
          <TextField
            id={errors.idFor('typedSignature')}
            label={t('plan.typedSignature')}
            description={t('plan.typedSignatureHint')}
            value={typedSignature}
            onValueChange={setTypedSignature}
            error={errors.errorFor('typedSignature')}
            autoComplete="off"
            className="nabij-plan-signature"
          />
        ) : null}
        {form === 'signed_paper' ? (
          <FileInput
            id={errors.idFor('signedPaper')}
            label={t('plan.signedPaper')}
            error={errors.errorFor('signedPaper') ?? fileProblem}
            onChosen={(u, problem) => {
              setSignedPaper(u);
              setFileProblem(problem);
            }}
          />
        ) : null}
        <TextAreaField
          id={errors.idFor('note')}
          label={t('plan.agreementNote')}
          value={note}
          onValueChange={setNote}
          optional
          rows={2}
        />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('plan.agree')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

/** The versions of the plan with their PDFs, and the link to compare the last two. */
export function VersionsPanel({ caseId, plan }: { caseId: string; plan: NonNullable<PlanPageView['plan']> }) {
  const [latest, previous] = plan.versions;
  return (
    <section aria-labelledby="plan-versions-heading" className="nabij-section">
      <Heading2 id="plan-versions-heading">{t('plan.versionsHeading')}</Heading2>
      <div className="nabij-table-scroll">
        <Table className="nabij-responsive-table">
          <TableCaption className="nabij-visually-hidden">{t('plan.versionsCaption')}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('plan.versionNumber')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('plan.versionStatus')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('plan.versionReason')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('plan.versionAgreedOn')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('plan.versionPdf')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {plan.versions.map((v) => (
              <TableRow key={v.number}>
                <TableHeaderCell scope="row" data-label={t('plan.versionNumber')}>
                  {v.number}
                </TableHeaderCell>
                <TableCell data-label={t('plan.versionStatus')}>{t(`plan.versionStatus.${v.status}`)}</TableCell>
                <TableCell data-label={t('plan.versionReason')}>{v.changeReason ?? ''}</TableCell>
                <TableCell data-label={t('plan.versionAgreedOn')}>{formatDate(v.agreedOn)}</TableCell>
                <TableCell data-label={t('plan.versionPdf')}>
                  <Link href={`/api/cases/${caseId}/plan/document.pdf?version=${v.number}`}>
                    {t('plan.versionPdfLink', { number: v.number })}
                  </Link>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      {latest && previous ? (
        <Paragraph>
          <AppLink to={`/dossiers/${caseId}/plan/vergelijk?van=${previous.number}&naar=${latest.number}`}>
            {t('plan.compareLink', { from: previous.number, to: latest.number })}
          </AppLink>
        </Paragraph>
      ) : null}
    </section>
  );
}
