import { sql } from 'kysely';
import type { ReferralStatus } from '@nabij/contracts';
import type { Tx } from '../../platform/database/database';
import { formatReference } from './intake.domain';
import { personFullNameSql } from '../../shared/person-name';

export interface ResidentFields {
  firstName?: string | undefined;
  infix?: string | undefined;
  lastName?: string | undefined;
  dateOfBirth?: string | undefined;
  age?: number | undefined;
  bsn?: string | undefined;
  postcode?: string | undefined;
  houseNumber?: string | undefined;
  houseNumberAddition?: string | undefined;
  street?: string | undefined;
  city?: string | undefined;
  phone?: string | undefined;
  /** The relation in the household as given (null: derived from the ages) and a missing fixed address (ADR 0029). */
  relation?: string | undefined;
  noFixedAddress?: string | undefined;
}

export interface NewReferral {
  tenantId: string;
  teamId: string;
  channel: string;
  referrerKind: string;
  referrer: {
    name?: string | undefined;
    organisation?: string | undefined;
    role?: string | undefined;
    phone?: string | undefined;
    email?: string | undefined;
  };
  lifeDomains: string[];
  question: string;
  tried?: string | undefined;
  urgency: string;
  childrenAtRisk: string;
  safetyNotes?: string | undefined;
  residentAwareness: string;
  residentAwarenessNote?: string | undefined;
  /** The household's language and need of an interpreter (carried to the persons at the regiecheck). */
  preferredLanguage?: string | undefined;
  interpreterNeeded?: boolean | undefined;
  residents: ResidentFields[];
  children: Array<{ firstName?: string | undefined; age: number }>;
  idempotencyKey: string;
  createdBy: string | null;
}

/** Next reference number of the municipality for this year; the row lock serialises concurrent referrals. */
export async function nextReference(tx: Tx, tenantId: string, year: number): Promise<string> {
  const row = await sql<{ last_number: number }>`
    insert into referral_counter (tenant_id, year, last_number) values (${tenantId}, ${year}, 1)
    on conflict (tenant_id, year) do update set last_number = referral_counter.last_number + 1
    returning last_number`.execute(tx);
  return formatReference(year, row.rows[0]!.last_number);
}

export async function findReferralByIdempotencyKey(
  tx: Tx,
  key: string,
): Promise<{ id: string; reference: string } | undefined> {
  return tx.selectFrom('referral').select(['id', 'reference']).where('idempotency_key', '=', key).executeTakeFirst();
}

