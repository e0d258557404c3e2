/**
 * The pieces of the case overview (issue #19 item 1). Presentational: each takes the data it shows and loads nothing,
 * so they render the same on the page and in their component tests.
 */
import type { CaseOverview } from '@nabij/contracts';
import { DataList, Heading2, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { joinList, t } from '../../app/i18n';
import { AppLink } from '../../components/AppLink';
import { contactKindLabel } from '../contact-log/contact-form';
import { formatDate } from '../persons/person-format';
import { MinorBadge } from '../persons/MinorBadge';
import { domainLabel } from '../plan/plan-format';
import { zrmDomainLabel } from './case-format';
import { formatAverage, type GoalProgress, type OverviewItem, type ZrmTrend } from './case-overview';
import { sectionHref } from './case-sections';
import { Item } from './CaseParts';

function Card({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="nabij-overview-card" id={id}>
      <Heading2 id={`${id}-heading`} className="nabij-overview-card__title">
        {title}
      </Heading2>
      {children}
    </section>
  );
}

/** Help question and domains, phase, the next deadline, the contact person and team. */
export function CaseSummary({
  overview,
  deadline,
}: {
  overview: CaseOverview;
  deadline: { text: string; overdue: boolean };
}) {
  const question = overview.helpQuestion ?? null;
  return (
    <DataList className="nabij-case-header">
      <Item label={t('caseFile.helpQuestion')}>
        {question ? <span className="nabij-plain-text nabij-clamp">{question}</span> : t('caseFile.helpQuestionNone')}
        {overview.questionDomains.length > 0 ? (
          <span className="nabij-cell-note">{joinList(overview.questionDomains.map(zrmDomainLabel))}</span>
        ) : null}
      </Item>
      <Item label={t('case.phase')}>{t(`phase.${overview.phase}`)}</Item>
      <Item label={t('caseFile.nextDeadline')}>
        {deadline.overdue ? <strong>{deadline.text}</strong> : deadline.text}
      </Item>
      <Item label={t('caseFile.people')}>
        {overview.tandem
          ? t('caseFile.peopleWithTandem', { worker: overview.caseWorker.name, tandem: overview.tandem.name })
          : overview.caseWorker.name}
      </Item>
      <Item label={t('case.team')}>
        {overview.teamName} · {overview.reference ?? t('case.noReference')}
      </Item>
    </DataList>
  );
}

function ItemList({
  caseId,
  items,
  className,
}: {
  caseId: string;
  items: readonly OverviewItem[];
  className?: string;
}) {
  return (
    <ul className={['nabij-overview-list', className].filter(Boolean).join(' ')}>
      {items.map((item) => (
        <li key={item.key} className={item.urgent ? 'nabij-overview-list__urgent' : undefined}>
          <AppLink to={sectionHref(caseId, item.to)}>{item.urgent ? <strong>{item.text}</strong> : item.text}</AppLink>
        </li>
      ))}
    </ul>
  );
}

/** "Wat moet er gebeuren": open tasks, evaluation due, missing consent, child-safety assessment still required. */
export function TodoCard({ caseId, items }: { caseId: string; items: readonly OverviewItem[] }) {
  return (
    <Card id="overzicht-todo" title={t('caseFile.todoHeading')}>
      {items.length === 0 ? (
        <Paragraph>{t('caseFile.todoNone')}</Paragraph>
      ) : (
        <ItemList caseId={caseId} items={items} />
      )}
    </Card>
  );
}

/** "Let op": language and interpreter, minors, Meldcode (only for those allowed to know). Nothing when there is nothing. */
export function AlertsCard({ caseId, items }: { caseId: string; items: readonly OverviewItem[] }) {
  if (items.length === 0) return null;
  return (
    <Card id="overzicht-let-op" title={t('caseFile.alertsHeading')}>
      <ItemList caseId={caseId} items={items} className="nabij-overview-list--alerts" />
    </Card>
  );
}

/** The last three contacts of the journaal. */
export function RecentContactsCard({ overview }: { overview: Pick<CaseOverview, 'id' | 'recentContacts'> }) {
  const contacts = overview.recentContacts.slice(0, 3);
  return (
    <Card id="overzicht-contacten" title={t('caseFile.contactsHeading')}>
      {contacts.length === 0 ? <Paragraph>{t('caseFile.contactsNone')}</Paragraph> : null}
      {contacts.length > 0 ? (
        <ul className="nabij-overview-list">
          {contacts.map((c) => (
            <li key={c.id}>
              <span className="nabij-overview-list__meta">
                {t('caseFile.contactItem', {
                  date: formatDate(c.contactOn),
                  kind: contactKindLabel(c.kind),
                  name: c.recordedByName,
                })}
              </span>
              <span className="nabij-plain-text nabij-clamp">{c.note}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <Paragraph>
        <AppLink to={sectionHref(overview.id, 'journaal')}>{t('caseFile.toJournal')}</AppLink>
      </Paragraph>
    </Card>
  );
}

/** Where the plan stands, and each goal with the share of its actions done. */
export function PlanCard({
  caseId,
  status,
  goals,
}: {
  caseId: string;
  status: string | undefined;
  goals: readonly GoalProgress[];
}) {
  return (
    <Card id="overzicht-plan" title={t('caseFile.planHeading')}>
      {status ? <Paragraph>{status}</Paragraph> : null}
      {goals.length > 0 ? (
        <ul className="nabij-overview-list">
          {goals.map((g) => (
            <li key={g.id}>
              <span className="nabij-overview-list__meta">{domainLabel(g.domain)}</span> {g.goal}{' '}
              <span className="nabij-overview-progress">
                <span aria-hidden="true" className="nabij-overview-progress__bar">
                  <span
                    className="nabij-overview-progress__done"
                    style={{ inlineSize: `${g.total === 0 ? 0 : Math.round((g.done / g.total) * 100)}%` }}
                  />
                </span>
                {g.total === 0
                  ? t('caseFile.planGoalNoActions')
                  : t('caseFile.planGoalProgress', { done: g.done, total: g.total })}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <Paragraph>
        <AppLink to={sectionHref(caseId, 'plan')}>{t('case.toPlan')}</AppLink>
      </Paragraph>
    </Card>
  );
}

/** A tiny line of the average ZRM scores (decorative: the text says the same). */
function Sparkline({ values }: { values: readonly number[] }) {
  if (values.length < 2) return null;
  const width = 64;
  const height = 20;
  const step = width / (values.length - 1);
  const y = (v: number) => height - ((v - 1) / 4) * height;
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  return (
    <svg
      className="nabij-sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      aria-hidden="true"
      focusable="false"
    >
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}

/** A small ZRM trend per person: the average of the last measurement and how it moved since the one before. */
export function ZrmTrendCard({ caseId, trends }: { caseId: string; trends: readonly ZrmTrend[] }) {
  return (
    <Card id="overzicht-zrm" title={t('caseFile.zrmHeading')}>
      {trends.length === 0 ? <Paragraph>{t('caseFile.zrmNone')}</Paragraph> : null}
      {trends.length > 0 ? (
        <ul className="nabij-overview-list">
          {trends.map((z) => (
            <li key={z.personId}>
              <Sparkline values={z.averages} />{' '}
              {z.previous
                ? t('caseFile.zrmTrend', {
                    name: z.personName,
                    from: formatAverage(z.previous.average),
                    to: formatAverage(z.latest.average),
                    better: z.better,
                    worse: z.worse,
                  })
                : t('caseFile.zrmOne', {
                    name: z.personName,
                    average: formatAverage(z.latest.average),
                    date: formatDate(z.latest.assessedOn),
                    count: z.latest.domains,
                  })}
            </li>
          ))}
        </ul>
      ) : null}
      <Paragraph>
        <AppLink to={sectionHref(caseId, 'zrm')}>{t('caseFile.toZrm')}</AppLink>
      </Paragraph>
    </Card>
  );
}

/** The people involved: contact person and tandem, the household, professionals and the network's key figures. */
export function PeopleCard({
  overview,
}: {
  overview: Pick<CaseOverview, 'id' | 'caseWorker' | 'tandem' | 'household' | 'professionals' | 'network'>;
}) {
  const members = overview.household?.members ?? [];
  const keyFigures = overview.network.filter((n) => n.keyFigure).map((n) => n.name);
  return (
    <Card id="overzicht-betrokkenen" title={t('caseFile.peopleHeading')}>
      <ul className="nabij-overview-list">
        <li>{t('caseFile.peopleWorker', { name: overview.caseWorker.name })}</li>
        {overview.tandem ? <li>{t('caseFile.peopleTandem', { name: overview.tandem.name })}</li> : null}
        {members.length > 0 ? (
          <li>
            {t('caseFile.peopleMembers', { names: '' }).trim()}{' '}
            {members.map((m, i) => (
              <span key={m.id}>
                {i > 0 ? ', ' : ''}
                {m.fullName}
                {m.isMinor ? <MinorBadge /> : null}
              </span>
            ))}
          </li>
        ) : null}
        {overview.professionals.length > 0 ? (
          <li>
            {t('caseFile.peopleProfessionals', {
              names: joinList(
                overview.professionals.map((p) => (p.name ? `${p.organisation} (${p.name})` : p.organisation)),
              ),
            })}
          </li>
        ) : null}
        {keyFigures.length > 0 ? <li>{t('caseFile.peopleNetwork', { names: joinList(keyFigures) })}</li> : null}
      </ul>
      <Paragraph>
        <AppLink to={sectionHref(overview.id, 'huishouden')}>{t('caseFile.toHousehold')}</AppLink>
      </Paragraph>
    </Card>
  );
}
