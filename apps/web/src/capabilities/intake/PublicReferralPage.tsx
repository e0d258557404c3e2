import { publicReferralRequest } from '@nabij/contracts';
import {
  Alert,
  Button,
  ButtonGroup,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useEffect, useMemo, useRef, useState, type ChangeEvent, type SyntheticEvent } from 'react';
import { useParams } from 'react-router';
import { api } from '../../app/api';
import { ApiError, errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroupField } from '../../components/RadioGroupField';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { ATTACHMENT_ACCEPT, readFileAsBase64, sortChosenFiles, type ChosenAttachment } from './attachments';
import { formatBytes } from './intake-format';
import { PublicLayout } from './PublicLayout';
import {
  AwarenessFields,
  ChildrenAtRiskField,
  LanguageFields,
  ChildrenFields,
  FormSection,
  LifeDomainsField,
  QuestionField,
  ReferrerFields,
  ResidentsFields,
  SafetyNotesField,
  TriedField,
  UrgencyField,
  type UpdateReferralForm,
} from './ReferralFormParts';
import {
  emptyReferralForm,
  referralFieldOrder,
  selfReferralIssues,
  toPublicReferralInput,
  type ReferralFormValues,
} from './referral-form-values';

/** The demo municipality; `/aanmelden` without a municipality uses it. */
export const DEFAULT_TENANT_SLUG = 'voorbeeld';

interface FormInfo {
  tenantName: string;
  teams: { id: string; name: string; area: string | null; acceptsSelfReferrals: boolean }[];
}

/** An empty team choice fails the contract as an invalid reference; say what to do instead. */
export function withTeamMessage<T extends { path: readonly PropertyKey[]; message: string }>(
  issues: readonly T[],
): T[] {
  return issues.map((issue) => (issue.path[0] === 'teamId' ? { ...issue, message: t('public.teamRequired') } : issue));
}

function teamLabel(team: FormInfo['teams'][number]): string {
  return team.area ? `${team.name} (${team.area})` : team.name;
}

function Received({
  reference,
  emailGiven,
  onAnother,
}: {
  reference: string;
  emailGiven: boolean;
  onAnother: () => void;
}) {
  usePageTitle(t('public.receivedTitle'));
  useEffect(() => {
    document.getElementById('page-heading')?.focus();
  }, []);
  return (
    <>
      <PageHeading>{t('public.receivedTitle')}</PageHeading>
      <Alert type="ok">
        <Paragraph data-testid="referral-received">{t('public.received', { reference })}</Paragraph>
      </Alert>
      <Paragraph>{emailGiven ? t('public.receivedEmail') : t('public.receivedNoEmail')}</Paragraph>
      <Paragraph>{t('public.receivedNext')}</Paragraph>
      <ButtonGroup>
        <Button appearance="secondary-action-button" onClick={onAnother}>
          {t('public.another')}
        </Button>
      </ButtonGroup>
    </>
  );
}

