import { ageOn, type RepresentationRelation, type ResidentPortalCaseView } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import { municipalToday } from '../../shared/clock';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { logCaseAccess, withCase, type CaseRow } from '../case-files';
import { recordAccess } from '../audit';
import { draftForResident, offerDraftToResident } from '../plan';
import { portalStatementsOf } from '../retention';
import { accountProblem, mayActFor, normaliseEmail, representationProblem } from './resident.domain';
import { fullNameOfRow as fullName } from '../../shared/person-name';

/**
 * The worker's side of Mijn Nabij, on the case page: who of the household has an account, who represents whom
 * (always with the recorded relation), the messages, own plans and statements the household sent, and offering a
 * new plan version for digital agreement. Authorised on the case like every case action (withCase).
 */

const CATEGORY = 'case_file';
/** Keeps an `in (...)` list non-empty for a case without persons (it matches nothing). */
const NO_PERSON = '00000000-0000-0000-0000-000000000000';

async function personsOf(tx: Tx, ids: readonly string[]) {
  return ids.length
    ? tx
        .selectFrom('person')
        .select(['id', 'first_name', 'infix', 'last_name', 'date_of_birth'])
        .where('id', 'in', [...ids])
        .orderBy('date_of_birth')
        .execute()
    : [];
}

async function buildView(tx: Tx, c: CaseRow, today: string): Promise<ResidentPortalCaseView> {
  const persons = await personsOf(tx, c.personIds);
  const accounts = c.personIds.length
    ? await tx
        .selectFrom('resident_account')
        .select(['id', 'person_id', 'email', 'identity_check', 'active', 'last_login_at'])
        .where('person_id', 'in', c.personIds)
        .execute()
    : [];
  const representations = c.personIds.length
    ? await tx
        .selectFrom('resident_representation as r')
        .innerJoin('resident_account as a', 'a.id', 'r.representative_account_id')
        .innerJoin('person as rp', 'rp.id', 'a.person_id')
        .innerJoin('person as p', 'p.id', 'r.person_id')
        .select([
          'r.id',
          'r.relation',
          'r.evidence',
          'r.recorded_at',
          'rp.first_name as rep_first',
          'rp.infix as rep_infix',
          'rp.last_name as rep_last',
          'p.first_name',
          'p.infix',
          'p.last_name',
          'p.date_of_birth',
        ])
        .where('r.person_id', 'in', c.personIds)
        .where('r.ended_at', 'is', null)
        .orderBy('r.recorded_at')
        .execute()
    : [];
  const senderName = (p: { s_first: string; s_infix: string | null; s_last: string }) =>
    fullName({ first_name: p.s_first, infix: p.s_infix, last_name: p.s_last });
  const messages = await tx
    .selectFrom('resident_message as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .innerJoin('resident_account as a', 'a.id', 'm.account_id')
    .innerJoin('person as s', 's.id', 'a.person_id')
    .leftJoin('app_user as u', 'u.id', 'm.read_by')
    .select([
      'm.id',
      'm.body',
      'm.sent_at',
      'm.read_at',
      'u.display_name',
      'p.first_name',
      'p.infix',
      'p.last_name',
      's.first_name as s_first',
      's.infix as s_infix',
      's.last_name as s_last',
    ])
    .where('m.case_id', '=', c.id)
    .orderBy('m.sent_at', 'desc')
    .limit(100)
    .execute();
  const ownPlans = await tx
    .selectFrom('resident_own_plan as o')
    .innerJoin('person as p', 'p.id', 'o.person_id')
    .innerJoin('resident_account as a', 'a.id', 'o.account_id')
    .innerJoin('person as s', 's.id', 'a.person_id')
    .select([
      'o.id',
      'o.kind',
      'o.text',
      'o.filename',
      'o.size_bytes',
      'o.submitted_at',
      'p.first_name',
      'p.infix',
      'p.last_name',
      's.first_name as s_first',
      's.infix as s_infix',
      's.last_name as s_last',
    ])
    .where('o.case_id', '=', c.id)
    .orderBy('o.submitted_at', 'desc')
    .execute();
  const statements = await portalStatementsOf(tx, c.id);
  const statementPeople = await personsOf(tx, [
    ...new Set(statements.map((x) => x.person_id).filter((x): x is string => x !== null)),
  ]);
  const senderIds = [
    ...new Set(statements.map((x) => x.submitted_by_account_id).filter((x): x is string => x !== null)),
  ];
  const senderAccounts = senderIds.length
    ? await tx
        .selectFrom('resident_account as a')
        .innerJoin('person as s', 's.id', 'a.person_id')
        .select(['a.id', 's.first_name', 's.infix', 's.last_name'])
        .where('a.id', 'in', senderIds)
        .execute()
    : [];
  const draft = await draftForResident(tx, c.id);
  return {
    caseId: c.id,
    members: persons.map((p) => {
      const age = p.date_of_birth ? ageOn(p.date_of_birth, today) : null;
      const a = accounts.find((x) => x.person_id === p.id);
      return {
        personId: p.id,
        name: fullName(p),
        age,
        ownAccountPossible: accountProblem(age) === null,
        account: a
          ? {
              id: a.id,
              email: a.email,
              identityCheck: a.identity_check,
              active: a.active,
              lastLoginAt: a.last_login_at?.toISOString() ?? null,
            }
          : null,
      };
    }),
    representations: representations.map((r) => {
      const age = r.date_of_birth ? ageOn(r.date_of_birth, today) : null;
      return {
        id: r.id,
        representativeName: fullName({ first_name: r.rep_first, infix: r.rep_infix, last_name: r.rep_last }),
        personName: fullName(r),
        relation: r.relation,
        evidence: r.evidence,
        recordedAt: r.recorded_at.toISOString(),
        stillValid: mayActFor({ self: false, relation: r.relation, age }).ok,
      };
    }),
    messages: messages.map((m) => ({
      id: m.id,
      personName: fullName(m),
      senderName: senderName(m),
      body: m.body,
      sentAt: m.sent_at.toISOString(),
      readAt: m.read_at?.toISOString() ?? null,
      readByName: m.display_name,
    })),
    ownPlans: ownPlans.map((o) => ({
      id: o.id,
      personName: fullName(o),
      senderName: senderName(o),
      kind: o.kind,
      text: o.text,
      file: o.filename && o.size_bytes !== null ? { filename: o.filename, sizeBytes: o.size_bytes } : null,
      submittedAt: o.submitted_at.toISOString(),
    })),
    statements: statements.map((x) => {
      const p = statementPeople.find((q) => q.id === x.person_id);
      const sender = senderAccounts.find((a) => a.id === x.submitted_by_account_id);
      return {
        id: x.id,
        personName: p ? fullName(p) : null,
        senderName: sender ? fullName(sender) : 'onbekend',
        statement: x.statement,
        receivedOn: x.received_on,
      };
    }),
    draft: draft
      ? { number: draft.number, version: draft.version, offeredAt: draft.offeredAt?.toISOString() ?? null }
      : null,
    unread: messages.filter((m) => m.read_at === null).length,
  };
}

export async function viewPortalOfCase(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
): Promise<ResidentPortalCaseView> {
  const today = municipalToday(deps.clock);
  return withCase(deps, ctx, caseId, 'view', CATEGORY, async (tx, c) => {
    const view = await buildView(tx, c, today);
    await logCaseAccess(tx, ctx, c, {
      action: 'read',
      event: 'resident_portal.viewed',
      dataCategory: CATEGORY,
      permission: 'case:read',
      detail: { messages: view.messages.length },
    });
    return view;
  });
}

/** The e-mail to a resident who got an account, in plain Dutch (scanned for jargon with the other resident-facing texts). */
export function welcomeMail(publicUrl: string, municipality: string): { subject: string; text: string } {
  return {
    subject: 'U kunt nu inloggen op Mijn Nabij',
    text: `Beste inwoner,\n\nU kunt nu uw plan en uw gegevens bekijken op Mijn Nabij: ${publicUrl}/mijn\nU logt in met dit e-mailadres. U krijgt dan een code per e-mail.\n\nMet vriendelijke groet,\n${municipality}`,
  };
}

/** Gives a member of the household an account for Mijn Nabij, after the worker saw their identity document. */
export async function createAccount(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: { personId: string; email: string },
): Promise<ResidentPortalCaseView> {
  const today = municipalToday(deps.clock);
  const email = normaliseEmail(input.email);
  // One address, one account, across municipalities (a login code must never be ambiguous): checked as the owner.
  const taken = await deps.db.inSystem((tx) =>
    tx.selectFrom('resident_account').select('id').where('email', '=', email).executeTakeFirst(),
  );
  if (taken) throw new AppError('resident_email_in_use');
  const view = await withCase(deps, ctx, caseId, 'work', CATEGORY, async (tx, c) => {
    if (!c.personIds.includes(input.personId))
      throw new AppError('validation_failed', {
        fieldErrors: { personId: ['Kies iemand uit het huishouden van dit dossier.'] },
      });
    const person = await tx
      .selectFrom('person')
      .select(['date_of_birth'])
      .where('id', '=', input.personId)
      .executeTakeFirstOrThrow();
    const problem = accountProblem(person.date_of_birth ? ageOn(person.date_of_birth, today) : null);
    if (problem) throw new AppError('validation_failed', { fieldErrors: { personId: [problem] } });
    if (await tx.selectFrom('resident_account').select('id').where('person_id', '=', input.personId).executeTakeFirst())
      throw new AppError('resident_account_exists');
    const account = await tx
      .insertInto('resident_account')
      .values({
        tenant_id: ctx.actor.tenantId,
        person_id: input.personId,
        email,
        identity_check: 'in_person',
        created_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAccess(tx, ctx, {
      action: 'create',
      event: 'resident_account.created',
      dataCategory: 'account',
      personId: input.personId,
      caseId: c.id,
      teamId: c.teamId,
      permission: 'case:read',
      detail: { accountId: account.id },
    });
    return buildView(tx, c, today);
  });
  const tenant = await deps.db.inTenant(ctx.actor.tenantId, (tx) =>
    tx.selectFrom('tenant').select('name').executeTakeFirst(),
  );
  await deps.mailer
    .send({
      tenantId: ctx.actor.tenantId,
      to: email,
      ...welcomeMail(deps.config.publicUrl, tenant?.name ?? ''),
    })
    .catch((err: unknown) =>
      deps.log.warn(
        { event: 'resident.welcome_mail_failed', errorClass: err instanceof Error ? err.name : typeof err },
        'welcome mail failed',
      ),
    );
  return view;
}

/** Switches an account off (its sessions end at once) or on again. */
export async function setAccountActive(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  accountId: string,
  active: boolean,
): Promise<ResidentPortalCaseView> {
  const today = municipalToday(deps.clock);
  const view = await withCase(deps, ctx, caseId, 'work', CATEGORY, async (tx, c) => {
    const r = await tx
      .updateTable('resident_account')
      .set((eb) => ({ active, version: eb('version', '+', 1) }))
      .where('id', '=', accountId)
      .where('person_id', 'in', [...c.personIds, NO_PERSON])
      .returning('person_id')
      .executeTakeFirst();
    if (!r) throw new AppError('not_found');
    await recordAccess(tx, ctx, {
      action: 'update',
      event: active ? 'resident_account.activated' : 'resident_account.deactivated',
      dataCategory: 'account',
      personId: r.person_id,
      caseId: c.id,
      teamId: c.teamId,
      permission: 'case:read',
      detail: { accountId },
    });
    return buildView(tx, c, today);
  });
  if (!active)
    await deps.db.inSystem((tx) => tx.deleteFrom('resident_session').where('account_id', '=', accountId).execute());
  return view;
}

/**
 * Records who may act for whom in the portal. The relation is required (a representative without a recorded
 * relation is refused) and must fit the age rules: a parent or guardian for a child under 16, a mentor or curator
 * for an adult. The representative needs an own account first.
 */
export async function addRepresentation(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: { representativePersonId: string; personId: string; relation: RepresentationRelation; evidence: string },
): Promise<ResidentPortalCaseView> {
  const today = municipalToday(deps.clock);
  return withCase(deps, ctx, caseId, 'work', CATEGORY, async (tx, c) => {
    if (!c.personIds.includes(input.personId))
      throw new AppError('validation_failed', {
        fieldErrors: { personId: ['Kies iemand uit het huishouden van dit dossier.'] },
      });
    const person = await tx
      .selectFrom('person')
      .select('date_of_birth')
      .where('id', '=', input.personId)
      .executeTakeFirstOrThrow();
    const problem = representationProblem({
      relation: input.relation,
      age: person.date_of_birth ? ageOn(person.date_of_birth, today) : null,
      samePerson: input.personId === input.representativePersonId,
    });
    if (problem) throw new AppError('validation_failed', { fieldErrors: { [problem.field]: [problem.message] } });
    const account = await tx
      .selectFrom('resident_account')
      .select(['id', 'active'])
      .where('person_id', '=', input.representativePersonId)
      .executeTakeFirst();
    if (!account?.active) {
      throw new AppError('validation_failed', {
        fieldErrors: {
          representativePersonId: [
            'Deze persoon heeft (nog) geen actief account voor Mijn Nabij. Maak eerst een account aan.',
          ],
        },
      });
    }
    const existing = await tx
      .selectFrom('resident_representation')
      .select('id')
      .where('representative_account_id', '=', account.id)
      .where('person_id', '=', input.personId)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    if (existing)
      throw new AppError('validation_failed', {
        fieldErrors: { representativePersonId: ['Deze vertegenwoordiging is al vastgelegd.'] },
      });
    const row = await tx
      .insertInto('resident_representation')
      .values({
        tenant_id: ctx.actor.tenantId,
        representative_account_id: account.id,
        person_id: input.personId,
        relation: input.relation,
        evidence: input.evidence,
        recorded_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAccess(tx, ctx, {
      action: 'create',
      event: 'resident_representation.recorded',
      dataCategory: 'account',
      personId: input.personId,
      caseId: c.id,
      teamId: c.teamId,
      permission: 'case:read',
      detail: { representationId: row.id, relation: input.relation },
    });
    return buildView(tx, c, today);
  });
}

export async function endRepresentation(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  representationId: string,
): Promise<ResidentPortalCaseView> {
  const today = municipalToday(deps.clock);
  return withCase(deps, ctx, caseId, 'work', CATEGORY, async (tx, c) => {
    const r = await tx
      .updateTable('resident_representation')
      .set({ ended_at: deps.clock.now(), ended_by: ctx.actor.userId })
      .where('id', '=', representationId)
      .where('person_id', 'in', [...c.personIds, NO_PERSON])
      .where('ended_at', 'is', null)
      .returning('person_id')
      .executeTakeFirst();
    if (!r) throw new AppError('not_found');
    await recordAccess(tx, ctx, {
      action: 'update',
      event: 'resident_representation.ended',
      dataCategory: 'account',
      personId: r.person_id,
      caseId: c.id,
      teamId: c.teamId,
      permission: 'case:read',
      detail: { representationId },
    });
    return buildView(tx, c, today);
  });
}

export async function markMessageRead(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  messageId: string,
): Promise<ResidentPortalCaseView> {
  const today = municipalToday(deps.clock);
  return withCase(deps, ctx, caseId, 'work', CATEGORY, async (tx, c) => {
    const r = await tx
      .updateTable('resident_message')
      .set((eb) => ({ read_at: deps.clock.now(), read_by: ctx.actor.userId, version: eb('version', '+', 1) }))
      .where('id', '=', messageId)
      .where('case_id', '=', c.id)
      .where('read_at', 'is', null)
      .returning('person_id')
      .executeTakeFirst();
    if (!r) {
      const exists = await tx
        .selectFrom('resident_message')
        .select('id')
        .where('id', '=', messageId)
        .where('case_id', '=', c.id)
        .executeTakeFirst();
      if (!exists) throw new AppError('not_found');
      // Already read by a colleague: nothing to do, show the current state.
      return buildView(tx, c, today);
    }
    await recordAccess(tx, ctx, {
      action: 'update',
      event: 'resident_message.read',
      dataCategory: 'contact',
      personId: r.person_id,
      caseId: c.id,
      teamId: c.teamId,
      permission: 'case:read',
      detail: { messageId },
    });
    return buildView(tx, c, today);
  });
}

/** Offers the current draft of the plan in the portal, so the household can agree to it digitally. */
export async function offerPlanVersion(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: { version: number },
): Promise<ResidentPortalCaseView> {
  const today = municipalToday(deps.clock);
  return withCase(deps, ctx, caseId, 'work', 'plan', async (tx, c) => {
    const { number } = await offerDraftToResident(tx, c.id, input.version, ctx.actor.userId, deps.clock.now());
    await logCaseAccess(tx, ctx, c, {
      action: 'update',
      event: 'plan.offered_to_resident',
      dataCategory: 'plan',
      permission: 'case:read',
      detail: { number },
    });
    return buildView(tx, c, today);
  });
}

/** A file of the household's own plan sent through the portal. */
export async function downloadOwnPlan(deps: Deps, ctx: AccessContext, caseId: string, id: string) {
  return withCase(deps, ctx, caseId, 'view', 'plan', async (tx, c) => {
    const f = await tx
      .selectFrom('resident_own_plan')
      .select(['filename', 'media_type', 'content'])
      .where('id', '=', id)
      .where('case_id', '=', c.id)
      .executeTakeFirst();
    if (!f?.content || !f.filename || !f.media_type) throw new AppError('not_found');
    await logCaseAccess(tx, ctx, c, {
      action: 'read',
      event: 'resident_own_plan.downloaded',
      dataCategory: 'plan',
      permission: 'case:read',
      detail: { ownPlanId: id },
    });
    return { filename: f.filename, mediaType: f.media_type, content: f.content };
  });
}
