import {
  describeAccessBasis,
  describeAccessEvent,
  type ResidentAccessLog,
  type ResidentConsents,
  type ResidentCopyRequests,
  type ResidentDocuments,
  type ResidentHome,
  type ResidentMessages,
  type ResidentPlanPage,
  type ResidentSessionResponse,
} from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { inspectionRequestsOf, registerPortalInspectionRequest } from '../avg-rights';
import { consentsOfPerson, currentCaseOfPerson, withdrawConsentOfPerson, type CaseRow } from '../case-files';
import { contactsForResident } from '../contact-log';
import { portalLetterPdf, portalLettersOf } from './portal-letters';
import { agreeDraft, checkOfferedDraft, decodeUpload, markOwnActionDone, planForResident } from '../plan';
import { findLogRows, roleLabel } from '../privacy';
import { insertPortalStatement, portalStatementsOf } from '../retention';
import { EMERGENCY_BASIS_TEXT, residentView } from './resident.domain';
import {
  requireCurrentCase,
  subjectsOf,
  toSubjectView,
  withSubject,
  type ResidentRequest,
  type SubjectContext,
} from './resident-access';
import type { ResidentSessionRow } from './resident-session';
import { municipalToday } from '../../shared/clock';

/**
 * What the resident sees and does in Mijn Nabij, always for one person ("subject"): themselves, or someone they
 * represent. Every use case runs through `withSubject` (age rules and representation), and every read or change of
 * personal data is written to the access log with the resident as actor. What is never shown: Meldcode records,
 * internal contact notes, the network map, and other household members' own data (consents, messages, log).
 */

const LOG_LIMIT = 500;

// ---------------------------------------------------------------------------------------------
// Session and overview

export async function residentSessionView(
  deps: Deps,
  session: ResidentSessionRow | undefined,
): Promise<ResidentSessionResponse> {
  const base = {
    emailLogin: deps.config.resident.emailLogin,
    digidEnabled: Boolean(deps.config.resident.oidc),
    idleMinutes: deps.config.resident.session.idleMinutes,
  };
  if (!session) return { authenticated: false, ...base };
  const today = municipalToday(deps.clock);
  const subjects = await deps.db.inTenant(session.tenantId, (tx) => subjectsOf(tx, session, today));
  return {
    authenticated: true,
    csrfToken: session.csrfToken,
    ...base,
    resident: {
      firstName: session.firstName,
      tenantName: session.tenantName,
      tenantSlug: session.tenantSlug,
      authMethod: session.authMethod,
      subjects: subjects.map(toSubjectView),
    },
  };
}

async function contactOf(tx: Tx, c: CaseRow) {
  const row = await tx
    .selectFrom('case_file as c')
    .innerJoin('team as t', 't.id', 'c.team_id')
    .innerJoin('app_user as u', 'u.id', 'c.case_worker_id')
    .select(['u.display_name', 't.name', 't.contact_phone', 't.contact_email'])
    .where('c.id', '=', c.id)
    .executeTakeFirstOrThrow();
  return { workerName: row.display_name, teamName: row.name, phone: row.contact_phone, email: row.contact_email };
}

