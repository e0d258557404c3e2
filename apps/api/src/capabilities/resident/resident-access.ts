import { ageOn, type RepresentationRelation, type ResidentSubject } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import { municipalToday } from '../../shared/clock';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { recordResidentAccess, type AccessEntry, type ResidentActor } from '../audit';
import { currentCaseOfPerson, type CaseRow } from '../case-files';
import { mayActFor, mayChangeHouseholdPlan, type ActRefusal } from './resident.domain';
import type { ResidentSessionRow } from './resident-session';
import { fullNameOfRow } from '../../shared/person-name';

/** A request in the resident portal: the session and where it came from. */
export interface ResidentRequest {
  session: ResidentSessionRow;
  ip: string;
  userAgent: string | null;
}

export interface Subject {
  personId: string;
  name: string;
  age: number | null;
  self: boolean;
  relation: RepresentationRelation | null;
  allowed: boolean;
  refusal: ActRefusal | null;
  canChangePlan: boolean;
}

const REFUSAL_TEXT: Record<ActRefusal, string> = {
  age_unknown: 'Uw contactpersoon moet eerst de geboortedatum vastleggen. Daarna kunt u hier verder.',
  too_young: 'Voor kinderen onder de 12 regelt een ouder of voogd dit.',
  acts_alone_from_16: 'Vanaf 16 jaar regelt een jongere dit zelf.',
  adults_only: 'Een mentor of curator kan alleen iets regelen voor een volwassene.',
};

/** The persons the logged-in account may act for: themselves and those they represent, with the age rules applied today. */
export async function subjectsOf(
  tx: Tx,
  session: Pick<ResidentSessionRow, 'accountId' | 'personId'>,
  today: string,
): Promise<Subject[]> {
  const self = await tx
    .selectFrom('person')
    .select(['id', 'first_name', 'infix', 'last_name', 'date_of_birth'])
    .where('id', '=', session.personId)
    .executeTakeFirst();
  const represented = await tx
    .selectFrom('resident_representation as r')
    .innerJoin('person as p', 'p.id', 'r.person_id')
    .select(['p.id', 'p.first_name', 'p.infix', 'p.last_name', 'p.date_of_birth', 'r.relation'])
    .where('r.representative_account_id', '=', session.accountId)
    .where('r.ended_at', 'is', null)
    .orderBy('p.date_of_birth')
    .execute();
  const subject = (
    p: { id: string; first_name: string; infix: string | null; last_name: string; date_of_birth: string | null },
    relation: RepresentationRelation | null,
  ): Subject => {
    const age = p.date_of_birth ? ageOn(p.date_of_birth, today) : null;
    const allowed = relation === null ? mayActFor({ self: true, age }) : mayActFor({ self: false, relation, age });
    return {
      personId: p.id,
      name: fullNameOfRow(p),
      age,
      self: relation === null,
      relation,
      allowed: allowed.ok,
      refusal: allowed.ok ? null : allowed.error,
      canChangePlan: allowed.ok && mayChangeHouseholdPlan({ self: relation === null, relation, age }),
    };
  };
  return [
    ...(self ? [subject(self, null)] : []),
    ...represented.filter((p) => p.id !== session.personId).map((p) => subject(p, p.relation)),
  ];
}

export const toSubjectView = (s: Subject): ResidentSubject => ({
  personId: s.personId,
  name: s.name,
  self: s.self,
  relation: s.relation,
  age: s.age,
  allowed: s.allowed,
  refusal: s.refusal ? REFUSAL_TEXT[s.refusal] : null,
  canChangePlan: s.canChangePlan,
});

export interface SubjectContext {
  subject: Subject;
  actor: ResidentActor;
  today: string;
  /** Logs an action about the subject only (consents, messages, the log, a copy request). */
  log(entry: Omit<AccessEntry, 'permission' | 'onBehalfOf' | 'personId'>): Promise<void>;
  /** Logs an action on the case as a whole (plan, contacts): one row per person of the household, like staff reads. */
  logCase(
    c: CaseRow,
    entry: Omit<AccessEntry, 'permission' | 'onBehalfOf' | 'personId' | 'caseId' | 'teamId'>,
  ): Promise<void>;
}

/**
 * Runs `fn` for a person the logged-in account may act for, in one transaction of the account's municipality.
 * A person the account has nothing to do with is 404 (existence is not revealed); a represented person outside
 * the age rules is 403 `resident_not_allowed`; both refusals are logged in their own transaction.
 */
export async function withSubject<T>(
  deps: Deps,
  req: ResidentRequest,
  personId: string,
  fn: (tx: Tx, s: SubjectContext) => Promise<T>,
): Promise<T> {
  const today = municipalToday(deps.clock);
  const { session } = req;
  const actor: ResidentActor = {
    tenantId: session.tenantId,
    accountId: session.accountId,
    actingPersonId: session.personId,
    ip: req.ip,
    userAgent: req.userAgent,
  };
  const refused = await deps.db.inTenant(session.tenantId, async (tx) => {
    const subject = (await subjectsOf(tx, session, today)).find((s) => s.personId === personId);
    if (subject?.allowed) return null;
    await recordResidentAccess(tx, actor, {
      action: 'read',
      event: 'resident.access_denied',
      dataCategory: 'identity',
      personId: subject ? personId : null,
      outcome: 'denied',
      detail: subject?.refusal ? { refusal: subject.refusal } : {},
    });
    return subject ? 'resident_not_allowed' : 'not_found';
  });
  if (refused) throw new AppError(refused);
  return deps.db.inTenant(session.tenantId, async (tx) => {
    const subject = (await subjectsOf(tx, session, today)).find((s) => s.personId === personId);
    if (!subject?.allowed) throw new AppError('resident_not_allowed');
    return fn(tx, {
      subject,
      actor,
      today,
      log: (entry) => recordResidentAccess(tx, actor, { ...entry, personId: subject.personId }),
      logCase: (c, entry) =>
        recordResidentAccess(
          tx,
          actor,
          { ...entry, caseId: c.id, teamId: c.teamId },
          c.personIds.length ? c.personIds : [subject.personId],
        ),
    });
  });
}

/** The subject's current case, or 404 `resident_no_case`. */
export async function requireCurrentCase(tx: Tx, s: SubjectContext): Promise<CaseRow> {
  const c = await currentCaseOfPerson(tx, s.subject.personId);
  if (!c) throw new AppError('resident_no_case');
  return c;
}
