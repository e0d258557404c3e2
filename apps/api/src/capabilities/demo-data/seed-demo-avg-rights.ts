import { sql } from 'kysely';
import type { Tx } from '../../platform/database/database';

/**
 * The legal basis and purpose of the demo cases (Wmo 2015; with the Jeugdwet where children live in the
 * household), and one old, closed case whose retention has ended, so the privacy officer's page "Te vernietigen"
 * has something to show. All fictional.
 */
export async function seedDemoAvgRights(
  tx: Tx,
  c: { tenantId: string; noordId: string; users: Map<string, string> },
): Promise<void> {
  const user = (name: string) => c.users.get(name) ?? '';
  await sql`
    update case_file cf
       set legal_bases = case when minors then array['wmo_2015', 'jeugdwet'] else array['wmo_2015'] end,
           processing_purposes = case when minors then array['social_support', 'youth_help'] else array['social_support'] end,
           purpose_description = 'Ondersteuning van het huishouden bij de hulpvraag: samen met het huishouden het plan maken en uitvoeren, en zo nodig de hulp van anderen regelen.',
           basis_recorded_by = cf.opened_by, basis_recorded_at = cf.opened_at
      from (select c2.id, exists (select 1 from household_member m join person p on p.id = m.person_id
                                   where m.household_id = c2.household_id and p.date_of_birth > current_date - interval '18 years') as minors
              from case_file c2 where c2.tenant_id = ${c.tenantId}) x
     where cf.id = x.id and cf.legal_bases = '{}'`.execute(tx);

  // A case of the Participatiewet, closed in 2017: with the default term of 7 years it is due for destruction.
  const person = await tx
    .insertInto('person')
    .values({
      tenant_id: c.tenantId,
      first_name: 'Gerard',
      infix: null,
      last_name: 'Verbeek',
      date_of_birth: '1962-04-17',
      bsn: null,
      postcode: '3515AB',
      house_number: '7',
      house_number_addition: null,
      street: 'Wilgenlaan',
      city: 'Voorbeeld',
      phone: null,
      email: null,
      preferred_language: null,
      created_by: null,
      updated_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const household = await tx
    .insertInto('household')
    .values({ tenant_id: c.tenantId, name: 'Huishouden Verbeek' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('household_member')
    .values({ tenant_id: c.tenantId, household_id: household.id, person_id: person.id, relation: 'other' })
    .execute();
  const referral = await tx
    .insertInto('referral')
    .values({
      tenant_id: c.tenantId,
      team_id: c.noordId,
      reference: 'AM-2016-00012',
      channel: 'phone',
      status: 'closed',
      received_at: new Date('2016-02-15T10:00:00Z'),
      referrer_kind: 'self',
      referrer_name: null,
      referrer_organisation: null,
      referrer_role: null,
      referrer_phone: null,
      referrer_email: null,
      life_domains: ['work_education', 'finances'],
      question: 'Hulp bij het vinden van werk na langdurige ziekte.',
      tried: null,
      urgency: 'normal',
      children_at_risk: 'no',
      safety_notes: null,
      resident_awareness: 'agrees',
      resident_awareness_note: null,
      household_id: household.id,
      known_coordination_elsewhere: null,
      regiecheck_done_at: null,
      regiecheck_done_by: null,
      idempotency_key: 'demo-retention-verbeek',
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('case_file')
    .values({
      tenant_id: c.tenantId,
      team_id: c.noordId,
      referral_id: referral.id,
      household_id: household.id,
      primary_person_id: person.id,
      case_worker_id: user('werker'),
      tandem_worker_id: null,
      phase: 'closed',
      opened_at: new Date('2016-03-01T09:00:00Z'),
      opened_by: user('coordinator'),
      closed_at: new Date('2017-06-30T15:00:00Z'),
      consent_kind: 'signed',
      consent_date: '2016-03-01',
      consent_recorded_by: user('coordinator'),
      legal_basis: null,
      reason_without_consent: null,
      analysis_deadline: '2016-04-12',
      legal_bases: ['participatiewet'],
      processing_purposes: ['work_and_income'],
      purpose_description: 'Begeleiding naar werk en een passend inkomen.',
      basis_recorded_by: user('coordinator'),
      basis_recorded_at: new Date('2016-03-01T09:00:00Z'),
    })
    .execute();
}
