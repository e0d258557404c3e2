import { LIFE_DOMAINS, registerReferralRequest, type ReferralView, type TeamConsultationView } from '@nabij/contracts';
import { Alert, Button, ButtonGroup, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useMemo, useRef, useState, type SyntheticEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api } from '../../app/api';
import { t } from '../../app/i18n';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroupField } from '../../components/RadioGroupField';
import { SelectField } from '../../components/SelectField';
import { labelledChoices } from './intake-format';
import { withTeamMessage } from './PublicReferralPage';
import {
  AwarenessFields,
  ChildrenAtRiskField,
  LanguageFields,
  ChildrenFields,
  Disclosure,
  FormSection,
  hasErrorUnder,
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
  toRegisterReferralInput,
  type ReferralFormValues,
} from './referral-form-values';

const DESK_CHANNELS = ['phone', 'walk_in', 'email', 'partner_signal'] as const;
const DESK_REFERRER_KINDS = ['professional', 'self', 'partner'] as const;

export interface ReferralRegisteredState {
  registered: true;
}

/**
 * Quick registration by the intake desk of a phone call, walk-in, e-mail or partner signal: the channel
 * first, then the few fields needed; everything else is tucked away below.
 */
export function RegisterReferralPage() {
  usePageTitle(t('register.title'));
  const navigate = useNavigate();
  const { user } = useSession();
  const teams = user?.teams ?? [];
  const [channel, setChannel] = useState('phone');
  const [values, setValues] = useState<ReferralFormValues>(() => emptyReferralForm(teams[0]?.id ?? ''));
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  const submitting = useRef(false);
  // Made from a consultation without a case ("even overleggen", issue #17 item 18): prefilled, and linked on saving.
  const [searchParams] = useSearchParams();
  const [consultation, setConsultation] = useState<TeamConsultationView | undefined>(undefined);
  const consultationId = searchParams.get('overleg');
  useEffect(() => {
    if (!consultationId) return;
    let cancelled = false;
    void api
      .get<{ consultations: TeamConsultationView[] }>('/api/team-consultations')
      .then(({ consultations }) => {
        const c = consultations.find((x) => x.id === consultationId && x.referralId === null);
        if (cancelled || !c) return;
        setConsultation(c);
        setChannel(c.channel === 'in_person' ? 'walk_in' : c.channel === 'email' ? 'email' : 'phone');
        setValues((v) => ({
          ...v,
          teamId: c.teamId,
          referrerKind: c.asker === 'resident' ? 'self' : 'professional',
          lifeDomains: (LIFE_DOMAINS as readonly string[]).includes(c.topic) ? [c.topic] : v.lifeDomains,
          question: v.question || t('consult.questionPrefill', { advice: c.advice }),
        }));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [consultationId]);
  const fieldOrder = useMemo(
    () => referralFieldOrder(values.residents.length, values.children.length, { before: ['channel'] }),
    [values.residents.length, values.children.length],
  );
  const errors = useFormErrors('register', fieldOrder, { nestedPaths: true });
  const update: UpdateReferralForm = (fn) => setValues(fn);

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submitting.current) return;
    const parsed = registerReferralRequest.safeParse({
      ...toRegisterReferralInput(values, { channel, idempotencyKey }),
      ...(consultation ? { consultationId: consultation.id } : {}),
    });
    if (!parsed.success) {
      errors.showIssues(withTeamMessage(parsed.error.issues));
      return;
    }
    submitting.current = true;
    setBusy(true);
    try {
      const referral = await api.post<ReferralView>('/api/referrals', parsed.data);
      const state: ReferralRegisteredState = { registered: true };
      void navigate(`/aanmeldingen/${encodeURIComponent(referral.id)}`, { state });
    } catch (error) {
      errors.showError(error);
    } finally {
      submitting.current = false;
      setBusy(false);
    }
  };

  const moreResidentsOpen = hasErrorUnder(errors, ['children']) || values.residents.length > 1;
  const moreSafetyOpen = hasErrorUnder(errors, ['tried', 'safetyNotes']);

  return (
    <>
      <PageHeading>{t('register.title')}</PageHeading>
      <Paragraph>{t('register.intro')}</Paragraph>
      {consultation ? (
        <Alert type="info">
          <Paragraph>{t('consult.fromConsultation')}</Paragraph>
        </Alert>
      ) : null}
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="page-heading">
        <RadioGroupField
          id={errors.idFor('channel')}
          legend={t('register.channel')}
          value={channel}
          choices={labelledChoices(DESK_CHANNELS, 'channel')}
          onValueChange={setChannel}
          error={errors.errorFor('channel')}
          inline
        />
        {teams.length > 1 ? (
          <SelectField
            id={errors.idFor('teamId')}
            label={t('register.team')}
            value={values.teamId}
            choices={teams.map((tm) => ({ value: tm.id, label: tm.name }))}
            onValueChange={(teamId) => setValues((v) => ({ ...v, teamId }))}
            error={errors.errorFor('teamId')}
          />
        ) : null}

        <FormSection id="register-referrer-heading" heading={t('register.referrerHeading')}>
          <RadioGroupField
            id={errors.idFor('referrerKind')}
            legend={t('register.referrerKind')}
            value={values.referrerKind}
            choices={labelledChoices(DESK_REFERRER_KINDS, 'referrerKindShort')}
            onValueChange={(referrerKind) => setValues((v) => ({ ...v, referrerKind }))}
            error={errors.errorFor('referrerKind')}
            inline
          />
          <ReferrerFields values={values} update={update} errors={errors} labels="desk" />
        </FormSection>

        <FormSection id="register-resident-heading" heading={t('register.residentHeading')}>
          <ResidentsFields values={values} update={update} errors={errors} compact />
          <LanguageFields values={values} update={update} errors={errors} />
        </FormSection>

        <FormSection id="register-question-heading" heading={t('register.questionHeading')}>
          <QuestionField values={values} update={update} errors={errors} />
          <LifeDomainsField values={values} update={update} errors={errors} domainLabel={(d) => t(`domain.${d}`)} />
          <UrgencyField values={values} update={update} errors={errors} />
          <ChildrenAtRiskField values={values} update={update} errors={errors} />
          {/* Whether the resident knows of the referral is asked of every referral, so it is not folded away. */}
          <AwarenessFields values={values} update={update} errors={errors} />
        </FormSection>

        <Disclosure summary={t('register.moreResidents')} forceOpen={moreResidentsOpen}>
          <ChildrenFields values={values} update={update} errors={errors} />
        </Disclosure>
        <Disclosure summary={t('register.moreSafety')} forceOpen={moreSafetyOpen}>
          <TriedField values={values} update={update} errors={errors} />
          <SafetyNotesField values={values} update={update} errors={errors} />
        </Disclosure>

        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {t('register.submit')}
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={() => void navigate('/aanmeldingen')}>
            {t('common.cancel')}
          </Button>
        </ButtonGroup>
      </form>
    </>
  );
}
