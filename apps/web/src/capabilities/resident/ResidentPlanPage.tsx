import {
  plainDomainLabel,
  residentActionDoneInput,
  residentAgreeInput,
  type ResidentAction,
  type ResidentPlanPage as PlanPageView,
  type ResidentPlanVersion,
} from '@nabij/contracts';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Heading3,
  Paragraph,
  StatusBadge,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useEffect, useState, type SyntheticEvent } from 'react';
import { api, ApiError } from '../../app/api';
import { errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { useResource } from '../../app/use-resource';
import { AppLink } from '../../components/AppLink';
import { CheckboxField } from '../../components/CheckboxField';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { ContactCard } from './ResidentHomePage';
import { BackToStart, NotYourSubject, SavedAlert, useResidentTitle, useSubject } from './ResidentLayout';
import { canMarkDone, formatDate, performerText, statusText } from './resident-format';

const DONE_FIELDS = ['note'] as const;

/** The inline form "Ik heb dit gedaan" with a short note. */
function DoneForm({
  personId,
  action,
  version,
  onSaved,
  onCancel,
}: {
  personId: string;
  action: ResidentAction;
  version: number;
  onSaved: (page: PlanPageView) => void;
  onCancel: () => void;
}) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(`mijn-done-${action.id}`, DONE_FIELDS);
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = residentActionDoneInput.safeParse({ version, note });
    if (!parsed.success) return errors.showIssues(parsed.error.issues);
    setBusy(true);
    try {
      onSaved(
        await api.post<PlanPageView>(
          `/api/resident/persons/${encodeURIComponent(personId)}/plan/actions/${encodeURIComponent(action.id)}/done`,
          parsed.data,
        ),
      );
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
      aria-label={t('resident.plan.doneFormLabel', { action: action.description })}
      className="nabij-resident-inline-form"
    >
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <TextAreaField
        id={errors.idFor('note')}
        label={t('resident.plan.doneNote')}
        value={note}
        onValueChange={setNote}
        error={errors.errorFor('note')}
        optional
        rows={3}
        autoFocus
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t('resident.plan.doneSave')}
        </Button>
        <Button type="button" appearance="subtle-button" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

interface GoalsProps {
  plan: ResidentPlanVersion;
  headingLevel: 2 | 3;
  done?: { personId: string; canChangePlan: boolean; onSaved: (page: PlanPageView) => void };
}

/** The goals of a plan version with their actions: what, who, when, how it stands. */
export function PlanGoals({ plan, headingLevel, done }: GoalsProps) {
  const [open, setOpen] = useState<string | undefined>(undefined);
  const GoalHeading = headingLevel === 2 ? Heading2 : Heading3;
  return (
    <>
      {plan.goals.map((g) => (
        <section key={g.id} aria-labelledby={`goal-${g.id}`} className="nabij-resident-card">
          <GoalHeading id={`goal-${g.id}`}>
            {t('resident.plan.goalHeading', { domain: plainDomainLabel(g.domain), goal: g.goal })}
          </GoalHeading>
          <dl className="nabij-resident-dl">
            <div>
              <dt>{t('resident.plan.problem')}</dt>
              <dd>{g.problem}</dd>
            </div>
            {g.intendedResult ? (
              <div>
                <dt>{t('resident.plan.result')}</dt>
                <dd>{g.intendedResult}</dd>
              </div>
            ) : null}
          </dl>
          {g.actions.length === 0 ? <Paragraph>{t('resident.plan.noActions')}</Paragraph> : null}
          {g.actions.length > 0 ? (
            <ul className="nabij-resident-actions" aria-label={t('resident.plan.actions')}>
              {g.actions.map((a) => (
                <li key={a.id} className="nabij-resident-action">
                  <Paragraph className="nabij-resident-action__what">{a.description}</Paragraph>
                  <dl className="nabij-resident-dl">
                    <div>
                      <dt>{t('resident.plan.who')}</dt>
                      <dd>{performerText(a)}</dd>
                    </div>
                    {a.dueOn ? (
                      <div>
                        <dt>{t('resident.plan.when')}</dt>
                        <dd>{formatDate(a.dueOn)}</dd>
                      </div>
                    ) : null}
                    <div>
                      <dt>{t('resident.plan.state')}</dt>
                      <dd>
                        <StatusBadge status={a.status === 'done' ? 'safe' : undefined} className="nabij-badge">
                          {statusText(a.status)}
                        </StatusBadge>
                      </dd>
                    </div>
                    {a.progressNote ? (
                      <div>
                        <dt>{t('resident.plan.note')}</dt>
                        <dd className="nabij-resident-pre">{a.progressNote}</dd>
                      </div>
                    ) : null}
                  </dl>
                  {done && canMarkDone(a, done.canChangePlan) ? (
                    open === a.id ? (
                      <DoneForm
                        personId={done.personId}
                        action={a}
                        version={plan.version}
                        onCancel={() => setOpen(undefined)}
                        onSaved={(page) => {
                          setOpen(undefined);
                          done.onSaved(page);
                        }}
                      />
                    ) : (
                      <Button
                        appearance="secondary-action-button"
                        aria-label={t('resident.plan.markDoneFor', { action: a.description })}
                        onClick={() => setOpen(a.id)}
                      >
                        {t('resident.plan.markDone')}
                      </Button>
                    )
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
      {plan.parties.length > 0 ? (
        <section aria-labelledby={`parties-${plan.number}`} className="nabij-resident-card">
          <GoalHeading id={`parties-${plan.number}`}>{t('resident.plan.partiesHeading')}</GoalHeading>
          <UnorderedList>
            {plan.parties.map((p, i) => (
              <UnorderedListItem key={`${p.name}-${i}`}>
                {t('resident.plan.party', {
                  name: p.organisation ? `${p.name} (${p.organisation})` : p.name,
                  part: p.part,
                })}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </section>
      ) : null}
    </>
  );
}

/** "Mijn plan": the agreed plan, with the household's own actions to mark done, and a new version waiting. */
export function ResidentPlanPage() {
  useResidentTitle(t('resident.plan.title'));
  const { subject, personId } = useSubject();
  const plan = useResource<PlanPageView>(`/api/resident/persons/${encodeURIComponent(personId)}/plan`);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  if (!subject) return <NotYourSubject />;
  const base = `/mijn/${encodeURIComponent(personId)}`;
  return (
    <>
      <BackToStart personId={personId} />
      <PageHeading>{t('resident.plan.title')}</PageHeading>
      {plan.status === 'loading' ? <Loading label={t('resident.loading')} /> : null}
      {plan.status === 'failed' ? (
        <Alert type="error">
          <Paragraph>{errorText(plan.error)}</Paragraph>
        </Alert>
      ) : null}
      {plan.status === 'ready' ? (
        <>
          {saved ? <SavedAlert text={saved} /> : null}
          <Paragraph>{t('resident.plan.intro')}</Paragraph>
          {plan.data.offered ? (
            <Alert type="info">
              <Heading2>{t('resident.plan.newVersionHeading')}</Heading2>
              <Paragraph>{t('resident.plan.newVersionText', { number: plan.data.offered.number })}</Paragraph>
              <Paragraph>
                <AppLink to={`${base}/plan/akkoord`}>{t('resident.plan.readAndAgree')}</AppLink>
              </Paragraph>
            </Alert>
          ) : null}
          {!plan.data.canChangePlan ? (
            <Paragraph className="nabij-muted">{t('resident.plan.readOnly')}</Paragraph>
          ) : null}
          {plan.data.agreed ? (
            <>
              <Paragraph>
                {t('resident.plan.version', {
                  number: plan.data.agreed.number,
                  date: formatDate(plan.data.agreed.agreedOn),
                })}
              </Paragraph>
              <PlanGoals
                plan={plan.data.agreed}
                headingLevel={2}
                done={{
                  personId,
                  canChangePlan: plan.data.canChangePlan,
                  onSaved: (page) => {
                    plan.setData(page);
                    setSaved(t('resident.plan.doneSaved'));
                  },
                }}
              />
            </>
          ) : (
            <Paragraph>{t('resident.plan.none')}</Paragraph>
          )}
          <ContactCard contact={plan.data.contact} />
        </>
      ) : null}
    </>
  );
}

const AGREE_FIELDS = ['typedName', 'confirm'] as const;

/** Reads the new version the worker offered and agrees to it digitally (typed name and a confirmation). */
export function ResidentAgreePage() {
  useResidentTitle(t('resident.agree.title'));
  const { subject, personId } = useSubject();
  const plan = useResource<PlanPageView>(`/api/resident/persons/${encodeURIComponent(personId)}/plan`);
  const [typedName, setTypedName] = useState('');
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  const [agreed, setAgreed] = useState<number | undefined>(undefined);
  const [outdated, setOutdated] = useState(false);
  const errors = useFormErrors('mijn-akkoord', AGREE_FIELDS);
  useEffect(() => {
    if (subject && !typedName) setTypedName(subject.name);
    // Only the first time the person is known.
  }, [subject?.personId]);
  if (!subject) return <NotYourSubject />;
  const offered = plan.data?.offered ?? null;

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!offered) return;
    const parsed = residentAgreeInput.safeParse({
      number: offered.number,
      version: offered.version,
      typedName,
      confirm: confirm ? true : undefined,
    });
    if (!parsed.success) return errors.showIssues(parsed.error.issues);
    setBusy(true);
    try {
      const page = await api.post<PlanPageView>(
        `/api/resident/persons/${encodeURIComponent(personId)}/plan/agreement`,
        parsed.data,
      );
      errors.clear();
      setAgreed(offered.number);
      plan.setData(page);
    } catch (error) {
      setOutdated(error instanceof ApiError && error.code === 'plan_version_outdated');
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <BackToStart personId={personId} />
      <PageHeading>{t('resident.agree.title')}</PageHeading>
      {plan.status === 'loading' ? <Loading label={t('resident.loading')} /> : null}
      {plan.status === 'failed' ? (
        <Alert type="error">
          <Paragraph>{errorText(plan.error)}</Paragraph>
        </Alert>
      ) : null}
      {agreed !== undefined ? (
        <>
          <SavedAlert text={t('resident.agree.done', { number: agreed })} />
          <Paragraph>
            <AppLink to={`/mijn/${encodeURIComponent(personId)}/plan`}>{t('resident.nav.plan')}</AppLink>
          </Paragraph>
        </>
      ) : null}
      {plan.status === 'ready' && !offered && agreed === undefined ? (
        <Paragraph>{t('resident.agree.nothing')}</Paragraph>
      ) : null}
      {plan.status === 'ready' && offered && agreed === undefined ? (
        <>
          <Paragraph>{t('resident.agree.intro')}</Paragraph>
          {offered.changeReason ? (
            <Paragraph>{t('resident.agree.reason', { reason: offered.changeReason })}</Paragraph>
          ) : null}
          <PlanGoals plan={offered} headingLevel={2} />
          {plan.data.canChangePlan ? (
            <section aria-labelledby="mijn-akkoord-heading" className="nabij-resident-card">
              <Heading2 id="mijn-akkoord-heading">{t('resident.agree.formHeading')}</Heading2>
              <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
              {outdated ? (
                <ButtonGroup>
                  <Button
                    appearance="secondary-action-button"
                    onClick={() => {
                      setOutdated(false);
                      errors.clear();
                      plan.reload();
                    }}
                  >
                    {t('resident.agree.reload')}
                  </Button>
                </ButtonGroup>
              ) : null}
              <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="mijn-akkoord-heading">
                <TextField
                  id={errors.idFor('typedName')}
                  label={t('resident.agree.name')}
                  description={t('resident.agree.nameHint')}
                  value={typedName}
                  onValueChange={setTypedName}
                  error={errors.errorFor('typedName')}
                  autoComplete="name"
                  required
                />
                <CheckboxField
                  id={errors.idFor('confirm')}
                  label={t('resident.agree.confirm')}
                  checked={confirm}
                  onCheckedChange={setConfirm}
                  error={errors.errorFor('confirm')}
                />
                <ButtonGroup>
                  <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
                    {t('resident.agree.submit')}
                  </Button>
                </ButtonGroup>
              </form>
            </section>
          ) : (
            <Paragraph className="nabij-muted">{t('resident.plan.readOnly')}</Paragraph>
          )}
        </>
      ) : null}
    </>
  );
}
