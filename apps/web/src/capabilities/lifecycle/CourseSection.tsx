import {
  Alert,
  ButtonGroup,
  Heading2,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { useRef, useState } from 'react';
import { t } from '../../app/i18n';
import { municipalDay, municipalToday } from '../../app/dates';
import { useResource } from '../../app/use-resource';
import { AppButtonLink, AppLink } from '../../components/AppLink';
import { formatDate } from '../persons/person-format';
import { activeWatch, type Course } from './lifecycle-format';
import { ReactivateForm } from './ReactivateForm';

/** On the case page: where the case stands after the plan — next evaluation, closure, watch, reactivation, linked referrals. */
export function CourseSection({ caseId, onChanged }: { caseId: string; onChanged?: () => void }) {
  const today = municipalToday();
  const course = useResource<Course>(`/api/cases/${encodeURIComponent(caseId)}/course`);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  const noticeRef = useRef<HTMLDivElement>(null);
  if (course.status !== 'ready') return null;
  const c = course.data;
  const base = `/dossiers/${encodeURIComponent(caseId)}`;
  const watch = activeWatch(c);
  const lastEvaluation = c.evaluations.find((e) => e.episode === c.episode);
  const closable = ['analysis', 'plan', 'execution', 'closure'].includes(c.phase);
  return (
    <section id="verloop" aria-labelledby="verloop-heading" className="nabij-section">
      <Heading2 id="verloop-heading">{t('course.heading')}</Heading2>
      {notice ? (
        <div ref={noticeRef} tabIndex={-1} className="nabij-notice">
          <Alert type="ok">
            <Paragraph role="status">{notice}</Paragraph>
          </Alert>
        </div>
      ) : null}
      {c.episode > 1 ? <Paragraph>{t('course.episode', { number: c.episode })}</Paragraph> : null}
      {c.teamMeetingNeeded && c.closingQuestion ? (
        <Alert type="warning">
          <Paragraph>
            {t('course.teamMeetingNeeded', {
              date: formatDate(municipalDay(c.closingQuestion.answeredAt)),
              name: c.closingQuestion.answeredByName,
            })}
          </Paragraph>
        </Alert>
      ) : null}
      {c.phase === 'execution' && c.nextEvaluationDue ? (
        <Paragraph>
          {c.nextEvaluationDue < today ? (
            <strong>{t('course.nextEvaluationOverdue', { date: formatDate(c.nextEvaluationDue) })}</strong>
          ) : (
            t('course.nextEvaluation', { date: formatDate(c.nextEvaluationDue), weeks: c.evaluationWeeks })
          )}
        </Paragraph>
      ) : null}
      {c.phase === 'execution' ? (
        <Paragraph>
          {lastEvaluation
            ? t('course.lastEvaluation', {
                date: formatDate(lastEvaluation.heldOn),
                conclusion: t(`evaluation.conclusion.${lastEvaluation.conclusion}`),
              })
            : t('course.noEvaluation')}
        </Paragraph>
      ) : null}
      {c.phase === 'closure' ? <Paragraph>{t('course.closurePhase')}</Paragraph> : null}
      {watch ? (
        <Paragraph>
          {t('course.watchSummary', {
            endsOn: formatDate(watch.endsOn),
            weeks: watch.checkInIntervalWeeks,
            next: formatDate(watch.nextCheckInOn),
          })}
        </Paragraph>
      ) : null}
      {c.phase === 'closed' && c.closedAt ? (
        <Paragraph>{t('course.closedSummary', { date: formatDate(municipalDay(c.closedAt)) })}</Paragraph>
      ) : null}
      <ButtonGroup>
        {c.phase === 'execution' ? (
          <AppButtonLink to={`${base}/evaluatie`} appearance="secondary-action-button">
            {t('course.toEvaluation')}
          </AppButtonLink>
        ) : null}
        {closable || c.closures.some((x) => x.episode === c.episode) ? (
          <AppButtonLink to={`${base}/afsluiten`} appearance="secondary-action-button">
            {t('course.toClosure')}
          </AppButtonLink>
        ) : null}
        {watch ? (
          <AppButtonLink to={`${base}/waakvlam`} appearance="secondary-action-button">
            {t('course.toWatch')}
          </AppButtonLink>
        ) : null}
      </ButtonGroup>
      {c.linkedReferrals.length > 0 ? (
        <>
          <Paragraph>
            <strong>{t('course.linkedHeading')}</strong>
          </Paragraph>
          <UnorderedList>
            {c.linkedReferrals.map((l) => (
              <UnorderedListItem key={l.referralId}>
                {t('course.linkedItem', {
                  reference: l.reference,
                  date: formatDate(municipalDay(l.receivedAt)),
                  phase: t(`course.linkedPhase.${l.casePhase}`),
                })}{' '}
                {l.outcome ? `${t(`course.linkedOutcome.${l.outcome}`, { reason: l.reason ?? '' })} ` : ''}
                <AppLink to={`/aanmeldingen/${encodeURIComponent(l.referralId)}`}>{l.reference}</AppLink>
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      ) : null}
      {c.episodes.length > 0 ? (
        <>
          <Paragraph>
            <strong>{t('course.episodesHeading')}</strong>
          </Paragraph>
          <UnorderedList>
            {c.episodes.map((e) => (
              <UnorderedListItem key={e.number}>
                {t('course.episodeItem', {
                  number: e.number,
                  date: formatDate(e.startedOn),
                  to: t(`phase.${e.toPhase}`),
                  reason: e.reason,
                })}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </>
      ) : null}
      {c.canReactivate ? (
        <ReactivateForm
          caseId={caseId}
          onDone={(next) => {
            course.setData(next);
            setNotice(t('course.reactivated', { number: next.episode }));
            window.setTimeout(() => noticeRef.current?.focus(), 0);
            onChanged?.();
          }}
        />
      ) : null}
    </section>
  );
}
