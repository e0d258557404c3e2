import type { CaseCoordinationView } from '@nabij/contracts';
import {
  Alert,
  Heading2,
  Heading3,
  Paragraph,
  StatusBadge,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import { municipalDay } from '../../app/dates';
import { errorText } from '../../app/errors';
import { t } from '../../app/i18n';
import { useResource } from '../../app/use-resource';
import { AppLink } from '../../components/AppLink';
import { Loading } from '../../components/Loading';
import { formatDate } from '../persons/person-format';
import { AdviceForm, AgendaForm, ConsultationRequestForm, type FormProps } from './CaseReviewForms';
import { agendaKindFromSearch, questionKindLabel } from './coordination-format';
import {
  AgreedActionForm,
  AgreedActionUpdateForm,
  CareTransferForm,
  EndTandemForm,
  ScalingForm,
  TandemWorkerForm,
} from './EscalationForms';
import { ContactPersonSection, ProcessCoordinatorSection } from './StaffForms';
import './coordination.css';

type View = CaseCoordinationView;

function Disclosure({ summary, open, children }: { summary: string; open?: boolean; children: ReactNode }) {
  return (
    <details className="nabij-disclosure" open={open}>
      <summary className="nabij-disclosure__summary">{summary}</summary>
      <div className="nabij-disclosure__content">{children}</div>
    </details>
  );
}

function Outcome({ outcome }: { outcome: NonNullable<View['reviewItems'][number]['outcome']> }) {
  return (
    <div className="nabij-coordination-outcome">
      <Paragraph>
        <strong>{t('coordination.adviceLabel')}</strong> <span className="nabij-plain-text">{outcome.advice}</span>
      </Paragraph>
      {outcome.agreements ? (
        <Paragraph>
          <strong>{t('coordination.agreementsLabel')}</strong>{' '}
          <span className="nabij-plain-text">{outcome.agreements}</span>
          {outcome.agreementsBy ? ` (${outcome.agreementsBy})` : ''}
        </Paragraph>
      ) : null}
      <Paragraph className="nabij-coordination-meta">
        {t('coordination.recordedBy', {
          name: outcome.recordedByName,
          date: formatDate(municipalDay(outcome.recordedAt)),
        })}
      </Paragraph>
    </div>
  );
}

/** "Overleg en advies": the case on the agenda of the case review meeting, and consultations with the behavioural scientist. */
function ReviewSection({ view, onSaved, onStale }: FormProps) {
  const location = useLocation();
  const initialKind = agendaKindFromSearch(location.search);
  return (
    <section id="overleg" aria-labelledby="overleg-heading" className="nabij-section">
      <Heading2 id="overleg-heading">{t('coordination.reviewSection')}</Heading2>
      <Heading3 id="overleg-agenda-heading">{t('coordination.caseReview')}</Heading3>
      {view.reviewItems.length === 0 ? <Paragraph>{t('coordination.noReviewItems')}</Paragraph> : null}
      {view.reviewItems.length > 0 ? (
        <ul className="nabij-coordination-list" aria-labelledby="overleg-agenda-heading">
          {view.reviewItems.map((i) => (
            <li key={i.id}>
              <Paragraph>
                <strong>{t('coordination.meetingOf', { date: formatDate(i.meetingDate) })}</strong> ·{' '}
                {questionKindLabel(i.questionKind)}
              </Paragraph>
              <Paragraph className="nabij-plain-text">{i.question}</Paragraph>
              <Paragraph className="nabij-coordination-meta">
                {t('coordination.askedBy', { name: i.requestedByName })}
              </Paragraph>
              {i.outcome ? (
                <Outcome outcome={i.outcome} />
              ) : (
                <StatusBadge>{t('coordination.awaitingOutcome')}</StatusBadge>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {view.isOnCase ? (
        <Disclosure summary={t('coordination.agendaHeading')} open={initialKind !== undefined}>
          {initialKind === 'closure' ? (
            <Alert type="info">
              <Paragraph>{t('coordination.closureHint')}</Paragraph>
            </Alert>
          ) : null}
          <AgendaForm view={view} onSaved={onSaved} onStale={onStale} initialKind={initialKind} />
        </Disclosure>
      ) : null}

      <Heading3 id="overleg-consult-heading">{t('coordination.consultations')}</Heading3>
      {view.consultations.length === 0 ? <Paragraph>{t('coordination.noConsultations')}</Paragraph> : null}
      {view.consultations.length > 0 ? (
        <ul className="nabij-coordination-list" aria-labelledby="overleg-consult-heading">
          {view.consultations.map((c) => (
            <li key={c.id}>
              <Paragraph>
                <strong>{c.scientist.name}</strong> ·{' '}
                {t('coordination.askedOn', { name: c.requestedByName, date: formatDate(municipalDay(c.requestedAt)) })}
              </Paragraph>
              <Paragraph className="nabij-plain-text">{c.question}</Paragraph>
              {c.advice !== null && c.advisedOn ? (
                <Paragraph>
                  <strong>{t('coordination.adviceOf', { date: formatDate(c.advisedOn) })}</strong>{' '}
                  <span className="nabij-plain-text">{c.advice}</span>
                </Paragraph>
              ) : (
                <StatusBadge>{t('coordination.awaitingAdvice')}</StatusBadge>
              )}
              {c.canAdvise ? (
                <Disclosure
                  summary={c.advice === null ? t('coordination.adviceHeading') : t('coordination.changeAdvice')}
                  open={c.advice === null}
                >
                  <AdviceForm view={view} consultation={c} onSaved={onSaved} onStale={onStale} />
                </Disclosure>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {view.canWork ? (
        <Disclosure summary={t('coordination.consultHeading')}>
          <ConsultationRequestForm view={view} onSaved={onSaved} onStale={onStale} />
        </Disclosure>
      ) : null}
    </section>
  );
}

function AgreedActions({ view, onSaved, onStale }: FormProps) {
  return (
    <>
      <Heading3 id="coordinatie-actions-heading">{t('coordination.agreedActions')}</Heading3>
      <Paragraph>{t('coordination.agreedActionsIntro')}</Paragraph>
      {view.agreedActions.length === 0 ? <Paragraph>{t('coordination.noActions')}</Paragraph> : null}
      {view.agreedActions.length > 0 ? (
        <div className="nabij-table-scroll">
          <Table className="nabij-responsive-table">
            <TableCaption className="nabij-visually-hidden">{t('coordination.agreedActions')}</TableCaption>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('coordination.party')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('coordination.action')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('coordination.dueOn')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('coordination.status')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('coordination.lastCheckedOn')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {view.agreedActions.map((a) => (
                <TableRow key={a.id}>
                  <TableCell data-label={t('coordination.party')}>{a.party}</TableCell>
                  <TableCell data-label={t('coordination.action')} className="nabij-plain-text">
                    {a.action}
                    {a.note ? <span className="nabij-coordination-meta"> — {a.note}</span> : null}
                  </TableCell>
                  <TableCell data-label={t('coordination.dueOn')}>
                    {a.dueOn ? formatDate(a.dueOn) : t('coordination.noDate')}
                    {a.overdue ? (
                      <>
                        {' '}
                        <StatusBadge className="nabij-coordination-overdue">{t('coordination.overdue')}</StatusBadge>
                      </>
                    ) : null}
                  </TableCell>
                  <TableCell data-label={t('coordination.status')}>
                    {t(`coordination.actionStatus.${a.status}`)}
                  </TableCell>
                  <TableCell data-label={t('coordination.lastCheckedOn')}>
                    {a.lastCheckedOn ? formatDate(a.lastCheckedOn) : t('coordination.notChecked')}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ) : null}
      {view.canWork
        ? view.agreedActions.map((a) => (
            <Disclosure key={a.id} summary={t('coordination.updateActionFor', { party: a.party })}>
              <AgreedActionUpdateForm view={view} action={a} onSaved={onSaved} onStale={onStale} />
            </Disclosure>
          ))
        : null}
      {view.canWork ? (
        <Disclosure summary={t('coordination.addAction')}>
          <AgreedActionForm view={view} onSaved={onSaved} onStale={onStale} />
        </Disclosure>
      ) : null}
    </>
  );
}

function Transfers({ view, onSaved, onStale }: FormProps) {
  return (
    <>
      <Heading3 id="coordinatie-transfers-heading">{t('coordination.transfers')}</Heading3>
      {view.transfers.length === 0 ? <Paragraph>{t('coordination.noTransfers')}</Paragraph> : null}
      {view.transfers.length > 0 ? (
        <ul className="nabij-coordination-list" aria-labelledby="coordinatie-transfers-heading">
          {view.transfers.map((x) => (
            <li key={x.id}>
              <Paragraph>
                <strong>{t(`coordination.transferKind.${x.kind}`)}</strong> · {x.organisation} · {formatDate(x.onDate)}
                {x.kind === 'warm_handover'
                  ? ` · ${x.warmMeetingHeld ? t('coordination.warmMeetingYes') : t('coordination.warmMeetingNo')}`
                  : ''}
                {x.endedOn ? ` · ${t('coordination.endedOnText', { date: formatDate(x.endedOn) })}` : ''}
              </Paragraph>
              <Paragraph className="nabij-plain-text">{x.what}</Paragraph>
              {x.contact ? (
                <Paragraph className="nabij-coordination-meta">
                  {t('coordination.contactText', { contact: x.contact })}
                </Paragraph>
              ) : null}
              {view.canWork && x.kind === 'tandem_construction' && !x.endedOn ? (
                <EndTandemForm view={view} transfer={x} onSaved={onSaved} onStale={onStale} />
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {view.canWork ? (
        <Disclosure summary={t('coordination.addTransfer')}>
          <CareTransferForm view={view} onSaved={onSaved} onStale={onStale} />
        </Disclosure>
      ) : null}
    </>
  );
}

function Scaling({ view, onSaved, onStale }: FormProps) {
  return (
    <>
      <Heading3 id="coordinatie-scaling-heading">{t('coordination.scaling')}</Heading3>
      {view.scalingDecisions.length === 0 ? <Paragraph>{t('coordination.noScaling')}</Paragraph> : null}
      {view.scalingDecisions.length > 0 ? (
        <ul className="nabij-coordination-list" aria-labelledby="coordinatie-scaling-heading">
          {view.scalingDecisions.map((d) => (
            <li key={d.id}>
              <Paragraph>
                <strong>{t(`coordination.direction.${d.direction}`)}</strong> · {d.toOrganisation} ·{' '}
                {formatDate(d.decidedOn)}
              </Paragraph>
              <Paragraph className="nabij-plain-text">{d.reason}</Paragraph>
              {d.schakeloverleg && d.framework && d.schakeloverlegOn ? (
                <Paragraph>
                  {t('coordination.schakeloverlegText', {
                    date: formatDate(d.schakeloverlegOn),
                    framework: t(`coordination.framework.${d.framework}`),
                  })}
                  {d.participants ? ` (${d.participants})` : ''}
                </Paragraph>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {view.canWork ? (
        <Disclosure summary={t('coordination.addScaling')}>
          <ScalingForm view={view} onSaved={onSaved} onStale={onStale} />
        </Disclosure>
      ) : null}
    </>
  );
}

/** "Coördinatie en opschaling": tandem, agreed actions of involved parties, handovers, scaling decisions, signal to policy. */
function CoordinationSection({ view, onSaved, onStale }: FormProps) {
  return (
    <section id="coordinatie" aria-labelledby="coordinatie-heading" className="nabij-section">
      <Heading2 id="coordinatie-heading">{t('coordination.coordinationSection')}</Heading2>
      <ContactPersonSection view={view} onSaved={onSaved} onStale={onStale} />
      <Heading3>{t('coordination.tandemHeading')}</Heading3>
      <Paragraph>
        {view.tandem ? t('coordination.tandemIs', { name: view.tandem.name }) : t('coordination.noTandemYet')}
      </Paragraph>
      {view.canSetTandem ? <TandemWorkerForm view={view} onSaved={onSaved} onStale={onStale} /> : null}
      <AgreedActions view={view} onSaved={onSaved} onStale={onStale} />
      <Transfers view={view} onSaved={onSaved} onStale={onStale} />
      <Scaling view={view} onSaved={onSaved} onStale={onStale} />
      <ProcessCoordinatorSection view={view} onSaved={onSaved} onStale={onStale} />
      <Heading3>{t('coordination.signalHeading')}</Heading3>
      <Paragraph>
        {t('coordination.signalIntro')}{' '}
        <AppLink to={`/signalen?dossier=${encodeURIComponent(view.caseId)}`}>{t('coordination.signalLink')}</AppLink>
      </Paragraph>
    </section>
  );
}

/** The case page's sections on team meetings and coordination (loaded on their own; the read is logged). */
export function CaseCoordinationSections({ caseId }: { caseId: string }) {
  const resource = useResource<View>(`/api/cases/${encodeURIComponent(caseId)}/coordination`);
  if (resource.status === 'loading') return <Loading />;
  if (resource.status === 'failed')
    return (
      <Alert type="error">
        <Paragraph>{errorText(resource.error)}</Paragraph>
      </Alert>
    );
  const props: FormProps = { view: resource.data, onSaved: resource.setData, onStale: resource.reload };
  return (
    <>
      <ReviewSection {...props} />
      <CoordinationSection {...props} />
    </>
  );
}
