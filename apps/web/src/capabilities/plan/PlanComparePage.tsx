import type { PlanVersionView } from '@nabij/contracts';
import {
  Alert,
  Heading2,
  Heading3,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useParams, useSearchParams } from 'react-router';
import { errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { usePageTitle } from '../../app/use-page-title';
import { useResource } from '../../app/use-resource';
import { AppLink } from '../../components/AppLink';
import { Loading } from '../../components/Loading';
import { PageHeading } from '../../components/PageHeading';
import { compareVersions, domainLabel, formatDate, performerText } from './plan-format';
import './plan.css';

type Goal = PlanVersionView['goals'][number];

function GoalColumn({ goal, label }: { goal: Goal | undefined; label: string }) {
  return (
    <div>
      <Paragraph className="nabij-plan-compare__state">{label}</Paragraph>
      {goal ? (
        <>
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
          </dl>
          <UnorderedList>
            {goal.actions.map((a) => (
              <UnorderedListItem key={a.id}>
                {a.description} — {performerText(a)}
                {a.dueOn ? `, ${formatDate(a.dueOn)}` : ''} ({t(`plan.actionStatus.${a.status}`)})
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      ) : (
        <Paragraph>{t('plan.compareNotInVersion')}</Paragraph>
      )}
    </div>
  );
}

/** Two versions of the plan side by side (`/dossiers/:id/plan/vergelijk?van=1&naar=2`), goal by goal. */
export function PlanComparePage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const from = Number(params.get('van') ?? '1');
  const to = Number(params.get('naar') ?? '2');
  usePageTitle(t('plan.compareTitle'));
  const left = useResource<PlanVersionView>(`/api/cases/${id}/plan/versions/${from}`);
  const right = useResource<PlanVersionView>(`/api/cases/${id}/plan/versions/${to}`);
  const failed = left.status === 'failed' ? left.error : right.status === 'failed' ? right.error : undefined;

  return (
    <>
      <PageHeading>{t('plan.compareTitle')}</PageHeading>
      <Paragraph>
        <AppLink to={`/dossiers/${id}/plan`}>{t('plan.backToPlan')}</AppLink>
      </Paragraph>
      {failed !== undefined ? (
        <Alert type="error">
          <Paragraph>{errorText(failed)}</Paragraph>
        </Alert>
      ) : null}
      {left.status === 'loading' || right.status === 'loading' ? <Loading /> : null}
      {left.status === 'ready' && right.status === 'ready' ? (
        <>
          <div className="nabij-plan-compare">
            {[left.data, right.data].map((v) => (
              <section
                key={v.number}
                aria-label={t('plan.compareColumn', { number: v.number, status: t(`plan.versionStatus.${v.status}`) })}
              >
                <Heading2>
                  {t('plan.compareColumn', { number: v.number, status: t(`plan.versionStatus.${v.status}`) })}
                </Heading2>
                <Paragraph>
                  {v.changeReason ? t('plan.changeReason', { reason: v.changeReason }) : formatDate(v.startsOn)}
                </Paragraph>
              </section>
            ))}
          </div>
          {compareVersions(left.data, right.data).map((row) => (
            <section key={row.key} aria-labelledby={`compare-${row.key}`} className="nabij-plan-goal">
              <Heading3 id={`compare-${row.key}`}>
                {domainLabel(row.domain)}{' '}
                <span className="nabij-plan-tag">
                  {t(`plan.compare${row.state.charAt(0).toUpperCase()}${row.state.slice(1)}`)}
                </span>
              </Heading3>
              <div className="nabij-plan-compare">
                <GoalColumn
                  goal={row.from}
                  label={t('plan.compareColumn', {
                    number: left.data.number,
                    status: t(`plan.versionStatus.${left.data.status}`),
                  })}
                />
                <GoalColumn
                  goal={row.to}
                  label={t('plan.compareColumn', {
                    number: right.data.number,
                    status: t(`plan.versionStatus.${right.data.status}`),
                  })}
                />
              </div>
            </section>
          ))}
        </>
      ) : null}
    </>
  );
}
