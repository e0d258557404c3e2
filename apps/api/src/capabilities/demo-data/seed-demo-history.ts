import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../../platform/database/database';
import { insertUser } from '../organisation';

interface Context {
  tenantId: string;
  teams: { Noord: string; Zuid: string };
  users: Map<string, string>;
}

type Row = Record<string, unknown>;

/** Inserts rows in a few multi-row statements (the demo starts quickly also with this history). */
async function insertRows(tx: Tx, table: string, rows: readonly Row[]): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = Object.keys(first);
  for (let i = 0; i < rows.length; i += 400) {
    const chunk = rows.slice(i, i + 400);
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) values ${sql.join(chunk.map((r) => sql`(${sql.join(columns.map((c) => r[c] ?? null))})`))}`.execute(
      tx,
    );
  }
}

/** A small deterministic random source, so every demo start has the same history (relative to today). */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, int, pick };
}

const DAY = 86_400_000;
/** The intake meeting is weekly, on Tuesdays: the first Tuesday on or after the day. */
const nextTuesday = (d: number) => d + ((2 - new Date(d).getUTCDay() + 7) % 7) * DAY;
const isoDay = (d: number) => new Date(d).toISOString().slice(0, 10);
const at = (d: number) => new Date(d + 9 * 3_600_000);

const CHANNELS = [
  'web_form',
  'web_form',
  'web_form',
  'web_form',
  'phone',
  'phone',
  'phone',
  'email',
  'walk_in',
  'walk_in',
  'partner_signal',
  'volunteer_handover',
] as const;
const KIND: Record<string, readonly string[]> = {
  web_form: ['professional', 'professional', 'self'],
  phone: ['self', 'professional'],
  email: ['professional'],
  walk_in: ['self'],
  partner_signal: ['partner'],
  volunteer_handover: ['self'],
};
const DOMAINS = [
  'finances',
  'finances',
  'housing',
  'mental_health',
  'social_network',
  'instrumental_adl',
  'domestic_relations',
  'time_use',
  'physical_health',
] as const;
const REASONS = [
  'goals_reached',
  'goals_reached',
  'goals_reached',
  'goals_reached',
  'goals_reached',
  'referred_elsewhere',
  'referred_elsewhere',
  'household_stopped',
  'no_contact_after_outreach',
  'moved',
  'other',
] as const;
const PERFORMERS = [
  'self',
  'self',
  'self_with_aids',
  'family_or_informal_carer',
  'network_or_volunteers',
  'network_or_volunteers',
  'case_worker_or_team',
  'case_worker_or_team',
  'other_organisation',
] as const;
const SIGNALS = [
  {
    kind: 'service_gap',
    domain: 'finances',
    text: 'Wachttijd voor schuldhulpverlening loopt op tot twaalf weken; huishoudens raken in die tijd verder achter.',
  },
  {
    kind: 'service_gap',
    domain: 'mental_health',
    text: 'Geen laagdrempelige GGZ-inloop in de wijk; mensen met lichte klachten komen nergens terecht.',
  },
  {
    kind: 'law_gap',
    domain: 'housing',
    text: 'Kostendelersnorm houdt jongvolwassenen thuis terwijl de situatie onveilig is.',
  },
  {
    kind: 'cooperation',
    domain: 'housing',
    text: 'Woningcorporatie meldt huurachterstanden pas na drie maanden; eerder signaleren is afgesproken maar gebeurt niet.',
  },
  {
    kind: 'service_gap',
    domain: 'social_network',
    text: 'Het maatjesproject heeft een wachtlijst; er zijn te weinig vrijwilligers in Zuid.',
  },
  {
    kind: 'other',
    domain: 'finances',
    text: 'Veel vragen over energietoeslag; een groepsvoorlichting zou individuele afspraken schelen.',
  },
  {
    kind: 'service_gap',
    domain: 'finances',
    text: 'Budgetcursus is alleen overdag; werkende ouders kunnen niet deelnemen.',
  },
  {
    kind: 'cooperation',
    domain: 'mental_health',
    text: 'Terugkoppeling van de huisartsenpost na crisiscontact ontbreekt vaak.',
  },
] as const;

/**
 * A year of closed, anonymous-looking history for the dashboards and the quality mirror: per team about thirty
 * households ("Inwoner N-001" …) referred 4 to 14 months ago, taken up, planned, evaluated and closed, with ZRM and
 * participation measurements, a few changes of contact person, referrals closed without a case, re-referrals,
 * consultations and signals to policy. All of it is closed, so it never shows up in anyone's work lists; with so few
 * demo cases, many dashboard cells would otherwise show "<5".
 */
export async function seedDemoHistory(tx: Tx, c: Context): Promise<void> {
  const rng = random(2026);
  const today = Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const coordinator = c.users.get('coordinator');
  const scientist = c.users.get('gedragswetenschapper');
  if (!coordinator || !scientist) return;
  const services = await tx.selectFrom('service').select(['id', 'type']).where('tenant_id', '=', c.tenantId).execute();
  const ofType = (types: readonly string[]) => services.filter((s) => types.includes(s.type)).map((s) => s.id);
  const light = ofType(['general', 'group']);
  const tailored = ofType(['tailored']);

  const rows: Record<string, Row[]> = {};
  const add = (table: string, row: Row) => (rows[table] ??= []).push(row);
  const meetings = new Map<string, string>();
  const meeting = (teamId: string, day: number) => {
    const key = `${teamId}:${isoDay(day)}`;
    let id = meetings.get(key);
    if (!id) {
      id = randomUUID();
      meetings.set(key, id);
      add('intake_meeting', {
        id,
        tenant_id: c.tenantId,
        team_id: teamId,
        date: isoDay(day),
        chair_user_id: coordinator,
        created_by: coordinator,
      });
    }
    return id;
  };
  let ref = 0;
  const referral = (teamId: string, received: number, channel: string, status: string, household: string | null) => {
    const id = randomUUID();
    ref++;
    add('referral', {
      id,
      tenant_id: c.tenantId,
      team_id: teamId,
      reference: `AM-${new Date(received).getUTCFullYear()}-${String(90000 + ref)}`,
      channel,
      status,
      received_at: at(received),
      referrer_kind: rng.pick(KIND[channel] ?? ['self']),
      question: 'Hulpvraag uit het archief van de demo.',
      household_id: household,
      created_at: at(received),
    });
    return id;
  };

  for (const [teamName, teamId] of Object.entries(c.teams) as Array<['Noord' | 'Zuid', string]>) {
    const worker = c.users.get(teamName === 'Noord' ? 'werker' : 'werker2');
    if (!worker) continue;
    // A colleague who has left the team: the first contact person of some households, before the current worker took over.
    const former = await insertUser(tx, {
      tenantId: c.tenantId,
      username: `oud.werker.${teamName.toLowerCase()}`,
      displayName: teamName === 'Noord' ? 'Eline Visser (vertrokken)' : 'Ruben Smit (vertrokken)',
      email: null,
      passwordHash: null,
      mustChangePassword: false,
      roles: ['case_worker'],
      teamIds: [teamId],
    });
    await tx.updateTable('app_user').set({ active: false }).where('id', '=', former).execute();
    const count = teamName === 'Noord' ? 34 : 24;
    const closedHouseholds: Array<{ household: string; closedOn: number }> = [];
    for (let i = 0; i < count; i++) {
      const code = `${teamName[0]}-${String(i + 1).padStart(3, '0')}`;
      const household = randomUUID();
      const person = randomUUID();
      add('household', { id: household, tenant_id: c.tenantId, name: `Huishouden ${code} (archief)` });
      add('person', { id: person, tenant_id: c.tenantId, first_name: 'Inwoner', last_name: code });
      add('household_member', { household_id: household, person_id: person, tenant_id: c.tenantId, relation: 'other' });

      const received = today - (425 - Math.floor((i * 300) / count) - rng.int(0, 5)) * DAY;
      const decided = nextTuesday(received + rng.int(1, 6) * DAY);
      const opened = decided + (rng.next() < 0.8 ? 0 : rng.int(1, 5)) * DAY;
      const firstContact = opened + rng.int(1, 12) * DAY;
      const agreed = firstContact + rng.int(18, 50) * DAY;
      const closedOn = Math.min(agreed + rng.int(60, 170) * DAY, today - 3 * DAY);
      const channel = rng.pick(CHANNELS);
      const referralId = referral(teamId, received, channel, 'decided', household);
      add('core_decision', {
        referral_id: referralId,
        tenant_id: c.tenantId,
        meeting_id: meeting(teamId, decided),
        outcome: 'take_up',
        reasoning: 'Vragen op meerdere leefgebieden; het team pakt het op.',
        discussed_with_resident: rng.next() < 0.8,
        decided_by: coordinator,
        decided_at: at(decided),
      });
      const changes = rng.next() < 0.2;
      const caseId = randomUUID();
      add('case_file', {
        id: caseId,
        tenant_id: c.tenantId,
        team_id: teamId,
        referral_id: referralId,
        household_id: household,
        primary_person_id: person,
        case_worker_id: worker,
        phase: 'closed',
        opened_at: at(opened),
        opened_by: coordinator,
        closed_at: at(closedOn),
        consent_kind: 'verbal',
        consent_date: isoDay(opened),
        consent_recorded_by: coordinator,
        analysis_deadline: isoDay(opened + 42 * DAY),
      });
      if (changes)
        add('case_worker_change', {
          tenant_id: c.tenantId,
          case_id: caseId,
          previous_worker_id: former,
          new_worker_id: worker,
          changed_at: at(firstContact + 20 * DAY),
        });
      // Contacts: the first, and a few more; home visits often.
      for (let k = 0, day = firstContact; k < rng.int(3, 6) && day < closedOn; k++, day += rng.int(7, 21) * DAY) {
        add('contact_entry', {
          tenant_id: c.tenantId,
          case_id: caseId,
          kind: rng.pick(['home_visit', 'home_visit', 'phone', 'office']),
          contact_on: isoDay(day),
          note: 'Gesprek met het huishouden.',
          recorded_by: worker,
          recorded_at: at(day),
        });
      }
      // ZRM and participation: start and closing.
      const domains = [...new Set(Array.from({ length: rng.int(1, 3) }, () => rng.pick(DOMAINS)))];
      const startId = randomUUID();
      const closingId = randomUUID();
      add('zrm_assessment', {
        id: startId,
        tenant_id: c.tenantId,
        case_id: caseId,
        person_id: person,
        instrument: 'zrm2017',
        kind: 'start',
        assessed_on: isoDay(firstContact + 7 * DAY),
        recorded_by: worker,
      });
      add('zrm_assessment', {
        id: closingId,
        tenant_id: c.tenantId,
        case_id: caseId,
        person_id: person,
        instrument: 'zrm2017',
        kind: 'closing',
        assessed_on: isoDay(closedOn - DAY),
        recorded_by: worker,
      });
      for (const domain of domains) {
        const start = rng.int(1, 3);
        add('zrm_score', { assessment_id: startId, tenant_id: c.tenantId, domain, score: start });
        add('zrm_score', {
          assessment_id: closingId,
          tenant_id: c.tenantId,
          domain,
          score: Math.min(5, Math.max(1, start + rng.pick([-1, 0, 0, 1, 1, 1, 2]))),
        });
      }
      const rung = rng.int(1, 4);
      add('participation_measure', {
        tenant_id: c.tenantId,
        case_id: caseId,
        person_id: person,
        rung,
        measured_on: isoDay(firstContact + 7 * DAY),
        recorded_by: worker,
      });
      add('participation_measure', {
        tenant_id: c.tenantId,
        case_id: caseId,
        person_id: person,
        rung: Math.min(6, rung + rng.pick([0, 0, 1, 1, 2])),
        measured_on: isoDay(closedOn - DAY),
        recorded_by: worker,
      });
      // The plan: a goal per domain, actions light before heavy.
      const planId = randomUUID();
      const versionId = randomUUID();
      add('plan', { id: planId, tenant_id: c.tenantId, case_id: caseId, created_by: worker });
      add('plan_version', {
        id: versionId,
        tenant_id: c.tenantId,
        plan_id: planId,
        number: 1,
        status: 'agreed',
        starts_on: isoDay(agreed),
        coordination: 'case',
        resident_plan_kind: rng.next() < 0.15 ? 'personal_plan' : null,
        agreement_form: 'verbal',
        agreed_on: isoDay(agreed),
        agreed_by_name: `Inwoner ${code}`,
        agreement_recorded_by: worker,
        agreement_recorded_at: at(agreed),
        created_by: worker,
      });
      domains.forEach((domain, g) => {
        const goalId = randomUUID();
        add('plan_goal', {
          id: goalId,
          tenant_id: c.tenantId,
          plan_version_id: versionId,
          position: g + 1,
          domain,
          problem: 'Zoals het huishouden het zelf zegt.',
          goal: 'Wat het huishouden wil bereiken.',
        });
        for (let a = 0; a < rng.int(1, 3); a++) {
          const performer = rng.pick(PERFORMERS);
          const service =
            performer === 'network_or_volunteers' && light.length
              ? rng.pick(light)
              : performer === 'other_organisation' && tailored.length
                ? rng.pick(tailored)
                : null;
          add('plan_action', {
            tenant_id: c.tenantId,
            goal_id: goalId,
            position: a + 1,
            description: 'Afgesproken actie.',
            performer,
            service_id: service,
            status: 'done',
          });
        }
      });
      const evaluated = agreed + rng.int(60, 100) * DAY;
      if (evaluated < closedOn) {
        add('case_evaluation', {
          tenant_id: c.tenantId,
          case_id: caseId,
          episode: 1,
          held_on: isoDay(evaluated),
          participants: 'Huishouden en werker',
          plan_version_id: versionId,
          conclusion: 'continue',
          recorded_by: worker,
        });
      }
      // The closure, sometimes with a watch that has since ended.
      const answerId = randomUUID();
      add('closing_question_answer', {
        id: answerId,
        tenant_id: c.tenantId,
        case_id: caseId,
        episode: 1,
        something_goes_wrong: false,
        answered_by: worker,
        answered_at: at(closedOn),
      });
      const reason = rng.pick(REASONS);
      const watch = reason === 'goals_reached' && rng.next() < 0.3 && closedOn + 40 * DAY < today;
      const closureId = randomUUID();
      add('case_closure', {
        id: closureId,
        tenant_id: c.tenantId,
        case_id: caseId,
        episode: 1,
        closed_on: isoDay(closedOn),
        outcome: watch ? 'watch' : 'closed',
        reason,
        referred_to: reason === 'referred_elsewhere' ? 'Specialistische hulp' : null,
        reason_other: reason === 'other' ? 'Hulpvraag elders beantwoord' : null,
        process_worked: 'Korte lijnen en vaste afspraken.',
        process_learned: 'Eerder het netwerk betrekken.',
        closing_question_id: answerId,
        plan_version_id: versionId,
        outcome_snapshot: '{}',
        recorded_by: worker,
        recorded_at: at(closedOn),
      });
      if (watch) {
        const ended = Math.min(closedOn + rng.int(30, 120) * DAY, today - DAY);
        add('case_watch', {
          tenant_id: c.tenantId,
          case_id: caseId,
          episode: 1,
          closure_id: closureId,
          started_on: isoDay(closedOn),
          check_in_interval_weeks: 6,
          next_check_in_on: isoDay(closedOn + 42 * DAY),
          ends_on: isoDay(closedOn + 180 * DAY),
          ended_on: isoDay(ended),
          end_kind: 'ended',
          end_note: 'Het gaat goed; waakvlam gestopt.',
          ended_by: worker,
        });
      }
      if (reason === 'referred_elsewhere' && rng.next() < 0.7) {
        add('care_transfer', {
          tenant_id: c.tenantId,
          case_id: caseId,
          kind: 'warm_handover',
          organisation: 'Specialistische hulp',
          what: 'Warme overdracht',
          on_date: isoDay(closedOn - 7 * DAY),
          warm_meeting_held: true,
          recorded_by: worker,
        });
      }
      closedHouseholds.push({ household, closedOn });
    }
    // Referrals closed without a case: advice to the referrer, referral elsewhere, not for the team, or closed at the desk.
    for (let i = 0; i < (teamName === 'Noord' ? 14 : 9); i++) {
      const received = today - rng.int(20, 400) * DAY;
      const outcome = rng.pick([
        'advice',
        'advice',
        'refer_elsewhere',
        'refer_elsewhere',
        'not_for_us',
        'none',
      ] as const);
      const id = referral(teamId, received, rng.pick(CHANNELS), 'closed', null);
      if (outcome !== 'none') {
        const decided = nextTuesday(received + rng.int(1, 6) * DAY);
        add('core_decision', {
          referral_id: id,
          tenant_id: c.tenantId,
          meeting_id: meeting(teamId, decided),
          outcome,
          reasoning: 'Besproken in het aanmeldoverleg.',
          discussed_with_resident: rng.next() < 0.6,
          decided_by: coordinator,
          decided_at: at(decided),
        });
      }
    }
    // Households that came back within a year.
    for (const h of closedHouseholds.filter((x) => x.closedOn < today - 60 * DAY).slice(0, 3)) {
      const received = h.closedOn + rng.int(20, 50) * DAY;
      const id = referral(teamId, received, 'phone', 'closed', h.household);
      const decided = nextTuesday(received + 2 * DAY);
      add('core_decision', {
        referral_id: id,
        tenant_id: c.tenantId,
        meeting_id: meeting(teamId, decided),
        outcome: 'advice',
        reasoning: 'Korte vraag; advies volstond.',
        discussed_with_resident: true,
        decided_by: coordinator,
        decided_at: at(decided),
      });
    }
  }
  // Signals to policy (no personal data) and consultations of the behavioural scientist on the archived cases.
  SIGNALS.forEach((s, i) => {
    const day = today - (20 + i * 37) * DAY;
    const teamId = i % 3 === 2 ? c.teams.Zuid : c.teams.Noord;
    add('policy_signal', {
      tenant_id: c.tenantId,
      team_id: teamId,
      kind: s.kind,
      life_domain: s.domain,
      description: s.text,
      recorded_by: c.users.get(i % 3 === 2 ? 'werker2' : 'werker'),
      recorded_at: at(day),
      forwarded_at: i % 2 === 0 ? at(day + 10 * DAY) : null,
      forwarded_by: i % 2 === 0 ? coordinator : null,
    });
  });
  const archived = (rows.case_file ?? []).filter((r) => r.team_id === c.teams.Noord).slice(12, 20);
  for (const kase of archived) {
    const requested = (kase.opened_at as Date).getTime() + rng.int(10, 40) * DAY;
    add('behavioural_consultation', {
      tenant_id: c.tenantId,
      case_id: kase.id,
      scientist_id: scientist,
      question: 'Hoe houden we de motivatie vast?',
      requested_by: kase.case_worker_id,
      requested_at: new Date(requested),
      advice: 'Kleine stappen, samen met het netwerk.',
      advised_on: isoDay(requested + rng.int(1, 9) * DAY),
      advice_recorded_at: new Date(requested + 10 * DAY),
    });
  }

  for (const table of [
    'household',
    'person',
    'household_member',
    'intake_meeting',
    'referral',
    'core_decision',
    'case_file',
    'case_worker_change',
    'contact_entry',
    'zrm_assessment',
    'zrm_score',
    'participation_measure',
    'plan',
    'plan_version',
    'plan_goal',
    'plan_action',
    'case_evaluation',
    'closing_question_answer',
    'case_closure',
    'case_watch',
    'care_transfer',
    'policy_signal',
    'behavioural_consultation',
  ]) {
    await insertRows(tx, table, rows[table] ?? []);
  }
}
