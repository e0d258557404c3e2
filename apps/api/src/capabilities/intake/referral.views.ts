import {
  ageStatus,
  deriveRelations,
  maskBsn,
  type NoFixedAddressKind,
  type ReferralStatus,
  type ReferralView,
  type Relation,
} from '@nabij/contracts';
import { municipalDate } from '../../shared/clock';
import type { Tx } from '../../platform/database/database';
import { allowedManualTransitions, completenessChecklist, daysBetween } from './intake.domain';
import { languageOfPersons } from '../persons';
import {
  findReferral,
  listAttachments,
  listContacts,
  listCorrections,
  listInbox,
  listReferralPersons,
  type ReferralPersonRow,
  type ReferralRow,
} from './intake.store';
import { fullNameOfRow } from '../../shared/person-name';

/**
 * The relation in the household of each person on the referral: as given, or derived from the ages on the day
 * the referral came in (ADR 0029).
 */
export function relationsOf(people: readonly ReferralPersonRow[], receivedOn: string): Relation[] {
  return deriveRelations(
    people.map((p) => ({
      role: p.role as 'resident' | 'household_member',
      relation: (p.relation as Relation | null) ?? null,
      isMinor: ageStatus({ dateOfBirth: p.date_of_birth, ageGiven: p.age, ageGivenOn: receivedOn }, receivedOn).isMinor,
    })),
  );
}

const name = (p: { first_name: string | null; infix: string | null; last_name: string | null }) => fullNameOfRow(p);

function checklistOf(r: ReferralRow, people: ReferralPersonRow[]) {
  const residents = people.filter((p) => p.role === 'resident');
  return completenessChecklist({
    hasResidentName: residents.length > 0 && residents.every((p) => p.first_name && p.last_name),
    hasResidentBirthDateOrAge: residents.length > 0 && residents.every((p) => p.date_of_birth || p.age !== null),
    // Without a fixed address (caravan, homeless, postal address) the kind is the answer (ADR 0029).
    hasResidentAddress: residents.some((p) => (p.postcode && p.house_number) || p.no_fixed_address),
    hasReferrerContact:
      r.referrer_kind === 'self' ? residents.some((p) => p.phone) : Boolean(r.referrer_phone || r.referrer_email),
    hasQuestion: r.question.trim().length > 0,
    childrenAtRisk: r.children_at_risk as 'no' | 'unknown' | 'yes',
    residentAwarenessKnown: r.resident_awareness !== 'unknown',
    regiecheckDone: r.regiecheck_done_at !== null,
  });
}

