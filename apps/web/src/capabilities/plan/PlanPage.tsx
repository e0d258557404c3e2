import type { PlanPageView, PlanVersionView } from '@nabij/contracts';
import {
  Alert,
  Button,
  DataList,
  DataListItem,
  DataListKey,
  DataListValue,
  Heading2,
  Heading3,
  Link,
  Paragraph,
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
import { useCallback, useState } from 'react';
import { useParams } from 'react-router';
import { api } from '../../app/api';
import { errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { AppLink } from '../../components/AppLink';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import {
  ActionForm,
  GoalForm,
  ProgressForm,
  ReviseForm,
  StartPlanForm,
  type GoalDraft,
  type OnSaved,
  type OnStale,
} from './PlanForms';
import { AgreementPanel, CoordinationPanel, ResidentPlanPanel, VersionsPanel } from './PlanPanels';
import { balanceText, domainLabel, formatDate, performerText, warningText } from './plan-format';
import './plan.css';

type Goal = PlanVersionView['goals'][number];

function AnalysisSummary({ page }: { page: PlanPageView }) {
  return (
    <section aria-labelledby="plan-analysis-heading" className="nabij-plan-facts">
      <Heading2 id="plan-analysis-heading">{t('plan.zrmHeading')}</Heading2>
      <Paragraph>{t('plan.contact', { name: page.caseWorker.name, team: page.teamName })}</Paragraph>
      {page.latestZrm.length === 0 ? (
        <Paragraph>{t('plan.zrmNone')}</Paragraph>
      ) : (
        <UnorderedList>
          {page.latestZrm.map((z) => (
            <UnorderedListItem key={z.domain}>
              {t('plan.zrmScore', { domain: domainLabel(z.domain), score: z.score })}
            </UnorderedListItem>
          ))}
          {page.participation ? (
            <UnorderedListItem>
              {t('plan.participation', { name: page.participation.personName, rung: page.participation.rung })}
            </UnorderedListItem>
          ) : null}
        </UnorderedList>
      )}
      <AnalysisConclusion page={page} />
    </section>
  );
}

/** The analysis' conclusion (issue #22 item 6) above the plan: the worker's analysis, made with the household. */
function AnalysisConclusion({ page }: { page: PlanPageView }) {
  const c = page.analysisConclusion;
  if (!c) return null;
  const parts = [
    ['conclusion.questionBehind', c.questionBehind],
    ['conclusion.workingHypothesis', c.workingHypothesis],
    ['conclusion.sustainingFactors', c.sustainingFactors],
  ] as const;
  return (
    <>
      <Heading3 id="plan-conclusion-heading">{t('conclusion.aboveThePlan')}</Heading3>
      <DataList aria-labelledby="plan-conclusion-heading">
        {parts
          .filter(([, text]) => text)
          .map(([key, text]) => (
            <DataListItem key={key}>
              <DataListKey>{t(key)}</DataListKey>
              <DataListValue className="nabij-plain-text">{text}</DataListValue>
            </DataListItem>
          ))}
      </DataList>
    </>
  );
}

/** Which goal or action is open for editing: `goal:<id>` or `action:<id>`; at most one at a time. */
type EditKey = `goal:${string}` | `action:${string}`;

interface GoalCardProps {
  caseId: string;
  current: PlanVersionView;
  goal: Goal;
  editable: boolean;
  onSaved: OnSaved;
  onError: (message: string) => void;
  editing: EditKey | undefined;
  onEdit: (key: EditKey | undefined) => void;
  onStale: OnStale;
}

function GoalCard({ caseId, current, goal, editable, onSaved, onError, editing, onEdit, onStale }: GoalCardProps) {
  const headingId = `plan-goal-${goal.id}`;
  const goalEditButton = `plan-goal-${goal.id}-edit`;
  const actionEditButton = (actionId: string) => `plan-action-${actionId}-edit`;
  const editedAction = goal.actions.find((a) => editing === `action:${a.id}`);
  /** Closes the edit form and puts focus back on its "Wijzigen" button (or on the goal, when the button is gone). */
  const closeEdit = (buttonId: string) => {
    onEdit(undefined);
    window.setTimeout(() => (document.getElementById(buttonId) ?? document.getElementById(headingId))?.focus(), 0);
  };
  const remove = async (path: string, notice: string) => {
    try {
      onSaved(await api.delete<PlanPageView>(`${path}?version=${current.version}`), notice);
    } catch (error) {
      onError(errorText(error));
    }
  };
  return (
    <article aria-labelledby={headingId} className="nabij-plan-goal">
      <Heading3 id={headingId} tabIndex={-1}>
        {domainLabel(goal.domain)}
        {goal.zrmScore !== null ? (
          <span className="nabij-plan-tag">
            {t('plan.zrmLinked', { score: goal.zrmScore, date: formatDate(goal.zrmAssessedOn) })}
          </span>
        ) : null}
        {goal.fromResidentPlan ? <span className="nabij-plan-tag">{t('plan.fromResidentPlan')}</span> : null}
      </Heading3>
      <dl className="nabij-plan-dl">
        <dt>{t('plan.problem')}</dt>
        <dd>{goal.problem}</dd>
        <dt>{t('plan.goal')}</dt>
        <dd>{goal.goal}</dd>
        {goal.intendedResult ? (
          <>
            <dt>{t('plan.intendedResult')}</dt>
            <dd>{goal.intendedResult}</dd>
          </>
        ) : null}
        {goal.solutions ? (
          <>
            <dt>{t('plan.solutions')}</dt>
            <dd className="nabij-plan-pre">{goal.solutions}</dd>
          </>
        ) : null}
      </dl>
      <div className="nabij-plan-balance" aria-label={t('plan.balanceLabel')} role="group">
        <meter
          min={0}
          max={Math.max(1, goal.actions.length)}
          value={goal.balance.household}
          aria-label={t('plan.balanceLabel')}
        />
        <span>{balanceText(goal.balance)}</span>
      </div>
      {editable ? (
        <Button
          id={goalEditButton}
          type="button"
          appearance="subtle-button"
          aria-expanded={editing === `goal:${goal.id}`}
          onClick={() => onEdit(`goal:${goal.id}`)}
        >
          {t('plan.editGoal', { goal: goal.goal })}
        </Button>
      ) : null}
      {editing === `goal:${goal.id}` ? (
        <GoalForm
          caseId={caseId}
          current={current}
          onSaved={onSaved}
          prefill={undefined}
          editing={{ item: goal, onDone: () => closeEdit(goalEditButton), onStale }}
        />
      ) : null}
      {goal.actions.length === 0 ? (
        <Paragraph>{t('plan.noActions')}</Paragraph>
      ) : (
        <div className="nabij-table-scroll">
          <Table className="nabij-responsive-table">
            <TableCaption className="nabij-visually-hidden">{t('plan.actionsCaption')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('plan.action')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('plan.performer')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('plan.dueOn')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('plan.status')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {goal.actions.map((a) => (
                <TableRow key={a.id}>
                  <TableHeaderCell scope="row" data-label={t('plan.action')}>
                    {a.description}
                    {a.progressNote ? <span className="nabij-plan-note">{a.progressNote}</span> : null}
                  </TableHeaderCell>
                  <TableCell data-label={t('plan.performer')}>{performerText(a)}</TableCell>
                  <TableCell data-label={t('plan.dueOn')}>{a.dueOn ? formatDate(a.dueOn) : t('plan.noDate')}</TableCell>
                  <TableCell data-label={t('plan.status')}>
                    {t(`plan.actionStatus.${a.status}`)}
                    <details className="nabij-plan-details">
                      <summary>{t('plan.progressFor', { action: a.description })}</summary>
                      <ProgressForm caseId={caseId} current={current} action={a} onSaved={onSaved} />
                    </details>
                    {editable ? (
                      <div className="nabij-plan-row-actions">
                        <Button
                          id={actionEditButton(a.id)}
                          type="button"
                          appearance="subtle-button"
                          aria-expanded={editing === `action:${a.id}`}
                          onClick={() => onEdit(`action:${a.id}`)}
                        >
                          {t('plan.editAction', { action: a.description })}
                        </Button>
                        <Button
                          type="button"
                          appearance="subtle-button"
                          onClick={() =>
                            void remove(`/api/cases/${caseId}/plan/actions/${a.id}`, t('plan.actionRemoved'))
                          }
                        >
                          {t('plan.removeAction', { action: a.description })}
                        </Button>
                      </div>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {editedAction ? (
        <ActionForm
          key={editedAction.id}
          caseId={caseId}
          current={current}
          goal={goal}
          onSaved={onSaved}
          editing={{ item: editedAction, onDone: () => closeEdit(actionEditButton(editedAction.id)), onStale }}
        />
      ) : null}
      {editable ? (
        <>
          <details className="nabij-plan-details nabij-plan-add-action">
            <summary>{t('plan.addActionHeading', { domain: domainLabel(goal.domain) })}</summary>
            <ActionForm caseId={caseId} current={current} goal={goal} onSaved={onSaved} />
          </details>
          <Button
            type="button"
            appearance="subtle-button"
            onClick={() => void remove(`/api/cases/${caseId}/plan/goals/${goal.id}`, t('plan.goalRemoved'))}
          >
            {t('plan.removeGoal')}
          </Button>
        </>
      ) : null}
    </article>
  );
}

function PlanBody({
  page,
  onSaved,
  onStale,
}: {
  page: PlanPageView & { plan: NonNullable<PlanPageView['plan']> };
  onSaved: OnSaved;
  onStale: OnStale;
}) {
  const { current } = page.plan;
  const editable = current.status === 'draft';
  // Stays open after a conflict, also when the version was agreed meanwhile, so what the user typed stays visible.
  const [editing, setEditing] = useState<EditKey | undefined>(undefined);
  const [prefill, setPrefill] = useState<GoalDraft | undefined>(undefined);
  const [pageError, setPageError] = useState<string | undefined>(undefined);
  const takeOver = (draft: GoalDraft) => {
    setPrefill(draft);
    window.setTimeout(() => document.getElementById('plan-goal-domain')?.focus(), 0);
  };
  return (
    <>
      <Paragraph className="nabij-plan-status">
        {t('plan.versionLine', {
          number: current.number,
          status: t(`plan.versionStatus.${current.status}`),
          startsOn: formatDate(current.startsOn),
        })}
        {current.changeReason ? <> · {t('plan.changeReason', { reason: current.changeReason })}</> : null}
      </Paragraph>
      <Paragraph>
        <Link href={`/api/cases/${page.caseId}/plan/document.pdf`}>{t('plan.pdf')}</Link>
      </Paragraph>
      {current.agreement ? (
        <Alert type="ok">
          <Paragraph>
            {t('plan.agreed', {
              date: formatDate(current.agreement.agreedOn),
              name: current.agreement.agreedByName,
              form: t(`plan.agreementForm.${current.agreement.form}`),
              recorder: current.agreement.recordedByName,
            })}
          </Paragraph>
          {current.agreement.signedPaper ? (
            <Paragraph>
              <Link href={`/api/cases/${page.caseId}/plan/files/${current.agreement.signedPaper.id}`}>
                {t('plan.signedPaperLink', { name: current.agreement.signedPaper.filename })}
              </Link>
            </Paragraph>
          ) : null}
        </Alert>
      ) : null}
      {!editable ? (
        <Alert type="info">
          <Paragraph>{t('plan.frozenNotice')}</Paragraph>
        </Alert>
      ) : null}
      {pageError ? (
        <Alert type="error">
          <Paragraph>{pageError}</Paragraph>
        </Alert>
      ) : null}
      {current.warnings.length ? (
        <section aria-labelledby="plan-warnings-heading" className="nabij-plan-warnings">
          <Heading2 id="plan-warnings-heading">{t('plan.warningsHeading')}</Heading2>
          <Paragraph>{t('plan.warningsIntro')}</Paragraph>
          <UnorderedList>
            {current.warnings.map((w) => (
              <UnorderedListItem key={`${w.code}-${w.goalId ?? ''}-${w.actionId ?? ''}`}>
                {warningText(w, current.goals)}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </section>
      ) : null}

      <section aria-labelledby="plan-goals-heading" className="nabij-section">
        <Heading2 id="plan-goals-heading">{t('plan.goalsHeading')}</Heading2>
        {current.goals.length === 0 ? <Paragraph>{t('plan.noGoals')}</Paragraph> : null}
        {current.goals.map((g) => (
          <GoalCard
            key={g.id}
            caseId={page.caseId}
            current={current}
            goal={g}
            editable={editable}
            onSaved={onSaved}
            onError={setPageError}
            editing={editing}
            onEdit={setEditing}
            onStale={onStale}
          />
        ))}
        {editable ? (
          <GoalForm
            key={prefill ? prefill.problem : 'empty'}
            caseId={page.caseId}
            current={current}
            prefill={prefill}
            onSaved={(p, notice) => {
              setPrefill(undefined);
              onSaved(p, notice);
            }}
          />
        ) : null}
      </section>

      <ResidentPlanPanel
        caseId={page.caseId}
        current={current}
        onSaved={onSaved}
        editable={editable}
        onTakeOver={takeOver}
      />
      <CoordinationPanel caseId={page.caseId} current={current} onSaved={onSaved} editable={editable} />
      {editable ? (
        <AgreementPanel caseId={page.caseId} current={current} onSaved={onSaved} householdMembers="" />
      ) : null}
      <VersionsPanel caseId={page.caseId} plan={page.plan} />
      {current.status === 'agreed' ? <ReviseForm caseId={page.caseId} current={current} onSaved={onSaved} /> : null}
    </>
  );
}

/** The plan of a case (`/dossiers/:id/plan`): goals by life domain, actions with who and when, agreement and versions. */
export function PlanPage() {
  const { id = '' } = useParams();
  const resource = useResource<PlanPageView>(`/api/cases/${id}/plan`);
  const [notice, setNotice] = useState('');
  const title = resource.data ? t('plan.title', { household: resource.data.householdName }) : t('plan.titleFallback');
  usePageTitle(title);
  const { setData } = resource;
  const onSaved = useCallback<OnSaved>(
    (page, message) => {
      setData(page);
      setNotice(message);
    },
    [setData],
  );
  // After a conflict: the newest plan, without unmounting the page (a failed reload is shown in the form).
  const onStale = useCallback<OnStale>(async () => {
    setData(await api.get<PlanPageView>(`/api/cases/${id}/plan`));
  }, [id, setData]);

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <Paragraph>
        <AppLink to={`/dossiers/${id}`}>{t('plan.backToCase')}</AppLink>
      </Paragraph>
      <div role="status" className="nabij-plan-notice">
        {notice ? (
          <Alert type="ok">
            <Paragraph>{notice}</Paragraph>
          </Alert>
        ) : null}
      </div>
      {resource.status === 'loading' ? <Loading /> : null}
      {resource.status === 'failed' ? (
        <Alert type="error">
          <Paragraph>{errorText(resource.error)}</Paragraph>
        </Alert>
      ) : null}
      {resource.status === 'ready' ? (
        <>
          <Paragraph>{t('plan.intro')}</Paragraph>
          <AnalysisSummary page={resource.data} />
          {resource.data.plan ? (
            <PlanBody page={{ ...resource.data, plan: resource.data.plan }} onSaved={onSaved} onStale={onStale} />
          ) : (
            <>
              <Paragraph>{t('plan.noPlan')}</Paragraph>
              <StartPlanForm caseId={id} onSaved={onSaved} />
            </>
          )}
        </>
      ) : null}
    </>
  );
}
