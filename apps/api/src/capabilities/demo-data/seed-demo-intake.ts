import { sql } from 'kysely';
import type { Tx } from '../../platform/database/database';

/** A day relative to today (UTC), as an ISO date. */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
/** The team's term for the analysis: six weeks after opening. */
const ANALYSIS_TERM_DAYS = 42;

interface Context {
  tenantId: string;
  noordId: string;
  users: Map<string, string>;
  households: Map<string, { id: string; personIds: string[] }>;
}

/**
 * The intake phase of the demo: three referrals of team Noord in different states, today's intake
 * meeting, and open case files for the demo case worker, so every screen has something to show.
 */
export async function seedDemoIntake(tx: Tx, c: Context): Promise<void> {
  const user = (name: string) => {
    const id = c.users.get(name);
    if (!id) throw new Error(`demo user ${name} missing`);
    return id;
  };
  const year = new Date().getFullYear();
  let n = 0;
  const reference = () => `AM-${year}-${String(++n).padStart(5, '0')}`;
  const base = {
    tenant_id: c.tenantId,
    team_id: c.noordId,
    referrer_role: null,
    tried: null,
    safety_notes: null,
    resident_awareness_note: null,
    household_id: null,
    known_coordination_elsewhere: null,
    regiecheck_done_at: null,
    regiecheck_done_by: null,
  };

  const webForm = await tx
    .insertInto('referral')
    .values({
      ...base,
      reference: reference(),
      channel: 'web_form',
      referrer_kind: 'professional',
      referrer_name: 'Dr. M. Verhoeven',
      referrer_organisation: 'Huisartsenpraktijk Lindelaan',
      referrer_phone: '030-1230000',
      referrer_email: 'verhoeven@huisarts.example',
      life_domains: ['mental_health', 'social_network'],
      question:
        'Mevrouw Bakker (34) voelt zich sinds haar verhuizing erg alleen en somber. Zij wil graag contact met mensen in de buurt.',
      urgency: 'normal',
      children_at_risk: 'no',
      resident_awareness: 'agrees',
      idempotency_key: 'demo-1',
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('referral_person')
    .values({
      referral_id: webForm.id,
      tenant_id: c.tenantId,
      position: 0,
      role: 'resident',
      first_name: 'Lisa',
      infix: null,
      last_name: 'Bakker',
      date_of_birth: '1992-02-12',
      age: null,
      bsn: null,
      postcode: '3513EF',
      house_number: '90',
      street: 'Molenweg',
      city: 'Voorbeeld',
      phone: '06-12340000',
      person_id: null,
    })
    .execute();

  const phone = await tx
    .insertInto('referral')
    .values({
      ...base,
      reference: reference(),
      channel: 'partner_signal',
      referrer_kind: 'partner',
      referrer_name: 'Ilse de Wit',
      referrer_organisation: 'Woningcorporatie Thuis in Voorbeeld',
      referrer_phone: '030-4560000',
      referrer_email: null,
      life_domains: ['finances', 'housing'],
      question: 'Huurachterstand van twee maanden bij de heer Jansen. Hij reageert niet op brieven.',
      urgency: 'soon',
      children_at_risk: 'no',
      resident_awareness: 'unknown',
      status: 'waiting_for_information',
      idempotency_key: 'demo-2',
      created_by: user('bureaudienst'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('referral_person')
    .values({
      referral_id: phone.id,
      tenant_id: c.tenantId,
      position: 0,
      role: 'resident',
      first_name: 'Hendrik',
      infix: null,
      last_name: 'Jansen',
      date_of_birth: '1946-02-08',
      age: null,
      bsn: null,
      postcode: '3513EF',
      house_number: '88',
      street: 'Molenweg',
      city: 'Voorbeeld',
      phone: null,
      person_id: null,
    })
    .execute();
  await tx
    .insertInto('referral_contact')
    .values({
      referral_id: phone.id,
      tenant_id: c.tenantId,
      by_user_id: user('bureaudienst'),
      channel: 'phone',
      note: 'Gevraagd of de heer Jansen van de melding weet; corporatie belt terug.',
    })
    .execute();

  const smit = c.households.get('Huishouden Smit');
  const complete = await tx
    .insertInto('referral')
    .values({
      ...base,
      reference: reference(),
      channel: 'phone',
      referrer_kind: 'professional',
      referrer_name: 'Mark Peeters',
      referrer_organisation: 'Verslavingszorg Voorbeeld',
      referrer_phone: '030-7890000',
      referrer_email: 'm.peeters@verslavingszorg.example',
      life_domains: ['substance_use', 'housing', 'finances'],
      question: 'Kevin Smit dreigt zijn woning te verliezen. Hij is in behandeling en wil hulp bij zijn geldzaken.',
      urgency: 'urgent',
      children_at_risk: 'no',
      resident_awareness: 'agrees',
      status: 'complete',
      household_id: smit?.id ?? null,
      regiecheck_done_at: new Date(),
      regiecheck_done_by: user('bureaudienst'),
      idempotency_key: 'demo-3',
      created_by: user('bureaudienst'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('referral_person')
    .values({
      referral_id: complete.id,
      tenant_id: c.tenantId,
      position: 0,
      role: 'resident',
      first_name: 'Kevin',
      infix: null,
      last_name: 'Smit',
      date_of_birth: '2001-12-09',
      age: null,
      bsn: null,
      postcode: '3516LM',
      house_number: '145',
      street: 'Dorpsstraat',
      city: 'Voorbeeld',
      phone: '06-12345606',
      person_id: smit?.personIds[0] ?? null,
    })
    .execute();

  const meeting = await tx
    .insertInto('intake_meeting')
    .values({
      tenant_id: c.tenantId,
      team_id: c.noordId,
      date: new Date().toISOString().slice(0, 10),
      chair_user_id: user('coordinator'),
      created_by: user('coordinator'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('meeting_participant')
    .values([
      { meeting_id: meeting.id, tenant_id: c.tenantId, user_id: user('bureaudienst'), name: null, role: null },
      { meeting_id: meeting.id, tenant_id: c.tenantId, user_id: user('werker'), name: null, role: null },
      { meeting_id: meeting.id, tenant_id: c.tenantId, user_id: user('consulent'), name: null, role: null },
      {
        meeting_id: meeting.id,
        tenant_id: c.tenantId,
        user_id: null,
        name: 'Jeugdverpleegkundige GGD',
        role: 'jeugdgezondheidszorg',
      },
    ])
    .execute();

  // Case files already running, each with the referral (and its help question) it came from, dated relative to today
  // so the story holds on any day (demo-story.int.test.ts): De Vries was opened seven weeks ago and its analysis is
  // past the team's six-week term; El Amrani's analysis started three weeks ago (the plan journey starts its plan);
  // Van den Berg has had an agreed plan for three months, after a child-safety assessment (Noah is a minor).
  for (const [name, phase, domains, question, receivedDaysAgo, openedDaysAgo] of [
    [
      'Huishouden De Vries',
      'analysis',
      ['finances', 'work_education', 'time_use', 'housing', 'domestic_relations'],
      'Huurachterstand en zorgen over werk en rust in huis.',
      52,
      49,
    ],
    [
      'Huishouden El Amrani',
      'analysis',
      ['finances', 'instrumental_adl', 'community_participation', 'work_education'],
      'Meneer kan de administratie niet op orde houden en leest Nederlandse brieven slecht.',
      24,
      20,
    ],
    [
      'Huishouden Van den Berg',
      'execution',
      ['domestic_relations', 'parenting', 'mental_health'],
      'Spanningen thuis; zorgen over Noah.',
      130,
      126,
    ],
  ] as const) {
    const h = c.households.get(name);
    if (!h) continue;
    const referral = await tx
      .insertInto('referral')
      .values({
        ...base,
        reference: reference(),
        channel: 'phone',
        referrer_kind: 'self',
        referrer_name: null,
        referrer_organisation: null,
        referrer_phone: null,
        referrer_email: null,
        life_domains: [...domains],
        question,
        urgency: 'normal',
        children_at_risk: 'no',
        resident_awareness: 'agrees',
        status: 'closed',
        household_id: h.id,
        idempotency_key: `demo-case-${name}`,
        created_by: user('bureaudienst'),
        received_at: new Date(`${day(-receivedDaysAgo)}T09:00:00Z`),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const kase = await tx
      .insertInto('case_file')
      .values({
        tenant_id: c.tenantId,
        team_id: c.noordId,
        referral_id: referral.id,
        household_id: h.id,
        primary_person_id: h.personIds[0] ?? null,
        case_worker_id: user('werker'),
        tandem_worker_id: name === 'Huishouden Van den Berg' ? user('coordinator') : null,
        phase,
        opened_at: new Date(`${day(-openedDaysAgo)}T10:00:00Z`),
        opened_by: user('coordinator'),
        closed_at: null,
        consent_kind: 'signed',
        consent_date: day(-openedDaysAgo),
        consent_recorded_by: user('coordinator'),
        legal_basis: null,
        reason_without_consent: null,
        analysis_deadline: day(-openedDaysAgo + ANALYSIS_TERM_DAYS),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (phase === 'execution') await seedAgreedPlan(tx, c.tenantId, kase.id, user('werker'), openedDaysAgo);
  }
  await sql`insert into referral_counter (tenant_id, year, last_number) values (${c.tenantId}, ${year}, ${n})`.execute(
    tx,
  );
}

/**
 * Van den Berg's way into execution: a child-safety assessment (Noah is 10), then a plan of three goals agreed with
 * Rob and Sandra, so the case in execution has what the lifecycle requires before it.
 */
async function seedAgreedPlan(
  tx: Tx,
  tenantId: string,
  caseId: string,
  worker: string,
  openedDaysAgo: number,
): Promise<void> {
  await tx
    .insertInto('child_safety_assessment')
    .values({
      tenant_id: tenantId,
      case_id: caseId,
      assessed_on: day(-openedDaysAgo + 14),
      signs: 'Noah is stil op school en slaapt slecht sinds de ruzies thuis.',
      protective_factors: 'Beide ouders willen hulp; oma is een vaste plek voor Noah.',
      risk_level: 'medium',
      actions: 'Gesprek met de mentor; met de ouders afspraken over ruzies niet waar Noah bij is.',
      recorded_by: worker,
    })
    .execute();
  const plan = await tx
    .insertInto('plan')
    .values({ tenant_id: tenantId, case_id: caseId, created_by: worker })
    .returning('id')
    .executeTakeFirstOrThrow();
  const agreedOn = day(-openedDaysAgo + 31);
  const version = await tx
    .insertInto('plan_version')
    .values({
      tenant_id: tenantId,
      plan_id: plan.id,
      number: 1,
      status: 'agreed',
      starts_on: agreedOn,
      change_reason: null,
      coordination: 'case',
      agreement_form: 'signed_paper',
      agreed_on: agreedOn,
      agreed_by_name: 'Rob en Sandra van den Berg',
      agreement_recorded_by: worker,
      agreement_recorded_at: new Date(`${agreedOn}T14:00:00Z`),
      created_by: worker,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const goals: Array<[string, string, string, Array<[string, string, string]>]> = [
    [
      'domestic_relations',
      'We maken vaak ruzie, ook waar Noah bij is.',
      'We praten rustig over problemen, niet waar Noah bij is.',
      [['Gesprekken over communicatie met het wijkteam', 'case_worker_or_team', 'in_progress']],
    ],
    [
      'parenting',
      'Noah trekt zich terug en wij weten niet hoe we hem kunnen helpen.',
      'Noah voelt zich thuis en op school weer veilig.',
      [['Gesprek met de mentor van Noah', 'self', 'open']],
    ],
    [
      'mental_health',
      'Sandra slaapt slecht en piekert veel.',
      'Sandra weet waar ze terecht kan en slaapt beter.',
      [['Afspraak bij de huisarts', 'self', 'done']],
    ],
  ];
  for (const [index, [domain, problem, goal, actions]] of goals.entries()) {
    const g = await tx
      .insertInto('plan_goal')
      .values({
        tenant_id: tenantId,
        plan_version_id: version.id,
        position: index + 1,
        domain,
        zrm_score: null,
        zrm_assessed_on: null,
        problem,
        goal,
        intended_result: null,
        solutions: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('plan_action')
      .values(
        actions.map(([description, performer, status], i) => ({
          tenant_id: tenantId,
          goal_id: g.id,
          position: i + 1,
          description,
          performer,
          performer_name: null,
          service_id: null,
          due_on: day(-openedDaysAgo + 60 + i * 30),
          status,
          progress_note: null,
        })),
      )
      .execute();
  }
}
