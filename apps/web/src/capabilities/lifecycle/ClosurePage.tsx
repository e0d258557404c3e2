import {
  ACTION_DECISIONS,
  CLOSURE_OUTCOMES,
  CLOSURE_REASONS,
  closeCaseInput,
  closingQuestionInput,
  GOAL_RESULTS,
  WATCH_LENGTH_MONTHS,
} from '@nabij/contracts';
import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Heading3,
  Paragraph,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useRef, useState, type SyntheticEvent } from 'react';
import { useParams } from 'react-router';
import { api } from '../../app/api';
import { municipalDay, municipalToday } from '../../app/dates';
import { ApiError } from '../../app/errors';
import { t } from '../../app/i18n';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { AppButtonLink, AppLink } from '../../components/AppLink';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useFormErrors } from '../../components/form-state';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { RadioGroupField } from '../../components/RadioGroupField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { zrmDomainLabel } from '../case-files/case-format';
import { CaseLoadError, failedTitle } from '../case-files/CaseParts';
import { formatDate } from '../persons/person-format';
import { domainLabel } from '../plan/plan-format';
import { closureReviewLink } from '../coordination/coordination-format';
import { ClosureLetters } from './ClosureLetters';
import {
  carriedGoalResults,
  closureRequest,
  currentClosure,
  decisionField,
  emptyClosureForm,
  watchEndsOn,
  type ClosureForm,
  type Course,
} from './lifecycle-format';
import './lifecycle.css';

