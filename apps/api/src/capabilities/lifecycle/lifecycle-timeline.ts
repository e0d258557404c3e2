import type { Tx } from '../../platform/database/database';
import type { TimelineEntry } from '../case-files';
import { CHECK_IN_WAY_TEXT, CONCLUSION_TEXT, reasonText } from './labels';

const noon = (date: string) => `${date}T12:00:00.000Z`;

/** The case timeline's entries of this capability: evaluations, the closing question, closure, watch, check-ins, reactivation, letters, linked referrals. */
export async function lifecycleTimeline(tx: Tx, caseId: string): Promise<TimelineEntry[]> {
  const [evaluations, answers, closures, watches, checkIns, episodes, letters, links] = await Promise.all([
    tx
      .selectFrom('case_evaluation as e')
      .innerJoin('app_user as u', 'u.id', 'e.recorded_by')
      .innerJoin('plan_version as v', 'v.id', 'e.plan_version_id')
      .select(['e.held_on', 'e.conclusion', 'v.number', 'u.display_name'])
      .where('e.case_id', '=', caseId)
      .execute(),
    tx
      .selectFrom('closing_question_answer as a')
      .innerJoin('app_user as u', 'u.id', 'a.answered_by')
      .select(['a.answered_at', 'u.display_name'])
      .where('a.case_id', '=', caseId)
      .where('a.something_goes_wrong', '=', true)
      .execute(),
    tx
      .selectFrom('case_closure as x')
      .innerJoin('app_user as u', 'u.id', 'x.recorded_by')
      .select([
        'x.closed_on',
        'x.outcome',
        'x.reason',
        'x.referred_to',
        'x.reason_other',
        'x.episode',
        'u.display_name',
      ])
      .where('x.case_id', '=', caseId)
      .execute(),
    tx
      .selectFrom('case_watch')
      .select(['started_on', 'check_in_interval_weeks', 'ends_on', 'ended_on', 'end_kind'])
      .where('case_id', '=', caseId)
      .execute(),
    tx
      .selectFrom('watch_check_in as w')
      .innerJoin('app_user as u', 'u.id', 'w.recorded_by')
      .select(['w.checked_on', 'w.way', 'w.all_well', 'u.display_name'])
      .where('w.case_id', '=', caseId)
      .execute(),
    tx
      .selectFrom('case_episode as e')
      .innerJoin('app_user as u', 'u.id', 'e.started_by')
      .select(['e.number', 'e.started_at', 'e.to_phase', 'u.display_name'])
      .where('e.case_id', '=', caseId)
      .execute(),
    tx
      .selectFrom('case_letter as l')
      .innerJoin('app_user as u', 'u.id', 'l.created_by')
      .select(['l.kind', 'l.created_at', 'l.status', 'u.display_name'])
      .where('l.case_id', '=', caseId)
      .execute(),
    tx
      .selectFrom('case_referral_link as k')
      .innerJoin('referral as r', 'r.id', 'k.referral_id')
      .select(['r.reference', 'k.linked_at'])
      .where('k.case_id', '=', caseId)
      .execute(),
  ]);
  const when = (d: string) =>
    new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(noon(d)),
    );
  return [
    ...evaluations.map((e) => ({
      at: noon(e.held_on),
      kind: 'evaluation',
      summary: `Evaluatie van het plan (versie ${e.number}): ${CONCLUSION_TEXT[e.conclusion] ?? e.conclusion}`,
      byName: e.display_name,
    })),
    ...answers.map((a) => ({
      at: a.answered_at.toISOString(),
      kind: 'closing_question',
      summary:
        'Nog niet afgesloten: op "Gaat er iets mis als ik eruit stap?" was het antwoord ja; eerst bespreken in het casuïstiekoverleg',
      byName: a.display_name,
    })),
    ...closures.map((x) => ({
      at: noon(x.closed_on),
      kind: 'closure',
      summary: `${x.outcome === 'watch' ? 'Afgesloten met waakvlam' : 'Dossier afgesloten'} (episode ${x.episode}): ${reasonText(x.reason, x.referred_to, x.reason_other)}`,
      byName: x.display_name,
    })),
    ...watches.map((w) => ({
      at: noon(w.started_on),
      kind: 'watch_started',
      summary: `Waakvlam gestart: ongeveer elke ${w.check_in_interval_weeks} weken contact, tot ${when(w.ends_on)}`,
      byName: null,
    })),
    ...watches
      .filter((w) => w.ended_on && w.end_kind === 'ended')
      .map((w) => ({
        at: noon(w.ended_on ?? w.started_on),
        kind: 'watch_ended',
        summary: 'Waakvlam beëindigd; het dossier is gesloten',
        byName: null,
      })),
    ...checkIns.map((x) => ({
      at: noon(x.checked_on),
      kind: 'watch_check_in',
      summary: `Check-in waakvlam (${CHECK_IN_WAY_TEXT[x.way] ?? x.way}): ${x.all_well ? 'alles gaat goed' : 'er zijn zorgen'}`,
      byName: x.display_name,
    })),
    ...episodes.map((e) => ({
      at: e.started_at.toISOString(),
      kind: 'reactivated',
      summary: `Opnieuw actief als episode ${e.number} (${e.to_phase === 'execution' ? 'uitvoering' : 'analyse'})`,
      byName: e.display_name,
    })),
    ...letters.map((l) => ({
      at: l.created_at.toISOString(),
      kind: 'letter',
      summary: `Brief bij afronding aan ${l.kind === 'case_closure_referrer' ? 'de verwijzer' : 'het huishouden'}${l.status === 'sent' ? ' verstuurd' : l.status === 'no_address' ? ' gemaakt (geen e-mailadres: print of geef hem mee)' : l.status === 'failed' ? ': versturen mislukt' : ''}`,
      byName: l.display_name,
    })),
    ...links.map((k) => ({
      at: k.linked_at.toISOString(),
      kind: 'referral_linked',
      summary: `Nieuwe aanmelding ${k.reference} gekoppeld aan dit dossier`,
      byName: null,
    })),
  ];
}
