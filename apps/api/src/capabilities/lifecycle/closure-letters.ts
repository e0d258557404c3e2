import { z } from 'zod';
import type { CaseLetterKind, caseLetterDraft, caseLetterView } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import { municipalDate, municipalToday } from '../../shared/clock';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { formatDutchDate } from '../../platform/pdf';
import { renderLetterPdf } from '../../platform/documents/letter';
import {
  checkSharing,
  findActiveConsent,
  logCaseAccess,
  withCase,
  type CaseRow,
  type SharingDecision,
} from '../case-files';
import { fillTemplate, letterTemplateFor } from '../intake';
import { portalAccountOf } from '../resident';
import { DATA_CATEGORY } from './evaluate';
import { resultsText, reasonText } from './labels';
import { fullNameOfRow } from '../../shared/person-name';

type Draft = z.infer<typeof caseLetterDraft>;
type LetterView = z.infer<typeof caseLetterView>;

const personName = (p: { first_name: string; infix: string | null; last_name: string }) => fullNameOfRow(p);

/** The e-mail that a letter waits in Mijn Nabij: no personal data, plain Dutch (scanned with the other resident-facing texts). */
export function letterWaitingMail(publicUrl: string): { subject: string; text: string } {
  return {
    subject: 'Er staat een brief voor u klaar in Mijn Nabij',
    text: `Er staat een nieuwe brief voor u klaar in Mijn Nabij.\n\nLog in om de brief te lezen: ${publicUrl}/mijn`,
  };
}

/** The closure of the case's current episode, with what the letters say. */
async function currentClosure(tx: Tx, caseId: string) {
  const row = await tx
    .selectFrom('case_file as c')
    .innerJoin('case_closure as x', (j) => j.onRef('x.case_id', '=', 'c.id').onRef('x.episode', '=', 'c.episode'))
    .select([
      'x.id',
      'x.episode',
      'x.reason',
      'x.referred_to',
      'x.reason_other',
      'x.aftercare',
      'x.outcome',
      'x.plan_version_id',
    ])
    .where('c.id', '=', caseId)
    .executeTakeFirst();
  if (!row) throw new AppError('not_closed_yet');
  return row;
}

