import { sql } from 'kysely';
import type { Tx } from '../../platform/database/database';

interface Context {
  tenantId: string;
  noordId: string;
  users: Map<string, string>;
  households: Map<string, { id: string; personIds: string[] }>;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * A case in the execution phase for the demo worker, so evaluation, closure, the watch and reactivation can be shown:
 * Anja Meijer, referred by her GP about four and a half months ago, with a start ZRM on three life domains, the
 * participation ladder, and an agreed plan of three goals with actions done, in progress and open. The evaluation
 * is due. There is no consent to share with the GP, so a closing letter to the GP asks for a legal basis.
 */
export async function seedDemoExecution(tx: Tx, c: Context): Promise<void> {
  const worker = c.users.get('werker');
  const coordinator = c.users.get('coordinator');
  const h = c.households.get('Huishouden Meijer');
  const anja = h?.personIds[0];
  if (!worker || !coordinator || !h || !anja) return;
  await tx.updateTable('person').set({ email: 'anja.meijer@voorbeeld.example' }).where('id', '=', anja).execute();
  const year = new Date().getFullYear();
  const counter = await sql<{ last_number: number }>`
    insert into referral_counter (tenant_id, year, last_number) values (${c.tenantId}, ${year}, 1)
    on conflict (tenant_id, year) do update set last_number = referral_counter.last_number + 1
    returning last_number`.execute(tx);
  const reference = `AM-${year}-${String(counter.rows[0]?.last_number ?? 90).padStart(5, '0')}`;
  const referral = await tx
    .insertInto('referral')
    .values({
      tenant_id: c.tenantId,
      team_id: c.noordId,
      reference,
      channel: 'web_form',
      referrer_kind: 'professional',
      referrer_name: 'Dr. S. Bakker',
      referrer_organisation: 'Huisartsenpraktijk Parkweg',
      referrer_role: 'huisarts',
      referrer_phone: '030-1239000',
      referrer_email: 'bakker@huisarts-parkweg.example',
      life_domains: ['mental_health', 'instrumental_adl', 'social_network'],
      question:
        'Mevrouw Meijer (57) is somber, komt nauwelijks buiten en haar huis raakt vervuild. Zij wil hulp om het weer op orde te krijgen.',
      tried: 'Gesprekken bij de POH-GGZ.',
      urgency: 'normal',
      children_at_risk: 'no',
      safety_notes: null,
      resident_awareness: 'agrees',
      resident_awareness_note: null,
      household_id: h.id,
      known_coordination_elsewhere: null,
      regiecheck_done_at: null,
      regiecheck_done_by: null,
      status: 'closed',
      idempotency_key: 'demo-case-meijer',
      created_by: null,
      received_at: new Date(`${day(-145)}T09:00:00Z`),
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
      primary_person_id: anja,
      case_worker_id: worker,
      tandem_worker_id: null,
      phase: 'execution',
      opened_at: new Date(`${day(-140)}T10:00:00Z`),
      opened_by: coordinator,
      closed_at: null,
      consent_kind: 'signed',
      consent_date: day(-140),
      consent_recorded_by: coordinator,
      legal_basis: null,
      reason_without_consent: null,
      analysis_deadline: day(-98),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const zrm = await tx
    .insertInto('zrm_assessment')
    .values({
      tenant_id: c.tenantId,
      case_id: kase.id,
      person_id: anja,
      instrument: 'zrm2017',
      kind: 'start',
      assessed_on: day(-126),
      recorded_by: worker,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('zrm_score')
    .values(
      (
        [
          ['mental_health', 2, 'Somber, slaapt slecht; in gesprek bij de POH-GGZ.'],
          ['instrumental_adl', 2, 'Huishouden loopt vast; post blijft liggen.'],
          ['social_network', 2, 'Alleen contact met een zus in Zwolle.'],
        ] as const
      ).map(([domain, score, note]) => ({
        assessment_id: zrm.id,
        tenant_id: c.tenantId,
        domain,
        score,
        note,
        out_of_scope_reason: null,
      })),
    )
    .execute();
  await tx
    .insertInto('participation_measure')
    .values({
      tenant_id: c.tenantId,
      case_id: kase.id,
      person_id: anja,
      rung: 1,
      measured_on: day(-126),
      note: 'Komt bijna niet buiten.',
      recorded_by: worker,
    })
    .execute();

  const plan = await tx
    .insertInto('plan')
    .values({ tenant_id: c.tenantId, case_id: kase.id, created_by: worker })
    .returning('id')
    .executeTakeFirstOrThrow();
  const version = await tx
    .insertInto('plan_version')
    .values({
      tenant_id: c.tenantId,
      plan_id: plan.id,
      number: 1,
      status: 'agreed',
      starts_on: day(-105),
      change_reason: null,
      coordination: 'case',
      agreement_form: 'verbal',
      agreed_on: day(-100),
      agreed_by_name: 'Anja Meijer',
      agreement_recorded_by: worker,
      agreement_recorded_at: new Date(`${day(-100)}T11:00:00Z`),
      created_by: worker,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const goals: Array<{
    domain: string;
    problem: string;
    goal: string;
    result: string;
    actions: Array<[string, string, string]>;
  }> = [
    {
      domain: 'instrumental_adl',
      problem: 'Mijn huis is rommelig en ik kom er niet aan toe.',
      goal: 'Ik houd mijn huis zelf op orde.',
      result: 'Een schoon huis en een vaste weekplanning.',
      actions: [
        ['Samen een weekplanning maken voor het huishouden', 'case_worker_or_team', 'done'],
        ['Wekelijks opruimen met een vrijwilliger van de buurtkamer', 'network_or_volunteers', 'in_progress'],
      ],
    },
    {
      domain: 'social_network',
      problem: 'Ik zie bijna niemand.',
      goal: 'Ik heb elke week contact met mensen in de buurt.',
      result: 'Wekelijks naar een activiteit in de buurt.',
      actions: [['Naar de koffieochtend in buurthuis De Schakel', 'self', 'in_progress']],
    },
    {
      domain: 'mental_health',
      problem: 'Ik voel me vaak somber.',
      goal: 'Ik weet bij wie ik terecht kan als het slechter gaat.',
      result: 'Een afspraak bij de POH-GGZ en een signaleringsplan.',
      actions: [
        ['Afspraak met de POH-GGZ van de huisarts', 'self', 'done'],
        ['Signaleringsplan opstellen met zus Karin', 'family_or_informal_carer', 'open'],
      ],
    },
  ];
  for (const [index, g] of goals.entries()) {
    const goal = await tx
      .insertInto('plan_goal')
      .values({
        tenant_id: c.tenantId,
        plan_version_id: version.id,
        position: index + 1,
        domain: g.domain,
        zrm_score: 2,
        zrm_assessed_on: day(-126),
        problem: g.problem,
        goal: g.goal,
        intended_result: g.result,
        solutions: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('plan_action')
      .values(
        g.actions.map(([description, performer, status], i) => ({
          tenant_id: c.tenantId,
          goal_id: goal.id,
          position: i + 1,
          description,
          performer,
          performer_name: null,
          service_id: null,
          due_on: day(-40 + i * 30),
          status,
          progress_note: null,
        })),
      )
      .execute();
  }
}
