import type { ReferralStatus, ReferralView } from '@nabij/contracts';
import type { Tx } from '../../platform/database/database';
import { allowedManualTransitions, completenessChecklist, daysBetween } from './intake.domain';
import { findReferral, listAttachments, listContacts, listInbox, listReferralPersons, type ReferralPersonRow, type ReferralRow } from './intake.store';

const name = (p: { first_name: string | null; infix: string | null; last_name: string | null }) =>
  [p.first_name, p.infix, p.last_name].filter(Boolean).join(' ');

function checklistOf(r: ReferralRow, people: ReferralPersonRow[]) {
  const residents = people.filter((p) => p.role === 'resident');
  return completenessChecklist({
    hasResidentName: residents.length > 0 && residents.every((p) => p.first_name && p.last_name),
    hasResidentBirthDateOrAge: residents.length > 0 && residents.every((p) => p.date_of_birth || p.age !== null),
    hasResidentAddress: residents.some((p) => p.postcode && p.house_number),
    hasReferrerContact: r.referrer_kind === 'self' ? residents.some((p) => p.phone) : Boolean(r.referrer_phone || r.referrer_email),
    hasQuestion: r.question.trim().length > 0,
    childrenAtRiskKnown: r.children_at_risk !== 'unknown',
    residentAwarenessKnown: r.resident_awareness !== 'unknown',
    regiecheckDone: r.regiecheck_done_at !== null,
  });
}

/** Everything the referral page shows, read in the caller's transaction. */
export async function loadReferralView(tx: Tx, id: string): Promise<ReferralView | undefined> {
  const r = await findReferral(tx, id);
  if (!r) return undefined;
  const [people, contacts, attachments, meeting, decision, letters, caseFile] = await Promise.all([
    listReferralPersons(tx, id),
    listContacts(tx, id),
    listAttachments(tx, id),
    tx.selectFrom('meeting_item').select('meeting_id').where('referral_id', '=', id).executeTakeFirst(),
    tx.selectFrom('core_decision').select(['outcome', 'reasoning', 'decided_at']).where('referral_id', '=', id).executeTakeFirst(),
    tx.selectFrom('letter').select(['id', 'kind', 'subject', 'recipient', 'sent_at', 'status']).where('referral_id', '=', id).orderBy('created_at').execute(),
    tx
      .selectFrom('case_file as c')
      .innerJoin('app_user as u', 'u.id', 'c.case_worker_id')
      .select(['c.id', 'u.display_name'])
      .where('c.referral_id', '=', id)
      .executeTakeFirst(),
  ]);
  const status = r.status as ReferralStatus;
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
    referrer: { name: r.referrer_name, organisation: r.referrer_organisation, role: r.referrer_role, phone: r.referrer_phone, email: r.referrer_email },
    residents: people.map((p) => ({
      id: p.id,
      role: p.role as 'resident' | 'household_member',
      firstName: p.first_name,
      infix: p.infix,
      lastName: p.last_name,
      dateOfBirth: p.date_of_birth,
      age: p.age,
      bsn: p.bsn,
      postcode: p.postcode,
      houseNumber: p.house_number,
      street: p.street,
      city: p.city,
      phone: p.phone,
      personId: p.person_id,
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
    contacts: contacts.map((c) => ({ id: c.id, at: c.at.toISOString(), byName: c.by_name, channel: c.channel, note: c.note })),
    attachments: attachments.map((a) => ({ id: a.id, filename: a.filename, mediaType: a.media_type, sizeBytes: a.size_bytes })),
    allowedTransitions: [...allowedManualTransitions(status)],
    meetingId: meeting?.meeting_id ?? null,
    decision: decision ? { outcome: decision.outcome as 'take_up', reasoning: decision.reasoning, decidedAt: decision.decided_at.toISOString() } : null,
    letters: letters.map((l) => ({ id: l.id, kind: l.kind, subject: l.subject, to: l.recipient, sentAt: l.sent_at?.toISOString() ?? null, status: l.status as 'sent' })),
    caseId: caseFile?.id ?? null,
    caseWorkerName: caseFile?.display_name ?? null,
  };
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
