import { sql } from 'kysely';
import type { Tx } from '../../platform/database/database';

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
      question: 'Mevrouw Bakker (34) voelt zich sinds haar verhuizing erg alleen en somber. Zij wil graag contact met mensen in de buurt.',
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
    .values({ referral_id: webForm.id, tenant_id: c.tenantId, position: 0, role: 'resident', first_name: 'Lisa', infix: null, last_name: 'Bakker', date_of_birth: '1992-02-12', age: null, bsn: null, postcode: '3513EF', house_number: '90', street: 'Molenweg', city: 'Voorbeeld', phone: '06-12340000', person_id: null })
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
    .values({ referral_id: phone.id, tenant_id: c.tenantId, position: 0, role: 'resident', first_name: 'Hendrik', infix: null, last_name: 'Jansen', date_of_birth: '1946-02-08', age: null, bsn: null, postcode: '3513EF', house_number: '88', street: 'Molenweg', city: 'Voorbeeld', phone: null, person_id: null })
    .execute();
  await tx
    .insertInto('referral_contact')
    .values({ referral_id: phone.id, tenant_id: c.tenantId, by_user_id: user('bureaudienst'), channel: 'phone', note: 'Gevraagd of de heer Jansen van de melding weet; corporatie belt terug.' })
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
    .values({ referral_id: complete.id, tenant_id: c.tenantId, position: 0, role: 'resident', first_name: 'Kevin', infix: null, last_name: 'Smit', date_of_birth: '2001-12-09', age: null, bsn: null, postcode: '3516LM', house_number: '145', street: 'Dorpsstraat', city: 'Voorbeeld', phone: '06-12345606', person_id: smit?.personIds[0] ?? null })
    .execute();

  const meeting = await tx
    .insertInto('intake_meeting')
    .values({ tenant_id: c.tenantId, team_id: c.noordId, date: new Date().toISOString().slice(0, 10), chair_user_id: user('coordinator'), created_by: user('coordinator') })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('meeting_participant')
    .values([
      { meeting_id: meeting.id, tenant_id: c.tenantId, user_id: user('bureaudienst'), name: null, role: null },
      { meeting_id: meeting.id, tenant_id: c.tenantId, user_id: user('werker'), name: null, role: null },
      { meeting_id: meeting.id, tenant_id: c.tenantId, user_id: user('consulent'), name: null, role: null },
      { meeting_id: meeting.id, tenant_id: c.tenantId, user_id: null, name: 'Jeugdverpleegkundige GGD', role: 'jeugdgezondheidszorg' },
    ])
    .execute();

  // Case files already running, each with the referral (and its help question) it came from.
  for (const [name, phase, domains, question] of [
    ['Huishouden De Vries', 'analysis', ['finances', 'work_education', 'time_use', 'housing', 'domestic_relations'], 'Huurachterstand en zorgen over werk en rust in huis.'],
    ['Huishouden El Amrani', 'plan', ['finances', 'instrumental_adl', 'community_participation', 'work_education'], 'Meneer kan de administratie niet op orde houden en leest Nederlandse brieven slecht.'],
    ['Huishouden Van den Berg', 'execution', ['domestic_relations', 'parenting', 'mental_health'], 'Spanningen thuis; zorgen over Noah.'],
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
        received_at: new Date('2026-08-25T09:00:00Z'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
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
        opened_by: user('coordinator'),
        closed_at: null,
        consent_kind: 'signed',
        consent_date: '2026-09-01',
        consent_recorded_by: user('coordinator'),
        legal_basis: null,
        reason_without_consent: null,
        analysis_deadline: '2026-10-13',
      })
      .execute();
  }
  await sql`insert into referral_counter (tenant_id, year, last_number) values (${c.tenantId}, ${year}, ${n})`.execute(tx);
}