/** Everything a closure letter is filled with, and who receives it. */
async function letterContext(tx: Tx, ctx: AccessContext, c: CaseRow, kind: CaseLetterKind) {
  const closure = await currentClosure(tx, c.id);
  const base = await tx
    .selectFrom('case_file as c')
    .innerJoin('team as t', 't.id', 'c.team_id')
    .innerJoin('app_user as w', 'w.id', 'c.case_worker_id')
    .leftJoin('referral as r', 'r.id', 'c.referral_id')
    .leftJoin('household as h', 'h.id', 'c.household_id')
    .select([
      't.name as team_name',
      't.postal_address',
      't.contact_phone',
      't.contact_email',
      'w.display_name as worker_name',
      'r.reference',
      'r.referrer_kind',
      'r.referrer_name',
      'r.referrer_organisation',
      'r.referrer_email',
      'h.name as household_name',
    ])
    .where('c.id', '=', c.id)
    .executeTakeFirstOrThrow();
  const tenant = await tx
    .selectFrom('tenant')
    .select('name')
    .where('id', '=', ctx.actor.tenantId)
    .executeTakeFirstOrThrow();
  const primary = c.primaryPersonId
    ? await tx
        .selectFrom('person')
        .select(['first_name', 'infix', 'last_name', 'email'])
        .where('id', '=', c.primaryPersonId)
        .executeTakeFirst()
    : undefined;
  const goals = await tx
    .selectFrom('case_closure_goal as g')
    .innerJoin('plan_goal as p', 'p.id', 'g.goal_id')
    .select(['p.goal', 'g.status', 'g.result'])
    .where('g.closure_id', '=', closure.id)
    .orderBy('p.position')
    .execute();
  const watch =
    closure.outcome === 'watch'
      ? await tx
          .selectFrom('case_watch')
          .select(['check_in_interval_weeks', 'ends_on'])
          .where('closure_id', '=', closure.id)
          .executeTakeFirst()
      : undefined;
  const residentName = primary ? personName(primary) : (base.household_name ?? 'de inwoner');
  const referrer =
    base.referrer_kind && base.referrer_kind !== 'self' && (base.referrer_name || base.referrer_organisation)
      ? { name: base.referrer_name, organisation: base.referrer_organisation, email: base.referrer_email }
      : null;
  if (kind === 'case_closure_referrer' && !referrer) throw new AppError('no_referrer');
  const values = {
    verwijzer: referrer?.name ?? referrer?.organisation ?? 'heer/mevrouw',
    inwoner: residentName,
    referentie: base.reference ?? c.id.slice(0, 8),
    reden: reasonText(closure.reason, closure.referred_to, closure.reason_other),
    resultaten: resultsText(goals, closure.plan_version_id !== null),
    nazorg: closure.aftercare ?? 'er zijn geen aparte afspraken gemaakt.',
    waakvlam: watch
      ? `Wij houden de komende tijd een vinger aan de pols: ongeveer elke ${watch.check_in_interval_weeks} weken nemen wij contact op, tot ${formatDutchDate(new Date(`${watch.ends_on}T12:00:00Z`))}.`
      : '',
    werker: base.worker_name,
    team: base.team_name,
    gemeente: tenant.name,
  };
  const recipient =
    kind === 'case_closure_referrer'
      ? { name: referrer?.name ?? null, organisation: referrer?.organisation ?? null, email: referrer?.email ?? null }
      : { name: residentName, organisation: null, email: primary?.email ?? null };
  return {
    closure,
    values,
    recipient,
    referrer,
    primaryPersonId: primary ? c.primaryPersonId : null,
    teamName: base.team_name,
    letterhead: { address: base.postal_address, phone: base.contact_phone, email: base.contact_email },
    tenantName: tenant.name,
    reference: values.referentie,
  };
}

const tidy = (text: string) => text.replace(/\n{3,}/g, '\n\n').trim();

/** The letter as the template fills it in, with the sharing check for the referrer; the worker may edit it before sending. */
export async function draftClosureLetter(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  kind: CaseLetterKind,
): Promise<Draft> {
  const today = municipalToday(deps.clock);
  return withCase(deps, ctx, caseId, 'work', DATA_CATEGORY, async (tx, c) => {
    const { values, recipient } = await letterContext(tx, ctx, c, kind);
    const template = await letterTemplateFor(tx, ctx.actor.tenantId, kind);
    const thirdParty = kind === 'case_closure_referrer';
    const consent = thirdParty ? await findActiveConsent(tx, c, recipient, today) : undefined;
    return {
      kind,
      recipientName: recipient.organisation
        ? [recipient.name, recipient.organisation].filter(Boolean).join(', ')
        : recipient.name,
      to: recipient.email,
      subject: fillTemplate(template.subject, values),
      body: tidy(fillTemplate(template.body, values)),
      sharing: { thirdParty, consent: consent ?? null },
    };
  });
}

function toView(
  l: {
    id: string;
    kind: string;
    recipient_email: string | null;
    recipient_name: string | null;
    subject: string;
    status: string;
    sent_at: Date | null;
    created_at: Date;
    sharing_basis: string;
    portal_person_id: string | null;
  },
  episode: number,
): LetterView {
  return {
    id: l.id,
    kind: l.kind as CaseLetterKind,
    episode,
    to: l.recipient_email,
    recipientName: l.recipient_name,
    subject: l.subject,
    status: l.status as 'sent',
    inPortal: l.portal_person_id !== null,
    sentAt: l.sent_at?.toISOString() ?? null,
    createdAt: l.created_at.toISOString(),
    sharingBasis: l.sharing_basis as 'consent',
  };
}