function Comparison({
  comparison,
  caseId,
  hasClosingZrm,
}: {
  comparison: Course['comparison'];
  caseId: string;
  hasClosingZrm: boolean;
}) {
  return (
    <>
      {!hasClosingZrm ? (
        <Paragraph>
          {t('closure.noClosingZrm')}{' '}
          <AppLink to={`/dossiers/${encodeURIComponent(caseId)}/zrm/nieuw`}>{t('closure.scoreClosingZrm')}</AppLink>
        </Paragraph>
      ) : null}
      {comparison.zrm.length === 0 ? <Paragraph>{t('closure.comparisonNone')}</Paragraph> : null}
      {comparison.zrm.map((p) => (
        <div key={p.personId} className="nabij-table-scroll nabij-lifecycle-table">
          <Table className="nabij-responsive-table">
            <TableCaption>
              {p.closingKind
                ? t('closure.zrmCaption', {
                    name: p.personName,
                    start: formatDate(p.startOn),
                    kind: t(`closure.zrmKind.${p.closingKind}`),
                    closing: formatDate(p.closingOn),
                  })
                : t('closure.zrmCaptionNoLater', { name: p.personName, start: formatDate(p.startOn) })}
            </TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('closure.domain')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('closure.start')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('closure.now')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('closure.change')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {p.domains.map((d) => (
                <TableRow key={d.domain}>
                  <TableHeaderCell scope="row" data-label={t('closure.domain')}>
                    {zrmDomainLabel(d.domain)}
                  </TableHeaderCell>
                  <TableCell data-label={t('closure.start')}>{d.start ?? '–'}</TableCell>
                  <TableCell data-label={t('closure.now')}>{d.closing ?? '–'}</TableCell>
                  <TableCell data-label={t('closure.change')}>
                    <span className={`nabij-change nabij-change--${d.change}`}>{t(`closure.change.${d.change}`)}</span>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ))}
      {comparison.participation.length > 0 ? (
        <div className="nabij-table-scroll nabij-lifecycle-table">
          <Table className="nabij-responsive-table">
            <TableCaption>{t('closure.participationCaption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('closure.person')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('closure.first')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('closure.last')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('closure.change')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {comparison.participation.map((p) => (
                <TableRow key={p.personId}>
                  <TableHeaderCell scope="row" data-label={t('closure.person')}>
                    {p.personName}
                  </TableHeaderCell>
                  <TableCell data-label={t('closure.first')}>
                    {t('closure.rungOn', { rung: p.firstRung, date: formatDate(p.firstOn) })}
                  </TableCell>
                  <TableCell data-label={t('closure.last')}>
                    {t('closure.rungOn', { rung: p.lastRung, date: formatDate(p.lastOn) })}
                  </TableCell>
                  <TableCell data-label={t('closure.change')}>{t(`closure.change.${p.change}`)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </>
  );
}

function fieldOrder(course: Course): string[] {
  const goals = (course.plan?.goals ?? []).flatMap((_, i) => [
    `goals.${i}.status`,
    `goals.${i}.result`,
    `goals.${i}.sideEffects`,
  ]);
  const actions = (course.plan?.openActions ?? []).flatMap((a) => [decisionField(a.id)]);
  return [
    'goals',
    ...goals,
    'processWorked',
    'processLearned',
    'somethingGoesWrong',
    'closingQuestionExplanation',
    'riskNote',
    'reason',
    'referredTo',
    'reasonOther',
    'aftercare',
    ...actions,
    'outcome',
    'closedOn',
    'watch.checkInIntervalWeeks',
    'watch.endsOn',
  ];
}

/** The team coordinator changes a mistaken "ja" into "nee", with a reason that is kept and logged (ADR 0034). */
function ChangeYesForm({ course, onChanged }: { course: Course; onChanged: () => void }) {
  const errors = useFormErrors('closure-change', ['changeReason']);
  const [changeReason, setChangeReason] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!changeReason.trim())
      return errors.showIssues([{ path: ['changeReason'], message: t('closure.changeYesReasonRequired') }]);
    const parsed = closingQuestionInput.safeParse({ somethingGoesWrong: false, changeReason });
    if (!parsed.success) return errors.showIssues(parsed.error.issues);
    setBusy(true);
    try {
      await api.post<Course>(`/api/cases/${encodeURIComponent(course.caseId)}/closing-question`, parsed.data);
      errors.clear();
      onChanged();
    } catch (error) {
      errors.showError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="nabij-disclosure">
      <summary className="nabij-disclosure__summary">{t('closure.changeYes')}</summary>
      <div className="nabij-disclosure__content">
        <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
        <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('closure.changeYes')}>
          <TextAreaField
            id={errors.idFor('changeReason')}
            label={t('closure.changeYesReason')}
            value={changeReason}
            onValueChange={setChangeReason}
            error={errors.errorFor('changeReason')}
            rows={2}
            required
          />
          <ButtonGroup>
            <Button type="submit" appearance="secondary-action-button" busy={busy} disabled={busy}>
              {t('closure.changeYesSubmit')}
            </Button>
          </ButtonGroup>
        </form>
      </div>
    </details>
  );
}

/** Where a "ja" to the closing question stands with the case review meeting (ADR 0034). */
function ReviewState({ course, onChanged }: { course: Course; onChanged: () => void }) {
  const { user } = useSession();
  const r = course.closureReview;
  if (!r) return null;
  const coordinatorChange =
    r.decision !== 'continue' && user?.roles.includes('team_coordinator') ? (
      <ChangeYesForm course={course} onChanged={onChanged} />
    ) : null;
  const decidedOn = r.decidedAt ? formatDate(municipalDay(r.decidedAt)) : '';
  if (r.decision === 'close') {
    return (
      <>
        <Alert type="info">
          <Paragraph>{t('closure.review.close', { date: decidedOn, advice: r.advice ?? '' })}</Paragraph>
        </Alert>
        {coordinatorChange}
      </>
    );
  }
  if (r.decision === 'continue') {
    return (
      <Alert type="info">
        <Paragraph>{t('closure.review.continue', { date: decidedOn, advice: r.advice ?? '' })}</Paragraph>
      </Alert>
    );
  }
  return (
    <>
      <Alert type="warning">
        <Paragraph>
          {r.onAgenda
            ? t('closure.review.onAgenda', { date: formatDate(r.onAgenda.meetingDate) })
            : t('closure.review.notOnAgenda')}{' '}
          {r.onAgenda ? null : (
            <AppLink to={closureReviewLink(course.caseId)}>{t('closure.review.putOnAgenda')}</AppLink>
          )}
        </Paragraph>
      </Alert>
      {coordinatorChange}
    </>
  );
}

export function CloseForm({
  course,
  onClosed,
  onRefused,
}: {
  course: Course;
  onClosed: (next: Course) => void;
  onRefused: () => void;
}) {
  const errors = useFormErrors('closure', fieldOrder(course), { nestedPaths: true });
  // While a "ja" stands (not overturned by a decision to continue), the answer stays "ja".
  const [f, setF] = useState<ClosureForm>(() => ({
    ...emptyClosureForm(municipalToday()),
    somethingGoesWrong: course.closureReview && course.closureReview.decision !== 'continue' ? 'yes' : '',
  }));
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ClosureForm>) => setF((x) => ({ ...x, ...patch }));
  const goals = course.plan?.goals ?? [];
  const carried = carriedGoalResults(course);
  const asked = goals.filter((g) => !carried.has(g.id) || f.changedGoals[g.id]);
  const open = course.plan?.openActions ?? [];
  const setGoal = (id: string, patch: Partial<ClosureForm['goals'][string]>) =>
    setF((x) => ({
      ...x,
      goals: {
        ...x.goals,
        [id]: {
          status: x.goals[id]?.status ?? '',
          result: x.goals[id]?.result ?? '',
          sideEffects: x.goals[id]?.sideEffects ?? '',
          ...patch,
        },
      },
    }));
  const setDecision = (id: string, patch: Partial<ClosureForm['decisions'][string]>) =>
    setF((x) => ({
      ...x,
      decisions: {
        ...x.decisions,
        [id]: {
          decision: x.decisions[id]?.decision ?? '',
          handedOverTo: x.decisions[id]?.handedOverTo ?? '',
          ...patch,
        },
      },
    }));

  const submit = async (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const request = closureRequest(course, f);
    const parsed = closeCaseInput.safeParse(request);
    if (!parsed.success) {
      // Decisions are keyed by action id (as the API does), so each message sits at its own action.
      const decided = open.filter((a) => f.decisions[a.id]?.decision);
      errors.showIssues(
        parsed.error.issues.map((i) => ({
          ...i,
          path:
            i.path[0] === 'actionDecisions' && typeof i.path[1] === 'number'
              ? ['actionDecisions', decided[i.path[1]]?.id ?? '', ...i.path.slice(2)]
              : i.path,
        })),
      );
      return;
    }
    setBusy(true);
    try {
      const next = await api.post<Course>(`/api/cases/${encodeURIComponent(course.caseId)}/closure`, parsed.data);
      errors.clear();
      onClosed(next);
    } catch (error) {
      errors.showError(error);
      if (error instanceof ApiError && error.code === 'closure_needs_team_meeting') onRefused();
    } finally {
      setBusy(false);
    }
  };
  const closeWithRisk = f.somethingGoesWrong === 'yes' && course.closureReview?.decision === 'close';
  const yes = f.somethingGoesWrong === 'yes' && !closeWithRisk;
  return (
    <>
      <ErrorSummary message={errors.message} items={errors.items} focusKey={errors.focusKey} />
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('closure.title')}>
        <section aria-labelledby="closure-goals-heading" className="nabij-section">
          <Heading2 id="closure-goals-heading">{t('closure.goalsHeading')}</Heading2>
          {goals.length === 0 ? <Paragraph>{t('closure.goalsNone')}</Paragraph> : null}
          {errors.errorFor('goals') ? (
            <Alert type="error">
              <Paragraph id={errors.idFor('goals')}>{errors.errorFor('goals')}</Paragraph>
            </Alert>
          ) : null}
          {goals.map((g) => {
            const fromEvaluation = carried.get(g.id);
            const i = asked.indexOf(g);
            return (
              <div key={g.id} className="nabij-lifecycle-goal">
                <Heading3>
                  {domainLabel(g.domain)}: {g.goal}
                </Heading3>
                {fromEvaluation && !f.changedGoals[g.id] ? (
                  <>
                    <Paragraph>
                      {t('closure.fromEvaluation', {
                        date: formatDate(fromEvaluation.heldOn),
                        status: t(`closure.result.${fromEvaluation.status}`),
                      })}
                      {fromEvaluation.note ? ` ${fromEvaluation.note}` : ''}
                    </Paragraph>
                    <ButtonGroup>
                      <Button
                        type="button"
                        appearance="subtle-button"
                        aria-label={t('closure.changeResultOf', { goal: g.goal })}
                        onClick={() => {
                          setF((x) => ({ ...x, changedGoals: { ...x.changedGoals, [g.id]: true } }));
                          setGoal(g.id, { status: fromEvaluation.status, result: fromEvaluation.note ?? '' });
                        }}
                      >
                        {t('closure.changeResult')}
                      </Button>
                    </ButtonGroup>
                  </>
                ) : (
                  <>
                    <RadioGroupField
                      id={errors.idFor(`goals.${i}.status`)}
                      legend={t('closure.goalResult', { goal: g.goal })}
                      value={f.goals[g.id]?.status ?? ''}
                      choices={GOAL_RESULTS.map((s) => ({ value: s, label: t(`closure.result.${s}`) }))}
                      onValueChange={(status) => setGoal(g.id, { status })}
                      error={errors.errorFor(`goals.${i}.status`)}
                      inline
                    />
                    <TextAreaField
                      id={errors.idFor(`goals.${i}.result`)}
                      label={t('closure.goalResultText', { goal: g.goal })}
                      value={f.goals[g.id]?.result ?? ''}
                      onValueChange={(result) => setGoal(g.id, { result })}
                      error={errors.errorFor(`goals.${i}.result`)}
                      rows={2}
                      required
                    />
                    <TextAreaField
                      id={errors.idFor(`goals.${i}.sideEffects`)}
                      label={t('closure.goalSideEffects', { goal: g.goal })}
                      value={f.goals[g.id]?.sideEffects ?? ''}
                      onValueChange={(sideEffects) => setGoal(g.id, { sideEffects })}
                      error={errors.errorFor(`goals.${i}.sideEffects`)}
                      rows={2}
                      optional
                    />
                  </>
                )}
              </div>
            );
          })}
        </section>
        <section aria-labelledby="closure-comparison-heading" className="nabij-section">
          <Heading2 id="closure-comparison-heading">{t('closure.comparisonHeading')}</Heading2>
          <Comparison comparison={course.comparison} caseId={course.caseId} hasClosingZrm={course.hasClosingZrm} />
        </section>
        <section aria-labelledby="closure-process-heading" className="nabij-section">
          <Heading2 id="closure-process-heading">{t('closure.processHeading')}</Heading2>
          <TextAreaField
            id={errors.idFor('processWorked')}
            label={t('closure.processWorked')}
            value={f.processWorked}
            onValueChange={(processWorked) => set({ processWorked })}
            error={errors.errorFor('processWorked')}
            rows={3}
            required
          />
          <TextAreaField
            id={errors.idFor('processLearned')}
            label={t('closure.processLearned')}
            value={f.processLearned}
            onValueChange={(processLearned) => set({ processLearned })}
            error={errors.errorFor('processLearned')}
            rows={3}
            required
          />
        </section>
        <section aria-labelledby="closure-question-heading" className="nabij-section">
          <Heading2 id="closure-question-heading">{t('closure.questionHeading')}</Heading2>
          <ReviewState course={course} onChanged={onRefused} />
          <RadioGroupField
            id={errors.idFor('somethingGoesWrong')}
            legend={t('closure.question')}
            value={f.somethingGoesWrong}
            choices={[
              { value: 'no', label: t('common.no') },
              { value: 'yes', label: t('common.yes') },
            ]}
            onValueChange={(v) => set({ somethingGoesWrong: v === 'yes' ? 'yes' : 'no' })}
            error={errors.errorFor('somethingGoesWrong')}
            inline
          />
          <TextAreaField
            id={errors.idFor('closingQuestionExplanation')}
            label={t('closure.questionExplanation')}
            value={f.closingQuestionExplanation}
            onValueChange={(closingQuestionExplanation) => set({ closingQuestionExplanation })}
            error={errors.errorFor('closingQuestionExplanation')}
            rows={2}
            optional
          />
          {closeWithRisk ? (
            <TextAreaField
              id={errors.idFor('riskNote')}
              label={t('closure.riskNote')}
              description={t('closure.riskNoteHelp')}
              value={f.riskNote}
              onValueChange={(riskNote) => set({ riskNote })}
              error={errors.errorFor('riskNote')}
              rows={3}
              required
            />
          ) : null}
          {yes ? (
            <>
              <Alert type="warning">
                <Paragraph>{t('closure.questionYes')}</Paragraph>
              </Alert>
              <ButtonGroup>
                <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
                  {t('closure.recordYes')}
                </Button>
              </ButtonGroup>
            </>
          ) : null}
        </section>
        {!yes ? (
          <>
            <section aria-labelledby="closure-reason-heading" className="nabij-section">
              <Heading2 id="closure-reason-heading">{t('closure.reasonHeading')}</Heading2>
              <RadioGroupField
                id={errors.idFor('reason')}
                legend={t('closure.reason')}
                value={f.reason}
                choices={CLOSURE_REASONS.map((r) => ({ value: r, label: t(`closure.reason.${r}`) }))}
                onValueChange={(reason) => set({ reason })}
                error={errors.errorFor('reason')}
              />
              {f.reason === 'referred_elsewhere' ? (
                <TextField
                  id={errors.idFor('referredTo')}
                  label={t('closure.referredTo')}
                  value={f.referredTo}
                  onValueChange={(referredTo) => set({ referredTo })}
                  error={errors.errorFor('referredTo')}
                  autoComplete="off"
                  required
                />
              ) : null}
              {f.reason === 'other' ? (
                <TextAreaField
                  id={errors.idFor('reasonOther')}
                  label={t('closure.reasonOther')}
                  value={f.reasonOther}
                  onValueChange={(reasonOther) => set({ reasonOther })}
                  error={errors.errorFor('reasonOther')}
                  rows={2}
                  required
                />
              ) : null}
              <TextAreaField
                id={errors.idFor('aftercare')}
                label={t('closure.aftercare')}
                value={f.aftercare}
                onValueChange={(aftercare) => set({ aftercare })}
                error={errors.errorFor('aftercare')}
                rows={3}
                optional
              />
            </section>
            <section aria-labelledby="closure-actions-heading" className="nabij-section">
              <Heading2 id="closure-actions-heading">{t('closure.actionsHeading')}</Heading2>
              <Paragraph>{open.length === 0 ? t('closure.actionsNone') : t('closure.actionsIntro')}</Paragraph>
              {open.map((a) => (
                <div key={a.id} className="nabij-lifecycle-goal">
                  <RadioGroupField
                    id={errors.idFor(decisionField(a.id))}
                    legend={t('closure.actionDecision', { action: a.description })}
                    value={f.decisions[a.id]?.decision ?? ''}
                    choices={ACTION_DECISIONS.map((d) => ({ value: d, label: t(`closure.decision.${d}`) }))}
                    onValueChange={(decision) => setDecision(a.id, { decision })}
                    error={errors.errorFor(decisionField(a.id))}
                    inline
                  />
                  {f.decisions[a.id]?.decision === 'handed_over' ? (
                    <TextField
                      id={errors.idFor(`${decisionField(a.id)}.handedOverTo`)}
                      label={t('closure.handedOverTo', { action: a.description })}
                      value={f.decisions[a.id]?.handedOverTo ?? ''}
                      onValueChange={(handedOverTo) => setDecision(a.id, { handedOverTo })}
                      error={errors.errorFor(`${decisionField(a.id)}.handedOverTo`)}
                      autoComplete="off"
                      required
                    />
                  ) : null}
                </div>
              ))}
            </section>
            <section aria-labelledby="closure-outcome-heading" className="nabij-section">
              <Heading2 id="closure-outcome-heading">{t('closure.outcomeHeading')}</Heading2>
              <TextField
                id={errors.idFor('closedOn')}
                type="date"
                label={t('closure.closedOn')}
                value={f.closedOn}
                onValueChange={(closedOn) => set({ closedOn })}
                error={errors.errorFor('closedOn')}
                max={municipalToday()}
                required
              />
              <RadioGroupField
                id={errors.idFor('outcome')}
                legend={t('closure.outcome')}
                value={f.outcome}
                choices={CLOSURE_OUTCOMES.map((o) => ({ value: o, label: t(`closure.outcome.${o}`) }))}
                onValueChange={(outcome) => set({ outcome })}
                error={errors.errorFor('outcome')}
              />
              {f.outcome === 'watch' ? (
                <>
                  <TextField
                    id={errors.idFor('watch.checkInIntervalWeeks')}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={104}
                    label={t('closure.watchInterval')}
                    value={f.watchInterval}
                    onValueChange={(watchInterval) => set({ watchInterval })}
                    error={errors.errorFor('watch.checkInIntervalWeeks')}
                    required
                  />
                  <RadioGroupField
                    id={errors.idFor('watch.length')}
                    legend={t('closure.watchLength')}
                    value={f.watchLength}
                    choices={[
                      ...WATCH_LENGTH_MONTHS.map((m) => ({
                        value: String(m),
                        label: t('closure.watchMonths', { months: m }),
                      })),
                      { value: 'other', label: t('closure.watchOther') },
                    ]}
                    onValueChange={(watchLength) =>
                      set({ watchLength, ...(watchLength === 'other' ? { watchEndsOn: watchEndsOn(f) } : {}) })
                    }
                    inline
                  />
                  {f.watchLength === 'other' ? (
                    <TextField
                      id={errors.idFor('watch.endsOn')}
                      type="date"
                      label={t('closure.watchEndsOn')}
                      description={t('closure.watchEndsOnHelp')}
                      value={f.watchEndsOn}
                      onValueChange={(value) => set({ watchEndsOn: value })}
                      error={errors.errorFor('watch.endsOn')}
                      required
                    />
                  ) : (
                    <>
                      <Paragraph>{t('closure.watchUntil', { date: formatDate(watchEndsOn(f)) })}</Paragraph>
                      {errors.errorFor('watch.endsOn') ? (
                        <Alert type="error">
                          <Paragraph id={errors.idFor('watch.endsOn')}>{errors.errorFor('watch.endsOn')}</Paragraph>
                        </Alert>
                      ) : null}
                    </>
                  )}
                </>
              ) : null}
              <ButtonGroup>
                <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
                  {t('closure.submit')}
                </Button>
              </ButtonGroup>
            </section>
          </>
        ) : null}
      </form>
    </>
  );
}

function ClosureSummary({ closure }: { closure: Course['closures'][number] }) {
  return (
    <section aria-labelledby="closure-done-heading" className="nabij-section">
      <Heading2 id="closure-done-heading">{t('closure.doneHeading', { date: formatDate(closure.closedOn) })}</Heading2>
      <Paragraph>
        {t('closure.doneReason', { reason: t(`closure.reason.${closure.reason}`) })}
        {closure.referredTo ? ` (${closure.referredTo})` : ''}
        {closure.reasonOther ? ` (${closure.reasonOther})` : ''}
        {closure.outcome === 'watch' ? ` ${t('closure.doneOutcomeWatch')}` : ''}
      </Paragraph>
      {closure.riskNote ? <Paragraph>{t('closure.doneRisk', { risk: closure.riskNote })}</Paragraph> : null}
      {closure.goals.length > 0 ? (
        <div className="nabij-table-scroll">
          <Table className="nabij-responsive-table">
            <TableCaption>{t('closure.goalsHeading')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('evaluation.goalColumn')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('evaluation.statusColumn')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('evaluation.noteColumn')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {closure.goals.map((g) => (
                <TableRow key={g.goalId}>
                  <TableHeaderCell scope="row" data-label={t('evaluation.goalColumn')}>
                    {domainLabel(g.domain)}: {g.goal}
                  </TableHeaderCell>
                  <TableCell data-label={t('evaluation.statusColumn')}>{t(`closure.result.${g.status}`)}</TableCell>
                  <TableCell data-label={t('evaluation.noteColumn')} className="nabij-plain-text">
                    {g.result}
                    {g.sideEffects ? ` — ${g.sideEffects}` : ''}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
    </section>
  );
}

/** "Afsluiten": results per goal, ZRM and participation then and now, the process, the closing question, reason, aftercare, open actions, watch, letters. */
export function ClosurePage() {
  const { id = '' } = useParams();
  const course = useResource<Course>(`/api/cases/${encodeURIComponent(id)}/course`);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const noticeRef = useRef<HTMLDivElement>(null);
  const name = course.data?.householdName ?? '';
  const title = course.status === 'failed' ? failedTitle(course.error, t('closure.title')) : t('closure.title');
  usePageTitle(course.status === 'ready' ? t('closure.titleWith', { name }) : title);
  const base = `/dossiers/${encodeURIComponent(id)}`;
  const closure = course.status === 'ready' ? currentClosure(course.data) : undefined;
  const closable =
    course.status === 'ready' && ['analysis', 'plan', 'execution', 'closure'].includes(course.data.phase);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Paragraph>
        <AppLink to={base}>{t('course.backToCase')}</AppLink>
      </Paragraph>
      {course.status === 'loading' ? <Loading /> : null}
      {course.status === 'failed' ? <CaseLoadError error={course.error} /> : null}
      {course.status === 'ready' ? (
        <>
          <Paragraph>{name}</Paragraph>
          {saved ? (
            <div ref={noticeRef} tabIndex={-1} className="nabij-notice">
              <Alert type="ok">
                <Paragraph role="status">{saved}</Paragraph>
              </Alert>
            </div>
          ) : null}
          {closure ? (
            <>
              <ClosureSummary closure={closure} />
              {course.data.phase === 'watch' ? (
                <Paragraph>
                  <AppButtonLink to={`${base}/waakvlam`} appearance="secondary-action-button">
                    {t('course.toWatch')}
                  </AppButtonLink>
                </Paragraph>
              ) : null}
              <ClosureLetters course={course.data} onSent={course.reload} />
            </>
          ) : closable ? (
            <>
              <Paragraph>{t('closure.intro')}</Paragraph>
              <CloseForm
                course={course.data}
                onRefused={course.reload}
                onClosed={(next) => {
                  course.setData(next);
                  setSaved(next.phase === 'watch' ? t('closure.savedWatch') : t('closure.saved'));
                  window.setTimeout(() => noticeRef.current?.focus(), 0);
                }}
              />
            </>
          ) : (
            <Alert type="warning">
              <Paragraph>{t('closure.notPossible', { phase: t(`phase.${course.data.phase}`) })}</Paragraph>
            </Alert>
          )}
        </>
      ) : null}
    </>
  );
}