/** The start page: the contact person, where the plan stands, and what comes up next. */
export function viewHome(deps: Deps, req: ResidentRequest, personId: string): Promise<ResidentHome> {
  return withSubject(deps, req, personId, async (tx, s) => {
    const c = await currentCaseOfPerson(tx, s.subject.personId);
    if (!c) {
      await s.log({
        action: 'read',
        event: 'resident.overview_viewed',
        dataCategory: 'case_file',
        detail: { caseOpen: false },
      });
      return {
        subjectName: s.subject.name,
        caseOpen: false,
        contact: null,
        planAgreed: false,
        newVersionWaiting: false,
        upcoming: [],
      };
    }
    const plan = await planForResident(tx, c.id);
    const upcoming = (plan.agreed?.goals ?? [])
      .flatMap((g) => g.actions)
      .filter((a) => a.dueOn !== null && a.dueOn >= s.today && a.status !== 'done' && a.status !== 'stopped')
      .sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? ''))
      .slice(0, 5)
      .map((a) => ({ date: a.dueOn ?? '', what: a.description }));
    await s.logCase(c, { action: 'read', event: 'resident.overview_viewed', dataCategory: 'case_file' });
    return {
      subjectName: s.subject.name,
      caseOpen: true,
      contact: await contactOf(tx, c),
      planAgreed: plan.agreed !== null,
      newVersionWaiting: plan.offered !== null,
      upcoming,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The plan

async function planPage(tx: Tx, s: SubjectContext, c: CaseRow): Promise<ResidentPlanPage> {
  const plan = await planForResident(tx, c.id);
  return {
    subjectName: s.subject.name,
    contact: await contactOf(tx, c),
    agreed: plan.agreed,
    offered: plan.offered,
    canChangePlan: s.subject.canChangePlan,
  };
}

export function viewPlan(deps: Deps, req: ResidentRequest, personId: string): Promise<ResidentPlanPage> {
  return withSubject(deps, req, personId, async (tx, s) => {
    const c = await requireCurrentCase(tx, s);
    const page = await planPage(tx, s, c);
    await s.logCase(c, {
      action: 'read',
      event: 'plan.viewed',
      dataCategory: 'plan',
      detail: { offered: page.offered !== null },
    });
    return page;
  });
}

function requirePlanChange(s: SubjectContext): void {
  if (!s.subject.canChangePlan) throw new AppError('resident_plan_adults_only');
}

/**
 * Digital agreement to the version the worker offered: the resident types their name and confirms. The plan
 * capability's own agreement rule does the rest (frozen version, PDF, execution phase). Agreeing to a version that
 * changed or was replaced since the page was loaded is refused (409 `plan_version_outdated`), nothing is stored.
 */
export function agreeToPlan(
  deps: Deps,
  req: ResidentRequest,
  personId: string,
  input: { number: number; version: number; typedName: string },
): Promise<ResidentPlanPage> {
  return withSubject(deps, req, personId, async (tx, s) => {
    requirePlanChange(s);
    const c = await requireCurrentCase(tx, s);
    await checkOfferedDraft(tx, c.id, { number: input.number, version: input.version });
    try {
      await agreeDraft(
        deps,
        tx,
        c,
        { tenantId: s.actor.tenantId, userId: null, residentAccountId: s.actor.accountId },
        {
          version: input.version,
          form: 'typed_signature',
          agreedOn: s.today,
          agreedByName: input.typedName,
          typedSignature: input.typedName,
          note: s.subject.self
            ? 'Digitaal akkoord gegeven via Mijn Nabij.'
            : `Digitaal akkoord gegeven via Mijn Nabij, door de ${s.subject.relation === 'curator' ? 'curator' : 'mentor'}.`,
        },
        s.today,
      );
    } catch (err) {
      if (err instanceof AppError && (err.code === 'version_conflict' || err.code === 'plan_frozen'))
        throw new AppError('plan_version_outdated');
      if (
        err instanceof AppError &&
        (err.code === 'plan_without_goals' || err.code === 'child_safety_required' || err.code === 'validation_failed')
      )
        throw new AppError('resident_nothing_to_agree');
      throw err;
    }
    await s.logCase(c, {
      action: 'update',
      event: 'plan.agreed_in_portal',
      dataCategory: 'plan',
      detail: { number: input.number },
    });
    return planPage(tx, s, c);
  });
}

/** The resident marks one of the household's own actions done, with a short note. */
export function markActionDone(
  deps: Deps,
  req: ResidentRequest,
  personId: string,
  actionId: string,
  input: { version: number; note?: string | undefined },
): Promise<ResidentPlanPage> {
  return withSubject(deps, req, personId, async (tx, s) => {
    requirePlanChange(s);
    const c = await requireCurrentCase(tx, s);
    const { number } = await markOwnActionDone(tx, c.id, actionId, { version: input.version, note: input.note });
    await s.logCase(c, {
      action: 'update',
      event: 'plan.action_done_by_resident',
      dataCategory: 'plan',
      detail: { number, actionId, withNote: Boolean(input.note) },
    });
    return planPage(tx, s, c);
  });
}

// ---------------------------------------------------------------------------------------------
// Contacts (the journaal without internal notes)

export function viewContacts(deps: Deps, req: ResidentRequest, personId: string) {
  return withSubject(deps, req, personId, async (tx, s) => {
    const c = await requireCurrentCase(tx, s);
    const rows = await contactsForResident(tx, c.id);
    await s.logCase(c, {
      action: 'read',
      event: 'contact_log.viewed',
      dataCategory: 'contact',
      detail: { count: rows.length },
    });
    return { contacts: rows.map((r) => ({ id: r.id, contactOn: r.contact_on, kind: r.kind, note: r.note })) };
  });
}

// ---------------------------------------------------------------------------------------------
// Messages to the worker

async function messagesOf(tx: Tx, s: SubjectContext, c: CaseRow | undefined): Promise<ResidentMessages> {
  const rows = await tx
    .selectFrom('resident_message')
    .select(['id', 'body', 'sent_at', 'read_at'])
    .where('person_id', '=', s.subject.personId)
    // Only what this account sent: a young person's messages are not shown to the parent, and the other way round.
    .where('account_id', '=', s.actor.accountId)
    .orderBy('sent_at', 'desc')
    .limit(100)
    .execute();
  const worker = c
    ? await tx.selectFrom('app_user').select('display_name').where('id', '=', c.caseWorkerId).executeTakeFirst()
    : undefined;
  return {
    workerName: worker?.display_name ?? null,
    messages: rows.map((m) => ({
      id: m.id,
      body: m.body,
      sentAt: m.sent_at.toISOString(),
      readAt: m.read_at?.toISOString() ?? null,
    })),
  };
}

export function viewMessages(deps: Deps, req: ResidentRequest, personId: string): Promise<ResidentMessages> {
  return withSubject(deps, req, personId, async (tx, s) => {
    const c = await currentCaseOfPerson(tx, s.subject.personId);
    const view = await messagesOf(tx, s, c);
    await s.log({
      action: 'read',
      event: 'resident_message.listed',
      dataCategory: 'contact',
      caseId: c?.id ?? null,
      detail: { count: view.messages.length },
    });
    return view;
  });
}

/** A message to the worker of the current case; the worker sees it on the case page and gets an e-mail without content. */
export async function sendMessage(
  deps: Deps,
  req: ResidentRequest,
  personId: string,
  input: { body: string },
): Promise<ResidentMessages> {
  const { view, notify } = await withSubject(deps, req, personId, async (tx, s) => {
    const c = await requireCurrentCase(tx, s);
    await tx
      .insertInto('resident_message')
      .values({
        tenant_id: s.actor.tenantId,
        case_id: c.id,
        person_id: s.subject.personId,
        account_id: s.actor.accountId,
        body: input.body,
      })
      .execute();
    await s.log({
      action: 'create',
      event: 'resident_message.sent',
      dataCategory: 'contact',
      caseId: c.id,
      teamId: c.teamId,
    });
    const worker = await tx
      .selectFrom('app_user')
      .select(['email'])
      .where('id', '=', c.caseWorkerId)
      .executeTakeFirst();
    return { view: await messagesOf(tx, s, c), notify: worker?.email ? { to: worker.email, caseId: c.id } : null };
  });
  if (notify) {
    // No personal data in the mail: only that there is a message, and where.
    await deps.mailer
      .send({
        tenantId: req.session.tenantId,
        to: notify.to,
        subject: 'Nieuw bericht via Mijn Nabij',
        text: `Er is een nieuw bericht van een huishouden via Mijn Nabij.\n\nBekijk het in het dossier: ${deps.config.publicUrl}/dossiers/${notify.caseId}#mijn-nabij`,
      })
      .catch((err: unknown) =>
        deps.log.warn(
          { event: 'resident.message_mail_failed', errorClass: err instanceof Error ? err.name : typeof err },
          'worker could not be told about a message',
        ),
      );
  }
  return view;
}

// ---------------------------------------------------------------------------------------------
// Own plan and own statement

async function documentsOf(tx: Tx, s: SubjectContext, c: CaseRow | undefined): Promise<ResidentDocuments> {
  const ownPlans = await tx
    .selectFrom('resident_own_plan')
    .select(['id', 'kind', 'text', 'filename', 'submitted_at'])
    .where('person_id', '=', s.subject.personId)
    .where('account_id', '=', s.actor.accountId)
    .orderBy('submitted_at', 'desc')
    .execute();
  const statements = c
    ? (await portalStatementsOf(tx, c.id, s.actor.accountId)).filter((x) => x.person_id === s.subject.personId)
    : [];
  const letters = await portalLettersOf(tx, s.subject.personId);
  return {
    ownPlans: ownPlans.map((p) => ({
      id: p.id,
      kind: p.kind,
      text: p.text,
      filename: p.filename,
      submittedAt: p.submitted_at.toISOString(),
    })),
    statements: statements.map((x) => ({ id: x.id, statement: x.statement, receivedOn: x.received_on })),
    letters: letters.map((l) => ({ id: l.id, subject: l.subject, createdAt: l.createdAt })),
  };
}

/** A letter of the team to the person (the household letter on closure) as PDF; logged as an export. */
export function downloadPortalLetter(
  deps: Deps,
  req: ResidentRequest,
  personId: string,
  letterId: string,
): Promise<Buffer> {
  return withSubject(deps, req, personId, async (tx, s) => {
    const letter = await portalLetterPdf(tx, s.subject.personId, letterId);
    if (!letter) throw new AppError('not_found');
    await s.log({
      action: 'export',
      event: 'resident_letter.downloaded',
      dataCategory: 'case_file',
      caseId: letter.caseId,
      detail: { letterId },
    });
    return letter.pdf;
  });
}

export function viewDocuments(deps: Deps, req: ResidentRequest, personId: string): Promise<ResidentDocuments> {
  return withSubject(deps, req, personId, async (tx, s) => {
    const c = await currentCaseOfPerson(tx, s.subject.personId);
    const view = await documentsOf(tx, s, c);
    await s.log({
      action: 'read',
      event: 'resident_documents.viewed',
      dataCategory: 'case_file',
      caseId: c?.id ?? null,
    });
    return view;
  });
}

/** A file the resident sends: PDF, PNG or JPEG up to 5 MB, checked by its content. Anything else is refused in plain Dutch. */
function residentUpload(file: { filename: string; contentBase64: string }) {
  try {
    return decodeUpload(file, 'file');
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'validation_failed') throw err;
    const tooBig = JSON.stringify(err.extra ?? {}).includes('5 MB');
    throw new AppError('validation_failed', {
      fieldErrors: {
        file: [
          tooBig
            ? 'Dit bestand is te groot. Een bestand mag hoogstens 5 MB zijn.'
            : 'Dit soort bestand kunnen wij niet opslaan. Stuur een PDF of een foto (PNG of JPEG). Er is niets opgeslagen.',
        ],
      },
    });
  }
}

export function submitOwnPlan(
  deps: Deps,
  req: ResidentRequest,
  personId: string,
  input: {
    kind: 'family_group_plan' | 'personal_plan';
    text?: string | undefined;
    file?: { filename: string; contentBase64: string } | undefined;
  },
): Promise<ResidentDocuments> {
  return withSubject(deps, req, personId, async (tx, s) => {
    const upload = input.file ? residentUpload(input.file) : undefined;
    const c = await requireCurrentCase(tx, s);
    await tx
      .insertInto('resident_own_plan')
      .values({
        tenant_id: s.actor.tenantId,
        case_id: c.id,
        person_id: s.subject.personId,
        account_id: s.actor.accountId,
        kind: input.kind,
        text: input.text ?? null,
        filename: upload?.filename ?? null,
        media_type: upload?.mediaType ?? null,
        size_bytes: upload?.content.length ?? null,
        content: upload?.content ?? null,
      })
      .execute();
    await s.log({
      action: 'create',
      event: 'resident_own_plan.submitted',
      dataCategory: 'plan',
      caseId: c.id,
      teamId: c.teamId,
      detail: { withFile: Boolean(upload), withText: Boolean(input.text) },
    });
    return documentsOf(tx, s, c);
  });
}

export function submitStatement(
  deps: Deps,
  req: ResidentRequest,
  personId: string,
  input: { statement: string },
): Promise<ResidentDocuments> {
  return withSubject(deps, req, personId, async (tx, s) => {
    const c = await requireCurrentCase(tx, s);
    await insertPortalStatement(tx, {
      tenantId: s.actor.tenantId,
      caseId: c.id,
      personId: s.subject.personId,
      accountId: s.actor.accountId,
      receivedOn: s.today,
      statement: input.statement,
    });
    await s.log({
      action: 'create',
      event: 'resident_statement.submitted',
      dataCategory: 'case_file',
      caseId: c.id,
      teamId: c.teamId,
    });
    return documentsOf(tx, s, c);
  });
}

// ---------------------------------------------------------------------------------------------
// Consents

async function consentsView(tx: Tx, s: SubjectContext): Promise<ResidentConsents> {
  const rows = await consentsOfPerson(tx, s.subject.personId);
  return {
    consents: rows.map((r) => ({
      id: r.id,
      recipient: r.recipient,
      scope: r.scope,
      givenOn: r.given_on,
      expiresOn: r.expires_on,
      withdrawnOn: r.withdrawn_on,
      active: r.withdrawn_on === null && (r.expires_on === null || r.expires_on >= s.today),
    })),
  };
}

export function viewConsents(deps: Deps, req: ResidentRequest, personId: string): Promise<ResidentConsents> {
  return withSubject(deps, req, personId, async (tx, s) => {
    const view = await consentsView(tx, s);
    await s.log({
      action: 'read',
      event: 'consent.listed',
      dataCategory: 'consent',
      detail: { count: view.consents.length },
    });
    return view;
  });
}

/** Withdraws a consent from today on; the worker sees it withdrawn on the case (and sharing checks stop using it). */
export function withdrawConsent(
  deps: Deps,
  req: ResidentRequest,
  personId: string,
  consentId: string,
): Promise<ResidentConsents> {
  return withSubject(deps, req, personId, async (tx, s) => {
    const { caseId } = await withdrawConsentOfPerson(tx, s.subject.personId, consentId, {
      accountId: s.actor.accountId,
      today: s.today,
    });
    await s.log({
      action: 'update',
      event: 'consent.withdrawn_in_portal',
      dataCategory: 'consent',
      caseId,
      detail: { consentId },
    });
    return consentsView(tx, s);
  });
}

// ---------------------------------------------------------------------------------------------
// "Wie heeft mijn dossier bekeken"

export const PERIOD_MONTHS = { month: 1, quarter: 3, year: 12 } as const;

function monthsBefore(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

/**
 * The per-person overview of the access log (the privacy officer's overview, in the resident's words): when, which
 * organisation and role, what, under which basis, emergency access and refused attempts marked. Staff names are not
 * shown (organisation and role are); Meldcode rows appear as a neutral look at the file; the reason of an emergency
 * access (staff's free text) is not shown; the resident's own portal use is not listed.
 */
export function viewAccessLog(
  deps: Deps,
  req: ResidentRequest,
  personId: string,
  period: keyof typeof PERIOD_MONTHS,
): Promise<ResidentAccessLog> {
  return withSubject(deps, req, personId, async (tx, s) => {
    const from = monthsBefore(s.today, PERIOD_MONTHS[period]);
    const rows = await findLogRows(tx, { personId: s.subject.personId, from, to: s.today }, LOG_LIMIT * 4, 0);
    const entries = rows
      .map((r) => ({ r, shown: residentView(r) }))
      .filter((x): x is { r: (typeof rows)[number]; shown: { event: string; action: string } } => x.shown !== null)
      .map(({ r, shown }) => ({
        at: r.at.toISOString(),
        organisation: r.team_name ? `${r.tenant_name}, ${r.team_name}` : r.tenant_name,
        role: roleLabel(r.user_role) ?? 'onbekende rol',
        description: describeAccessEvent(shown.event, shown.action),
        basis: r.emergency
          ? EMERGENCY_BASIS_TEXT
          : describeAccessBasis({ legalBasis: r.legal_basis, emergency: false }),
        emergency: r.emergency,
        denied: r.outcome === 'denied',
      }));
    await s.log({
      action: 'read',
      event: 'access_log.resident_overview_viewed',
      dataCategory: 'access_log',
      legalBasis: 'legal_obligation',
      detail: { period, count: Math.min(entries.length, LOG_LIMIT) },
    });
    return {
      from,
      to: s.today,
      entries: entries.slice(0, LOG_LIMIT),
      truncated: entries.length > LOG_LIMIT || rows.length === LOG_LIMIT * 4,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// A copy of the data

export function viewCopyRequests(deps: Deps, req: ResidentRequest, personId: string): Promise<ResidentCopyRequests> {
  return withSubject(deps, req, personId, async (tx, s) => {
    const requests = await inspectionRequestsOf(tx, s.subject.personId);
    await s.log({
      action: 'read',
      event: 'avg_request.listed_in_portal',
      dataCategory: 'identity',
      legalBasis: 'legal_obligation',
      detail: { count: requests.length },
    });
    return { requests };
  });
}

/** "Vraag een kopie van mijn gegevens": an inspection request in the privacy officer's register (AVG art. 15). */
export function requestCopy(deps: Deps, req: ResidentRequest, personId: string): Promise<ResidentCopyRequests> {
  return withSubject(deps, req, personId, async (tx, s) => {
    const c = await currentCaseOfPerson(tx, s.subject.personId);
    const who = s.subject.self
      ? 'de inwoner zelf'
      : `een vertegenwoordiger (${s.subject.relation === 'legal_guardian' ? 'voogd' : s.subject.relation === 'parent' ? 'ouder' : (s.subject.relation ?? 'vertegenwoordiger')})`;
    const { id, reference } = await registerPortalInspectionRequest(tx, {
      tenantId: s.actor.tenantId,
      personId: s.subject.personId,
      accountId: s.actor.accountId,
      receivedOn: s.today,
      description: `Verzoek om inzage en een kopie van de gegevens, gedaan via Mijn Nabij door ${who}. Ingelogd met ${req.session.authMethod === 'digid' ? 'DigiD' : 'een code per e-mail (account na controle van het identiteitsbewijs)'}.`,
    });
    await s.log({
      action: 'create',
      event: 'avg_request.submitted_in_portal',
      dataCategory: 'identity',
      caseId: c?.id ?? null,
      teamId: c?.teamId ?? null,
      legalBasis: 'legal_obligation',
      detail: { requestId: id, reference },
    });
    return { requests: await inspectionRequestsOf(tx, s.subject.personId) };
  });
}