export async function insertReferral(
  tx: Tx,
  r: NewReferral,
  reference: string,
): Promise<{ id: string; personRowIds: string[] }> {
  const { id } = await tx
    .insertInto('referral')
    .values({
      tenant_id: r.tenantId,
      team_id: r.teamId,
      reference,
      channel: r.channel,
      referrer_kind: r.referrerKind,
      referrer_name: r.referrer.name ?? null,
      referrer_organisation: r.referrer.organisation ?? null,
      referrer_role: r.referrer.role ?? null,
      referrer_phone: r.referrer.phone ?? null,
      referrer_email: r.referrer.email ?? null,
      life_domains: r.lifeDomains,
      question: r.question,
      tried: r.tried ?? null,
      urgency: r.urgency,
      children_at_risk: r.childrenAtRisk,
      safety_notes: r.safetyNotes ?? null,
      resident_awareness: r.residentAwareness,
      resident_awareness_note: r.residentAwarenessNote ?? null,
      preferred_language: r.preferredLanguage ?? null,
      interpreter_needed: r.interpreterNeeded ?? false,
      household_id: null,
      known_coordination_elsewhere: null,
      regiecheck_done_at: null,
      regiecheck_done_by: null,
      idempotency_key: r.idempotencyKey,
      created_by: r.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const people: Array<ResidentFields & { role: string }> = [
    ...r.residents.map((p) => ({ role: 'resident', ...p })),
    ...r.children.map((c) => ({ role: 'household_member', firstName: c.firstName, age: c.age })),
  ];
  const rows = await tx
    .insertInto('referral_person')
    .values(
      people.map((p, position) => ({
        referral_id: id,
        tenant_id: r.tenantId,
        position,
        role: p.role,
        first_name: p.firstName ?? null,
        infix: p.infix ?? null,
        last_name: p.lastName ?? null,
        date_of_birth: p.dateOfBirth ?? null,
        age: p.age ?? null,
        bsn: p.bsn ?? null,
        postcode: p.postcode ?? null,
        house_number: p.houseNumber ?? null,
        house_number_addition: p.houseNumberAddition ?? null,
        street: p.street ?? null,
        city: p.city ?? null,
        phone: p.phone ?? null,
        relation: p.relation ?? null,
        no_fixed_address: p.noFixedAddress ?? null,
        person_id: null,
      })),
    )
    .returning('id')
    .execute();
  return { id, personRowIds: rows.map((x) => x.id) };
}

export async function insertAttachment(
  tx: Tx,
  a: { tenantId: string; referralId: string; filename: string; mediaType: string; content: Buffer },
): Promise<void> {
  await tx
    .insertInto('referral_attachment')
    .values({
      tenant_id: a.tenantId,
      referral_id: a.referralId,
      filename: a.filename,
      media_type: a.mediaType,
      size_bytes: a.content.length,
      content: a.content,
    })
    .execute();
}

export async function findReferral(tx: Tx, id: string) {
  return tx
    .selectFrom('referral as r')
    .innerJoin('team as t', 't.id', 'r.team_id')
    .select([
      'r.id',
      'r.tenant_id',
      'r.team_id',
      't.name as team_name',
      'r.reference',
      'r.channel',
      'r.status',
      'r.received_at',
      'r.referrer_kind',
      'r.referrer_name',
      'r.referrer_organisation',
      'r.referrer_role',
      'r.referrer_phone',
      'r.referrer_email',
      'r.life_domains',
      'r.question',
      'r.tried',
      'r.urgency',
      'r.children_at_risk',
      'r.safety_notes',
      'r.resident_awareness',
      'r.resident_awareness_note',
      'r.household_id',
      'r.known_coordination_elsewhere',
      'r.regiecheck_done_at',
      'r.version',
      'r.preferred_language',
      'r.interpreter_needed',
      'r.closed_reason',
      'r.closed_note',
      'r.closed_at',
      'r.closed_by',
    ])
    .where('r.id', '=', id)
    .executeTakeFirst();
}
export type ReferralRow = NonNullable<Awaited<ReturnType<typeof findReferral>>>;

export async function listReferralPersons(tx: Tx, referralId: string) {
  return tx
    .selectFrom('referral_person')
    .select([
      'id',
      'role',
      'first_name',
      'infix',
      'last_name',
      'date_of_birth',
      'age',
      'bsn',
      'postcode',
      'house_number',
      'house_number_addition',
      'street',
      'city',
      'phone',
      'person_id',
      'relation',
      'no_fixed_address',
    ])
    .where('referral_id', '=', referralId)
    .orderBy('position')
    .execute();
}
export type ReferralPersonRow = Awaited<ReturnType<typeof listReferralPersons>>[number];

export async function listCorrections(tx: Tx, referralId: string) {
  return tx
    .selectFrom('referral_correction as c')
    .innerJoin('app_user as u', 'u.id', 'c.changed_by')
    .select([
      'c.id',
      'c.change_id',
      'c.referral_person_id',
      'c.field',
      'c.old_value',
      'c.new_value',
      'c.reason',
      'c.changed_at',
      'u.display_name as by_name',
    ])
    .where('c.referral_id', '=', referralId)
    .orderBy('c.changed_at', 'desc')
    .orderBy('c.id')
    .execute();
}

export async function listContacts(tx: Tx, referralId: string) {
  return tx
    .selectFrom('referral_contact as c')
    .innerJoin('app_user as u', 'u.id', 'c.by_user_id')
    .select(['c.id', 'c.at', 'u.display_name as by_name', 'c.channel', 'c.note'])
    .where('c.referral_id', '=', referralId)
    .orderBy('c.at')
    .execute();
}

export async function listAttachments(tx: Tx, referralId: string) {
  return tx
    .selectFrom('referral_attachment')
    .select(['id', 'filename', 'media_type', 'size_bytes'])
    .where('referral_id', '=', referralId)
    .orderBy('created_at')
    .execute();
}

export async function getAttachment(tx: Tx, referralId: string, attachmentId: string) {
  return tx
    .selectFrom('referral_attachment')
    .select(['filename', 'media_type', 'content'])
    .where('referral_id', '=', referralId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
}

export async function insertContact(
  tx: Tx,
  c: { tenantId: string; referralId: string; userId: string; channel: string; note: string },
): Promise<void> {
  await tx
    .insertInto('referral_contact')
    .values({
      tenant_id: c.tenantId,
      referral_id: c.referralId,
      by_user_id: c.userId,
      channel: c.channel,
      note: c.note,
    })
    .execute();
}

/** Sets a new status when the version matches; false on a conflict. */
export async function updateReferralStatus(
  tx: Tx,
  id: string,
  version: number,
  status: ReferralStatus,
): Promise<boolean> {
  const r = await tx
    .updateTable('referral')
    .set((eb) => ({ status, updated_at: sql<Date>`now()`, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function bumpReferral(
  tx: Tx,
  id: string,
  version: number,
  changes: {
    status?: ReferralStatus;
    householdId?: string | null;
    knownCoordinationElsewhere?: string | null;
    regiecheckBy?: string;
  },
): Promise<boolean> {
  const r = await tx
    .updateTable('referral')
    .set((eb) => ({
      ...(changes.status ? { status: changes.status } : {}),
      ...(changes.householdId !== undefined ? { household_id: changes.householdId } : {}),
      ...(changes.knownCoordinationElsewhere !== undefined
        ? { known_coordination_elsewhere: changes.knownCoordinationElsewhere }
        : {}),
      ...(changes.regiecheckBy
        ? { regiecheck_done_by: changes.regiecheckBy, regiecheck_done_at: sql<Date>`now()` }
        : {}),
      updated_at: sql<Date>`now()`,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function linkReferralPerson(tx: Tx, referralPersonId: string, personId: string): Promise<void> {
  await tx.updateTable('referral_person').set({ person_id: personId }).where('id', '=', referralPersonId).execute();
}

export interface InboxFilter {
  teamIds: readonly string[];
  status?: ReferralStatus | undefined;
  teamId?: string | undefined;
}

export async function listInbox(tx: Tx, f: InboxFilter) {
  if (f.teamIds.length === 0) return [];
  let q = tx
    .selectFrom('referral as r')
    .innerJoin('team as t', 't.id', 'r.team_id')
    .select([
      'r.id',
      'r.reference',
      't.name as team_name',
      'r.channel',
      'r.status',
      'r.received_at',
      'r.urgency',
      'r.children_at_risk',
      'r.referrer_organisation',
      sql<string[]>`coalesce((select array_agg(${personFullNameSql('p')} order by p.position)
        from referral_person p where p.referral_id = r.id and p.role = 'resident'), '{}')`.as('resident_names'),
    ])
    .where('r.team_id', 'in', f.teamIds);
  if (f.teamId) q = q.where('r.team_id', '=', f.teamId);
  q = f.status ? q.where('r.status', '=', f.status) : q.where('r.status', '!=', 'closed');
  return q.orderBy('r.received_at', 'desc').limit(500).execute();
}

export async function insertHostQuestion(
  tx: Tx,
  h: { tenantId: string; teamId: string; category: string; outcome: string; referralId: string | null; userId: string },
): Promise<void> {
  await tx
    .insertInto('host_question')
    .values({
      tenant_id: h.tenantId,
      team_id: h.teamId,
      category: h.category,
      outcome: h.outcome,
      referral_id: h.referralId,
      created_by: h.userId,
    })
    .execute();
}

export async function tallyHostQuestions(tx: Tx, teamId: string, since: Date) {
  return tx
    .selectFrom('host_question')
    .select([
      'category',
      sql<number>`count(*) filter (where outcome = 'answered')::int`.as('answered'),
      sql<number>`count(*) filter (where outcome = 'handed_over')::int`.as('handed_over'),
    ])
    .where('team_id', '=', teamId)
    .where('at', '>=', since)
    .where('kind', '=', 'desk_question')
    .groupBy('category')
    .orderBy('category')
    .execute();
}

export async function findTeam(tx: Tx, teamId: string) {
  return tx
    .selectFrom('team')
    .select(['id', 'tenant_id', 'name', 'accepts_web_referrals', 'accepts_self_referrals'])
    .where('id', '=', teamId)
    .executeTakeFirst();
}