async function loadLetter(tx: Tx, id: string) {
  return tx
    .selectFrom('case_letter as l')
    .leftJoin('case_closure as x', 'x.id', 'l.closure_id')
    .select([
      'l.id',
      'l.case_id',
      'l.kind',
      'l.recipient_email',
      'l.recipient_name',
      'l.subject',
      'l.body',
      'l.pdf',
      'l.status',
      'l.sent_at',
      'l.created_at',
      'l.sharing_basis',
      'l.portal_person_id',
      'x.episode',
    ])
    .where('l.id', '=', id)
    .executeTakeFirstOrThrow();
}

/**
 * Sends a letter on closure: to the referrer only with an active consent or a recorded legal basis and reason (the
 * sharing check), to the household always. The PDF is kept with the case in the same transaction as the access-log
 * rows, then e-mailed with the PDF attached. A household letter to a resident with a Mijn Nabij account is also shown
 * there; without an e-mail address of the person it is delivered there (`portal`), announced to the account's address
 * by an e-mail without content. The same idempotency key sends once: a retry returns the first letter, and only a
 * letter whose e-mail failed is tried again.
 */
export async function sendClosureLetter(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: {
    kind: CaseLetterKind;
    subject: string;
    body: string;
    idempotencyKey: string;
    legalBasis?: string | undefined;
    sharingReason?: string | undefined;
  },
): Promise<LetterView> {
  const now = deps.clock.now();
  const today = municipalDate(now);
  const prepared = await withCase(deps, ctx, caseId, 'work', DATA_CATEGORY, async (tx, c) => {
    const existing = await tx
      .selectFrom('case_letter')
      .select(['id', 'case_id', 'status'])
      .where('idempotency_key', '=', input.idempotencyKey)
      .executeTakeFirst();
    if (existing) {
      if (existing.case_id !== c.id)
        throw new AppError('validation_failed', {
          fieldErrors: { idempotencyKey: ['Deze sleutel hoort bij een andere brief.'] },
        });
      // A failed e-mail is claimed for one new attempt; anything else was handled already.
      const claimed =
        existing.status === 'failed'
          ? await tx
              .updateTable('case_letter')
              .set({ status: 'pending' })
              .where('id', '=', existing.id)
              .where('status', '=', 'failed')
              .executeTakeFirst()
          : undefined;
      return { letterId: existing.id, send: claimed !== undefined && Number(claimed.numUpdatedRows) === 1 };
    }
    const { closure, recipient, primaryPersonId, tenantName, teamName, letterhead, reference } = await letterContext(
      tx,
      ctx,
      c,
      input.kind,
    );
    const account =
      input.kind === 'case_closure_household' && primaryPersonId
        ? await portalAccountOf(tx, primaryPersonId)
        : undefined;
    const sharing: SharingDecision | { basis: 'own_household' } =
      input.kind === 'case_closure_referrer'
        ? await checkSharing(
            tx,
            ctx,
            c,
            recipient,
            today,
            { legalBasis: input.legalBasis, reason: input.sharingReason },
            { event: 'case_file.information_shared', detail: { letterKind: input.kind, closureId: closure.id } },
          )
        : { basis: 'own_household' };
    const pdf = await renderLetterPdf({
      sender: { municipality: tenantName, team: teamName, ...letterhead },
      recipient: { name: recipient.name, organisation: recipient.organisation },
      date: now,
      reference,
      subject: input.subject,
      body: input.body,
    });
    const row = await tx
      .insertInto('case_letter')
      .values({
        tenant_id: ctx.actor.tenantId,
        case_id: c.id,
        closure_id: closure.id,
        kind: input.kind,
        recipient_name: recipient.organisation
          ? [recipient.name, recipient.organisation].filter(Boolean).join(', ')
          : recipient.name,
        recipient_email: recipient.email,
        subject: input.subject,
        body: input.body,
        pdf,
        status: recipient.email ? 'pending' : account ? 'portal' : 'no_address',
        portal_person_id: account ? primaryPersonId : null,
        sent_at: null,
        sharing_basis: sharing.basis,
        consent_id: sharing.basis === 'consent' ? sharing.consent.id : null,
        legal_basis: sharing.basis === 'legal_basis' ? sharing.legalBasis : null,
        sharing_reason: sharing.basis === 'legal_basis' ? sharing.reason : null,
        idempotency_key: input.idempotencyKey,
        created_by: ctx.actor.userId,
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'idempotency_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) {
      // The same send ran at the same moment and won; answer with its letter.
      const other = await tx
        .selectFrom('case_letter')
        .select('id')
        .where('idempotency_key', '=', input.idempotencyKey)
        .executeTakeFirstOrThrow();
      return { letterId: other.id, send: false };
    }
    await logCaseAccess(tx, ctx, c, {
      action: 'export',
      event: 'case_letter.sent',
      dataCategory: DATA_CATEGORY,
      permission: 'case:read',
      detail: { letterId: row.id, kind: input.kind, basis: sharing.basis, inPortal: Boolean(account) },
    });
    return {
      letterId: row.id,
      send: recipient.email !== null,
      announce: !recipient.email && account?.email ? account.email : null,
    };
  });

  if ('announce' in prepared && prepared.announce) {
    // No personal data in the mail: only that a letter is waiting in Mijn Nabij, and where.
    await deps.mailer
      .send({
        tenantId: ctx.actor.tenantId,
        to: prepared.announce,
        ...letterWaitingMail(deps.config.publicUrl),
      })
      .catch((err: unknown) =>
        deps.log.warn(
          { errClass: err instanceof Error ? err.name : 'unknown', letterId: prepared.letterId },
          'Mijn Nabij letter announcement failed',
        ),
      );
  }

  if (prepared.send) {
    const letter = await deps.db.inTenant(ctx.actor.tenantId, (tx) => loadLetter(tx, prepared.letterId));
    let status: 'sent' | 'failed' = 'sent';
    try {
      await deps.mailer.send({
        tenantId: ctx.actor.tenantId,
        to: letter.recipient_email ?? '',
        subject: letter.subject,
        text: letter.body,
        attachments: [
          {
            filename: `afronding-${letter.kind === 'case_closure_referrer' ? 'verwijzer' : 'huishouden'}.pdf`,
            content: letter.pdf,
            contentType: 'application/pdf',
          },
        ],
      });
    } catch (err) {
      status = 'failed';
      deps.log.warn(
        { errClass: err instanceof Error ? err.name : 'unknown', letterId: letter.id },
        'closure letter e-mail failed',
      );
    }
    await deps.db.inTenant(ctx.actor.tenantId, (tx) =>
      tx
        .updateTable('case_letter')
        .set({ status, sent_at: status === 'sent' ? deps.clock.now() : null })
        .where('id', '=', prepared.letterId)
        .execute(),
    );
  }
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const l = await loadLetter(tx, prepared.letterId);
    return toView(l, l.episode ?? 1);
  });
}

/** The PDF of a letter on closure (as it was sent). */
export async function downloadClosureLetter(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  letterId: string,
): Promise<{ filename: string; pdf: Buffer }> {
  return withCase(deps, ctx, caseId, 'view', DATA_CATEGORY, async (tx, c) => {
    const l = await tx
      .selectFrom('case_letter')
      .select(['id', 'kind', 'pdf'])
      .where('id', '=', letterId)
      .where('case_id', '=', c.id)
      .executeTakeFirst();
    if (!l) throw new AppError('not_found');
    await logCaseAccess(tx, ctx, c, {
      action: 'export',
      event: 'case_letter.downloaded',
      dataCategory: DATA_CATEGORY,
      permission: 'case:read',
      detail: { letterId },
    });
    return { filename: `afronding-${l.kind === 'case_closure_referrer' ? 'verwijzer' : 'huishouden'}.pdf`, pdf: l.pdf };
  });
}