/** Everything the referral page shows, read in the caller's transaction. */
export async function loadReferralView(tx: Tx, id: string): Promise<ReferralView | undefined> {
  const r = await findReferral(tx, id);
  if (!r) return undefined;
  const [people, contacts, attachments, meeting, decision, letters, caseFile, corrections, closedBy] =
    await Promise.all([
      listReferralPersons(tx, id),
      listContacts(tx, id),
      listAttachments(tx, id),
      tx.selectFrom('meeting_item').select('meeting_id').where('referral_id', '=', id).executeTakeFirst(),
      tx
        .selectFrom('core_decision')
        .select(['outcome', 'reasoning', 'decided_at'])
        .where('referral_id', '=', id)
        .executeTakeFirst(),
      tx
        .selectFrom('letter')
        .select(['id', 'kind', 'subject', 'recipient', 'sent_at', 'status'])
        .where('referral_id', '=', id)
        .orderBy('created_at')
        .execute(),
      tx
        .selectFrom('case_file as c')
        .innerJoin('app_user as u', 'u.id', 'c.case_worker_id')
        .select(['c.id', 'u.display_name'])
        .where('c.referral_id', '=', id)
        .executeTakeFirst(),
      listCorrections(tx, id),
      r.closed_by
        ? tx.selectFrom('app_user').select('display_name').where('id', '=', r.closed_by).executeTakeFirst()
        : Promise.resolve(undefined),
    ]);
  const linkedIds = people.map((p) => p.person_id).filter((p): p is string => p !== null);
  const language = linkedIds.length
    ? await languageOfPersons(tx, linkedIds)
    : { interpreterNeeded: r.interpreter_needed, languages: r.preferred_language ? [r.preferred_language] : [] };
  const status = r.status as ReferralStatus;
  const relations = relationsOf(people, municipalDate(r.received_at));
  return {
    id: r.id,
    version: r.version,
    reference: r.reference,
    teamId: r.team_id,
    teamName: r.team_name,
    channel: r.channel as ReferralView['channel'],
    status,
    receivedAt: r.received_at.toISOString(),
    referrerKind: r.referrer_kind as ReferralView['referrerKind'],
    referrer: {
      name: r.referrer_name,
      organisation: r.referrer_organisation,
      role: r.referrer_role,
      phone: r.referrer_phone,
      email: r.referrer_email,
    },
    residents: people.map((p, i) => ({
      id: p.id,
      role: p.role as 'resident' | 'household_member',
      firstName: p.first_name,
      infix: p.infix,
      lastName: p.last_name,
      dateOfBirth: p.date_of_birth,
      age: p.age,
      // Masked (ADR 0051): the regiecheck compares the full number on the server; no screen of a referral needs it.
      bsn: p.bsn ? maskBsn(p.bsn) : null,
      postcode: p.postcode,
      houseNumber: p.house_number,
      houseNumberAddition: p.house_number_addition,
      street: p.street,
      city: p.city,
      phone: p.phone,
      personId: p.person_id,
      relation: relations[i],
      relationDerived: p.relation === null,
      noFixedAddress: (p.no_fixed_address as NoFixedAddressKind | null) ?? null,
    })),
    lifeDomains: r.life_domains as ReferralView['lifeDomains'],
    question: r.question,
    tried: r.tried,
    urgency: r.urgency as ReferralView['urgency'],
    childrenAtRisk: r.children_at_risk as ReferralView['childrenAtRisk'],
    safetyNotes: r.safety_notes,
    residentAwareness: r.resident_awareness as ReferralView['residentAwareness'],
    residentAwarenessNote: r.resident_awareness_note,
    householdId: r.household_id,
    knownCoordinationElsewhere: r.known_coordination_elsewhere,
    regiecheckDoneAt: r.regiecheck_done_at?.toISOString() ?? null,
    checklist: checklistOf(r, people),
    contacts: contacts.map((c) => ({
      id: c.id,
      at: c.at.toISOString(),
      byName: c.by_name,
      channel: c.channel,
      note: c.note,
    })),
    attachments: attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      mediaType: a.media_type,
      sizeBytes: a.size_bytes,
    })),
    allowedTransitions: [...allowedManualTransitions(status)],
    meetingId: meeting?.meeting_id ?? null,
    decision: decision
      ? {
          outcome: decision.outcome as 'take_up',
          reasoning: decision.reasoning,
          decidedAt: decision.decided_at.toISOString(),
        }
      : null,
    letters: letters.map((l) => ({
      id: l.id,
      kind: l.kind,
      subject: l.subject,
      to: l.recipient,
      sentAt: l.sent_at?.toISOString() ?? null,
      status: l.status as 'sent',
    })),
    caseId: caseFile?.id ?? null,
    caseWorkerName: caseFile?.display_name ?? null,
    language,
    closure:
      r.closed_reason && r.closed_at
        ? {
            reason: r.closed_reason as 'decision',
            note: r.closed_note,
            closedAt: r.closed_at.toISOString(),
            closedByName: closedBy?.display_name ?? null,
          }
        : null,
    corrections: groupCorrections(corrections, people),
  };
}

/** The history of corrections, newest first: one entry per save, with the fields it changed. */
function groupCorrections(rows: Awaited<ReturnType<typeof listCorrections>>, people: ReferralPersonRow[]) {
  const byChange = new Map<string, NonNullable<ReferralView['corrections']>[number]>();
  for (const c of rows) {
    let entry = byChange.get(c.change_id);
    if (!entry) {
      entry = {
        changeId: c.change_id,
        at: c.changed_at.toISOString(),
        byName: c.by_name,
        reason: c.reason,
        fields: [],
      };
      byChange.set(c.change_id, entry);
    }
    const person = c.referral_person_id ? people.find((p) => p.id === c.referral_person_id) : undefined;
    entry.fields.push({
      field: c.field,
      personLabel: person ? name(person) || null : null,
      oldValue: c.field === 'bsn' && c.old_value ? maskBsn(c.old_value) : c.old_value,
      newValue: c.field === 'bsn' && c.new_value ? maskBsn(c.new_value) : c.new_value,
    });
  }
  return [...byChange.values()];
}

export function isReferralComplete(view: ReferralView): boolean {
  return view.checklist.every((i) => i.done);
}

export async function loadInbox(tx: Tx, filter: Parameters<typeof listInbox>[1], now: Date) {
  const rows = await listInbox(tx, filter);
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    teamName: r.team_name,
    channel: r.channel as ReferralView['channel'],
    status: r.status as ReferralStatus,
    receivedAt: r.received_at.toISOString(),
    urgency: r.urgency as ReferralView['urgency'],
    childrenAtRisk: r.children_at_risk as ReferralView['childrenAtRisk'],
    residentNames: r.resident_names,
    referrerOrganisation: r.referrer_organisation,
    ageDays: daysBetween(r.received_at, now),
  }));
}

export { name as personName };
