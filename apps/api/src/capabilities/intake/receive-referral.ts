import type { ReferralView } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import type { Deps } from '../../platform/deps';
import { recordAccess, recordExternalAccess } from '../audit';
import { ATTACHMENT_LIMITS } from '@nabij/contracts';
import { sniffAttachment } from './intake.domain';
import { canWorkOnReferral } from './intake.policy';
import {
  findReferralByIdempotencyKey,
  findTeam,
  insertAttachment,
  insertReferral,
  nextReference,
  type NewReferral,
} from './intake.store';
import { loadReferralView } from './referral.views';
import { linkConsultationToReferral } from './team-consultations';

type Content = Omit<NewReferral, 'tenantId' | 'createdBy' | 'channel' | 'referrerKind'>;

function decodeAttachments(files: Array<{ filename: string; contentBase64: string }>) {
  const fieldErrors: Record<string, string[]> = {};
  let empty = false;
  const decoded = files.map((f, i) => {
    const content = Buffer.from(f.contentBase64, 'base64');
    const mediaType = sniffAttachment(content);
    if (content.length === 0) {
      // An empty file says it is empty, not that it is too big (issue #21 item 14).
      fieldErrors[`attachments.${i}`] = ['Het bestand is leeg. Kies een bestand met inhoud.'];
      empty = true;
    } else if (content.length > ATTACHMENT_LIMITS.maxBytes)
      fieldErrors[`attachments.${i}`] = ['Een bijlage mag hoogstens 5 MB zijn.'];
    else if (!mediaType)
      fieldErrors[`attachments.${i}`] = [
        'Alleen PDF-, PNG- en JPEG-bestanden zijn toegestaan. Dit bestand is geen van deze.',
      ];
    return { filename: f.filename.replace(/[\\/\r\n]/g, '_'), content, mediaType };
  });
  if (Object.keys(fieldErrors).length)
    throw new AppError(empty && Object.keys(fieldErrors).length === 1 ? 'empty_file' : 'validation_failed', {
      fieldErrors,
    });
  return decoded as Array<{
    filename: string;
    content: Buffer;
    mediaType: NonNullable<(typeof decoded)[number]['mediaType']>;
  }>;
}

/**
 * The confirmation to whoever sent the public form — a professional, or a resident who referred themselves — in
 * plain Dutch (issue #19 item 5: no "aanmeldoverleg"). Exported for the test that scans resident-facing texts.
 */
export function referralReceivedMail(v: { name: string; team: string; reference: string; municipality: string }): {
  subject: string;
  text: string;
} {
  return {
    subject: `Aanmelding ontvangen: ${v.reference}`,
    text:
      `Beste ${v.name},\n\nWij hebben uw aanmelding bij ${v.team} ontvangen. ` +
      `Het referentienummer is ${v.reference}. Noem dit nummer als u contact met ons opneemt.\n\n` +
      'Het wijkteam bespreekt de aanmelding zo snel mogelijk met elkaar en laat u daarna weten wat er met de aanmelding gebeurt.\n\n' +
      `Met vriendelijke groet,\n${v.municipality}`,
  };
}

/**
 * A referral through the public form. The same idempotency key (a double click, a retried request)
 * returns the first referral's reference and stores nothing new. Sends a confirmation to the referrer.
 */
export async function receiveReferral(
  deps: Deps,
  meta: { tenantSlug: string; ip: string; userAgent: string | null },
  input: Content & {
    teamId: string;
    referrerKind: 'professional' | 'self';
    attachments: Array<{ filename: string; contentBase64: string }>;
  },
): Promise<{ reference: string }> {
  const tenant = await deps.db.inSystem((tx) =>
    tx.selectFrom('tenant').select(['id', 'name']).where('slug', '=', meta.tenantSlug).executeTakeFirst(),
  );
  if (!tenant) throw new AppError('not_found');
  const files = decodeAttachments(input.attachments);
  const year = Number(
    new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(deps.clock.now()),
  );
  const outcome = await deps.db.inTenant(tenant.id, async (tx) => {
    const existing = await findReferralByIdempotencyKey(tx, input.idempotencyKey);
    if (existing) return { reference: existing.reference, isNew: false };
    const team = await findTeam(tx, input.teamId);
    if (!team?.accepts_web_referrals)
      throw new AppError('validation_failed', { fieldErrors: { teamId: ['Kies een wijkteam uit de lijst.'] } });
    if (input.referrerKind === 'self' && !team.accepts_self_referrals) {
      throw new AppError('validation_failed', {
        fieldErrors: {
          referrerKind: [
            'Dit wijkteam neemt alleen aanmeldingen van professionals aan. Neem contact op met het wijkteam of uw huisarts.',
          ],
        },
      });
    }
    const reference = await nextReference(tx, tenant.id, year);
    const { id } = await insertReferral(
      tx,
      { ...input, tenantId: tenant.id, channel: 'web_form', createdBy: null },
      reference,
    );
    for (const f of files)
      await insertAttachment(tx, {
        tenantId: tenant.id,
        referralId: id,
        filename: f.filename,
        mediaType: f.mediaType,
        content: f.content,
      });
    await recordExternalAccess(
      tx,
      { tenantId: tenant.id, role: 'referrer', ip: meta.ip, userAgent: meta.userAgent },
      {
        action: 'create',
        event: 'referral.received',
        dataCategory: 'referral',
        teamId: team.id,
        detail: { referralId: id, channel: 'web_form', attachments: files.length },
      },
    );
    return { reference, isNew: true, teamName: team.name };
  });
  if (outcome.isNew && input.referrer.email) {
    try {
      await deps.mailer.send({
        tenantId: tenant.id,
        to: input.referrer.email,
        ...referralReceivedMail({
          name: input.referrer.name ?? '',
          team: outcome.teamName ?? tenant.name,
          reference: outcome.reference,
          municipality: tenant.name,
        }),
      });
    } catch (err) {
      deps.log.warn({ errClass: err instanceof Error ? err.name : 'unknown' }, 'confirmation e-mail not sent');
    }
  }
  return { reference: outcome.reference };
}

/** A referral taken in by the intake desk: phone call, walk-in, e-mail or a partner's signal. */
export async function registerReferral(
  deps: Deps,
  ctx: AccessContext,
  input: Content & {
    teamId: string;
    channel: 'phone' | 'walk_in' | 'email' | 'partner_signal';
    referrerKind: 'professional' | 'self' | 'partner';
    consultationId?: string | undefined;
  },
): Promise<ReferralView> {
  if (!canWorkOnReferral(ctx.actor, { teamId: input.teamId })) throw new AppError('forbidden');
  const year = Number(
    new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(deps.clock.now()),
  );
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const existing = await findReferralByIdempotencyKey(tx, input.idempotencyKey);
    const id = existing
      ? existing.id
      : (
          await insertReferral(
            tx,
            { ...input, tenantId: ctx.actor.tenantId, createdBy: ctx.actor.userId },
            await nextReference(tx, ctx.actor.tenantId, year),
          )
        ).id;
    if (!existing) {
      await recordAccess(tx, ctx, {
        action: 'create',
        event: 'referral.registered',
        dataCategory: 'referral',
        permission: 'referral:write',
        teamId: input.teamId,
        detail: { referralId: id, channel: input.channel },
      });
      // Made from a consultation without a case ("even overleggen"): the two are linked.
      if (input.consultationId)
        await linkConsultationToReferral(tx, ctx, input.consultationId, { id, teamId: input.teamId });
    }
    const view = await loadReferralView(tx, id);
    if (!view) throw new Error('referral vanished after insert');
    return view;
  });
}