function ReferralForm({
  info,
  slug,
  onReceived,
}: {
  info: FormInfo;
  slug: string;
  onReceived: (reference: string, emailGiven: boolean) => void;
}) {
  const onlyTeam = info.teams.length === 1 ? info.teams[0] : undefined;
  const [values, setValues] = useState<ReferralFormValues>(() => emptyReferralForm(onlyTeam?.id ?? ''));
  const [website, setWebsite] = useState('');
  const [attachments, setAttachments] = useState<ChosenAttachment[]>([]);
  const [attachmentProblems, setAttachmentProblems] = useState<string[]>([]);
  // One key per form: a double click or a retry after a lost answer never makes two referrals.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  const submitting = useRef(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const fieldOrder = useMemo(
    () => referralFieldOrder(values.residents.length, values.children.length, { after: ['attachments'] }),
    [values.residents.length, values.children.length],
  );
  const errors = useFormErrors('referral', fieldOrder, { nestedPaths: true });
  const update: UpdateReferralForm = (fn) => setValues(fn);

  const team = info.teams.find((tm) => tm.id === values.teamId);
  const selfAllowed = team ? team.acceptsSelfReferrals : info.teams.some((tm) => tm.acceptsSelfReferrals);
  const kinds = selfAllowed ? ['professional', 'self'] : ['professional'];

  const chooseTeam = (teamId: string) => {
    const chosen = info.teams.find((tm) => tm.id === teamId);
    setValues((v) => ({
      ...v,
      teamId,
      referrerKind:
        v.referrerKind === 'self' && chosen && !chosen.acceptsSelfReferrals ? 'professional' : v.referrerKind,
    }));
  };

  const addFiles = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    const { accepted, problems } = sortChosenFiles(files, attachments.length);
    const read: ChosenAttachment[] = [];
    for (const file of accepted) {
      try {
        read.push({
          key: crypto.randomUUID(),
          filename: file.name,
          sizeBytes: file.size,
          contentBase64: await readFileAsBase64(file),
        });
      } catch {
        problems.push(t('public.attachmentUnreadable', { name: file.name }));
      }
    }
    setAttachments((list) => [...list, ...read]);
    setAttachmentProblems(problems);
  };

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting.current) return;
    const parsed = publicReferralRequest.safeParse(
      toPublicReferralInput(values, { idempotencyKey, website, attachments }),
    );
    if (!parsed.success) {
      errors.showIssues(withTeamMessage(selfReferralIssues(parsed.error.issues, values.referrerKind)));
      return;
    }
    const body = parsed.data;
    submitting.current = true;
    setBusy(true);
    try {
      const { reference } = await api.post<{ reference: string }>(
        `/api/public/referrals/${encodeURIComponent(slug)}`,
        body,
      );
      errors.clear();
      onReceived(reference, Boolean(body.referrer.email));
    } catch (error) {
      errors.showError(error);
    } finally {
      submitting.current = false;
      setBusy(false);
    }
  };

  const attachmentsError =
    errors.errorFor('attachments') ?? (attachmentProblems.length > 0 ? attachmentProblems.join(' ') : undefined);
  const attachmentsId = errors.idFor('attachments');
  const isSelf = values.referrerKind === 'self';

  return (
    <>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="page-heading" className="nabij-referral-form">
        <FormSection id="referral-who-heading" heading={t('public.whoLegend')}>
          <SelectField
            id={errors.idFor('teamId')}
            label={t('public.team')}
            description={t('public.teamDescription')}
            value={values.teamId}
            choices={info.teams.map((tm) => ({ value: tm.id, label: teamLabel(tm) }))}
            onValueChange={chooseTeam}
            error={errors.errorFor('teamId')}
            emptyLabel={onlyTeam ? undefined : t('public.teamEmpty')}
            required
          />
          <RadioGroupField
            id={errors.idFor('referrerKind')}
            legend={t('public.whoLegend')}
            value={values.referrerKind}
            choices={kinds.map((k) => ({ value: k, label: t(`referrerKind.${k}`) }))}
            onValueChange={(referrerKind) => setValues((v) => ({ ...v, referrerKind }))}
            error={errors.errorFor('referrerKind')}
          />
          {!selfAllowed ? <Paragraph>{t('public.whoSelfUnavailable')}</Paragraph> : null}
        </FormSection>

        {/* A resident who refers themselves gives name and phone once, as the first resident (issue #19 item 5). */}
        {!isSelf ? (
          <FormSection id="referral-referrer-heading" heading={t('public.referrerHeading')}>
            <ReferrerFields values={values} update={update} errors={errors} labels="public" />
          </FormSection>
        ) : null}

        <FormSection
          id="referral-residents-heading"
          heading={isSelf ? t('public.residentsHeadingSelf') : t('public.residentsHeading')}
        >
          <ResidentsFields values={values} update={update} errors={errors} compact={false} />
          {isSelf ? (
            <>
              <Paragraph>{t('public.contactDescription')}</Paragraph>
              <TextField
                id={errors.idFor('referrer.email')}
                label={t('public.selfEmail')}
                value={values.referrer.email}
                onValueChange={(email) => setValues((v) => ({ ...v, referrer: { ...v.referrer, email } }))}
                error={errors.errorFor('referrer.email')}
                optional
                type="email"
                autoComplete="email"
                spellCheck={false}
                description={t('public.referrerEmailDescription')}
              />
            </>
          ) : null}
          <LanguageFields values={values} update={update} errors={errors} />
        </FormSection>

        <FormSection id="referral-children-heading" heading={t('public.childrenHeading')}>
          <ChildrenFields values={values} update={update} errors={errors} />
        </FormSection>

        <FormSection id="referral-question-heading" heading={t('public.questionHeading')}>
          <LifeDomainsField values={values} update={update} errors={errors} />
          <QuestionField values={values} update={update} errors={errors} />
          <TriedField values={values} update={update} errors={errors} />
          <UrgencyField values={values} update={update} errors={errors} />
        </FormSection>

        <FormSection id="referral-safety-heading" heading={t('public.safetyHeading')}>
          <ChildrenAtRiskField values={values} update={update} errors={errors} />
          <SafetyNotesField values={values} update={update} errors={errors} />
          {!isSelf ? <AwarenessFields values={values} update={update} errors={errors} /> : null}
        </FormSection>

        <FormSection id="referral-attachments-heading" heading={t('public.attachmentsHeading')}>
          <FormField
            invalid={Boolean(attachmentsError)}
            label={
              <FormLabel htmlFor={attachmentsId}>
                {t('public.attachments')} <span className="nabij-optional">{t('form.optional')}</span>
              </FormLabel>
            }
            description={
              <FormFieldDescription id={`${attachmentsId}-description`}>
                {t('public.attachmentsDescription')}
              </FormFieldDescription>
            }
            errorMessage={
              attachmentsError ? (
                <FormFieldErrorMessage id={`${attachmentsId}-error`}>{attachmentsError}</FormFieldErrorMessage>
              ) : undefined
            }
            input={
              <input
                ref={fileInput}
                id={attachmentsId}
                type="file"
                multiple
                accept={ATTACHMENT_ACCEPT}
                className="nabij-file-input"
                disabled={attachments.length >= 3}
                aria-invalid={attachmentsError ? true : undefined}
                aria-describedby={[attachmentsError ? `${attachmentsId}-error` : '', `${attachmentsId}-description`]
                  .filter(Boolean)
                  .join(' ')}
                onChange={(e) => void addFiles(e)}
              />
            }
          />
          {attachments.length > 0 ? (
            <>
              <Paragraph id="referral-attachments-chosen">{t('public.attachmentsChosen')}</Paragraph>
              <UnorderedList aria-labelledby="referral-attachments-chosen">
                {attachments.map((a) => (
                  <UnorderedListItem key={a.key}>
                    {a.filename} ({formatBytes(a.sizeBytes)}){' '}
                    <Button
                      type="button"
                      appearance="subtle-button"
                      onClick={() => {
                        setAttachments((list) => list.filter((x) => x.key !== a.key));
                        window.setTimeout(() => fileInput.current?.focus(), 0);
                      }}
                    >
                      {t('public.removeAttachment', { name: a.filename })}
                    </Button>
                  </UnorderedListItem>
                ))}
              </UnorderedList>
            </>
          ) : null}
        </FormSection>

        {/* A trap for robots: people never see or reach this field, so it stays empty. */}
        <div className="nabij-honeypot" aria-hidden="true">
          <label htmlFor="referral-website">{t('public.honeypot')}</label>
          <input
            id="referral-website"
            name="website"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            value={website}
            onChange={(e) => setWebsite(e.target.value)}
          />
        </div>

        <Paragraph>{t('public.privacy')}</Paragraph>
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('public.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}

/** The public referral form at /aanmelden and /aanmelden/:gemeente, for professionals and (where allowed) residents. */
export function PublicReferralPage() {
  const { gemeente } = useParams();
  const slug = gemeente ?? DEFAULT_TENANT_SLUG;
  const info = useResource<FormInfo>(`/api/public/referral-form/${encodeURIComponent(slug)}`);
  const [received, setReceived] = useState<{ reference: string; emailGiven: boolean } | undefined>(undefined);
  const [formKey, setFormKey] = useState(0);
  const notFound = info.status === 'failed' && info.error instanceof ApiError && info.error.status === 404;
  usePageTitle(notFound ? t('public.unavailableTitle') : t('public.title'));
  const tenantName = info.status === 'ready' ? info.data.tenantName : undefined;

  return (
    <PublicLayout tenantName={tenantName} tenantSlug={slug}>
      {received ? (
        <Received
          reference={received.reference}
          emailGiven={received.emailGiven}
          onAnother={() => {
            setReceived(undefined);
            setFormKey((k) => k + 1);
            window.setTimeout(() => document.getElementById('page-heading')?.focus(), 0);
          }}
        />
      ) : (
        <>
          <PageHeading>{notFound ? t('public.unavailableTitle') : t('public.title')}</PageHeading>
          {info.status === 'loading' ? <Loading /> : null}
          {info.status === 'failed' ? (
            <Alert type="error">
              <Paragraph>{notFound ? t('error.tenant_not_found') : errorText(info.error)}</Paragraph>
            </Alert>
          ) : null}
          {info.status === 'ready' ? (
            <>
              <Paragraph>{t('public.intro', { tenant: info.data.tenantName })}</Paragraph>
              <Alert type="info">
                <Paragraph>{t('public.emergency')}</Paragraph>
              </Alert>
              <ReferralForm
                key={formKey}
                info={info.data}
                slug={slug}
                onReceived={(reference, emailGiven) => {
                  setReceived({ reference, emailGiven });
                  window.scrollTo(0, 0);
                }}
              />
            </>
          ) : null}
        </>
      )}
    </PublicLayout>
  );
}
