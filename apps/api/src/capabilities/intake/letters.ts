import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { renderLetterPdf } from '../../platform/documents/letter';
import { AppError } from '../../shared/app-error';
import { hasPermission, type AccessContext } from '../../shared/actor';
import { recordAccess } from '../audit';
import { caseFileOfReferral, checkSharing, findCase } from '../case-files';
import { municipalToday } from '../../shared/clock';
import { CORE_DECISION_LABELS } from './intake-meeting';
import { getVisibleReferral, logReferralAccess } from './work-on-referral';
import { formatFullName } from '@nabij/contracts';

export type LetterKind =
  'decision_take_up' | 'decision_advice' | 'decision_refer_elsewhere' | 'decision_not_for_us' | 'closure';
export const LETTER_KIND_LIST: LetterKind[] = [
  'decision_take_up',
  'decision_advice',
  'decision_refer_elsewhere',
  'decision_not_for_us',
  'closure',
];
/** Letters about a case file on closure (lifecycle capability); their templates are kept and edited here too. */
export type CaseLetterTemplateKind = 'case_closure_referrer' | 'case_closure_household';
export type TemplateKind = LetterKind | CaseLetterTemplateKind;
export const TEMPLATE_KIND_LIST: TemplateKind[] = [
  ...LETTER_KIND_LIST,
  'case_closure_referrer',
  'case_closure_household',
];

/** Built-in texts, used until the functional administrator edits a template for the municipality. */
export const DEFAULT_TEMPLATES: Record<TemplateKind, { subject: string; body: string }> = {
  decision_take_up: {
    subject: 'Terugkoppeling aanmelding {referentie}: het wijkteam pakt de hulp op',
    body:
      'Beste {verwijzer},\n\nDank voor uw aanmelding van {inwoner} bij {team}. Wij hebben de aanmelding in ons team besproken.\n\n' +
      'Ons besluit: {besluit}.\n\n{onderbouwing}\n\nDe vaste contactpersoon wordt {werker}. Deze contactpersoon neemt contact op met {inwoner} en, als dat nodig is, met u.\n\n{tolk}\n\n' +
      'Met vriendelijke groet,\n\n{team}\n{gemeente}',
  },
  decision_advice: {
    subject: 'Terugkoppeling aanmelding {referentie}: advies',
    body:
      'Beste {verwijzer},\n\nDank voor uw aanmelding van {inwoner} bij {team}. Wij hebben de aanmelding in ons team besproken.\n\n' +
      'Ons besluit: {besluit}.\n\n{onderbouwing}\n\n{tolk}\n\nHeeft u vragen over dit advies, of verandert de situatie? Neem dan contact met ons op en noem het kenmerk {referentie}.\n\n' +
      'Met vriendelijke groet,\n\n{team}\n{gemeente}',
  },
  decision_refer_elsewhere: {
    subject: 'Terugkoppeling aanmelding {referentie}: verwijzing',
    body:
      'Beste {verwijzer},\n\nDank voor uw aanmelding van {inwoner} bij {team}. Wij hebben de aanmelding in ons team besproken.\n\n' +
      'Ons besluit: {besluit}.\n\n{onderbouwing}\n\n{tolk}\n\nMet vriendelijke groet,\n\n{team}\n{gemeente}',
  },
  decision_not_for_us: {
    subject: 'Terugkoppeling aanmelding {referentie}',
    body:
      'Beste {verwijzer},\n\nDank voor uw aanmelding van {inwoner} bij {team}. Wij hebben de aanmelding in ons team besproken.\n\n' +
      'Ons besluit: {besluit}.\n\n{onderbouwing}\n\n{tolk}\n\nMet vriendelijke groet,\n\n{team}\n{gemeente}',
  },
  closure: {
    subject: 'Afsluiting aanmelding {referentie}',
    body: 'Beste {verwijzer},\n\nHierbij laten wij u weten dat wij de aanmelding van {inwoner} hebben afgesloten.\n\n{onderbouwing}\n\nMet vriendelijke groet,\n\n{team}\n{gemeente}',
  },
  case_closure_referrer: {
    subject: 'Afronding begeleiding na uw aanmelding {referentie}',
    body:
      'Beste {verwijzer},\n\nU heeft {inwoner} bij {team} aangemeld. Met deze brief laten wij u weten dat wij de begeleiding hebben afgerond.\n\n' +
      'Reden van afronden: {reden}.\n\nAfspraken voor daarna: {nazorg}\n\n{waakvlam}\n\n' +
      'Maakt u zich later opnieuw zorgen? Neem dan contact met ons op en noem het kenmerk {referentie}.\n\nMet vriendelijke groet,\n\n{werker}\n{team}\n{gemeente}',
  },
  case_closure_household: {
    subject: 'Afronding van de begeleiding door {team}',
    body:
      'Beste {inwoner},\n\nMet deze brief laten wij u weten dat wij de begeleiding door {team} afronden.\n\n' +
      'Reden van afronden: {reden}.\n\n{resultaten}\n\nAfspraken voor daarna: {nazorg}\n\n{waakvlam}\n\n' +
      'Komt u later toch weer iets tegen? Bel of mail ons gerust. U kunt altijd opnieuw bij ons terecht.\n\nMet vriendelijke groet,\n\n{werker}\n{team}\n{gemeente}',
  },
};

/** `{tolk}`: a line on the household's language and interpreter, empty when neither is known (issue #17 item 10). */
export const PLACEHOLDERS = [
  'verwijzer',
  'inwoner',
  'referentie',
  'besluit',
  'onderbouwing',
  'werker',
  'team',
  'gemeente',
  'tolk',
] as const;

/** The letter's line on language and interpreter: "Let op: bij gesprekken met … is een tolk nodig (Arabisch)." */
export function interpreterLine(
  language: { interpreterNeeded: boolean; languages: readonly string[] } | undefined,
  resident: string,
): string {
  if (!language) return '';
  const spoken = language.languages.join(', ');
  if (language.interpreterNeeded)
    return `Let op: bij gesprekken met ${resident} is een tolk nodig${spoken ? ` (${spoken})` : ''}.`;
  return spoken ? `${resident} spreekt het liefst ${spoken}.` : '';
}

/** The reasons for closing a referral without a case, as a letter says them. */
export const CLOSE_REASON_LABELS: Record<string, string> = {
  taken_up_elsewhere: 'de hulp wordt al door een andere organisatie geboden',
  no_consent: 'de inwoner geeft geen toestemming voor hulp van het wijkteam',
  duplicate: 'het gaat om een dubbele aanmelding; de eerdere aanmelding loopt door',
  not_for_us: 'de vraag past niet bij het wijkteam',
  withdrawn: 'de aanmelding is ingetrokken',
  other: 'zie de toelichting',
};

/** A filled-in letter without the empty paragraphs an empty placeholder leaves. */
export function tidyLetter(text: string): string {
  return text.replace(/\n{3,}/g, '\n\n').trim();
}
/** Extra placeholders of the letters on closure of a case. */
export const CLOSURE_PLACEHOLDERS = ['reden', 'resultaten', 'nazorg', 'waakvlam'] as const;

/** Fills `{name}` placeholders; unknown ones stay visible so a typo is noticed in the preview. */
export function fillTemplate(
  text: string,
  values: Partial<Record<(typeof PLACEHOLDERS)[number] | (typeof CLOSURE_PLACEHOLDERS)[number], string>>,
): string {
  return text.replace(
    /\{(\w+)\}/g,
    (whole, key: string) => (values as Record<string, string | undefined>)[key] ?? whole,
  );
}

export async function templateFor(tx: Tx, tenantId: string, kind: TemplateKind) {
  const row = await tx
    .selectFrom('letter_template')
    .select(['subject', 'body', 'version'])
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', kind)
    .executeTakeFirst();
  return row ?? { ...DEFAULT_TEMPLATES[kind], version: 0 };
}

export async function listTemplates(deps: Deps, ctx: AccessContext) {
  if (!hasPermission(ctx.actor, 'user:admin')) throw new AppError('forbidden');
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => ({
    templates: await Promise.all(
      TEMPLATE_KIND_LIST.map(async (kind) => ({ kind, ...(await templateFor(tx, ctx.actor.tenantId, kind)) })),
    ),
  }));
}

export async function updateTemplate(
  deps: Deps,
  ctx: AccessContext,
  kind: TemplateKind,
  input: { subject: string; body: string; version: number },
) {
  if (!hasPermission(ctx.actor, 'user:admin')) throw new AppError('forbidden');
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const current = await templateFor(tx, ctx.actor.tenantId, kind);
    if (current.version !== input.version) throw new AppError('version_conflict');
    if (current.version === 0) {
      await tx
        .insertInto('letter_template')
        .values({ tenant_id: ctx.actor.tenantId, kind, subject: input.subject, body: input.body })
        .execute();
    } else {
      // The version in the WHERE clause makes the check and the change one step: of two saves based on the
      // same version, the second finds no row (it waited for the first's lock) and gets a conflict.
      const r = await tx
        .updateTable('letter_template')
        .set((eb) => ({ subject: input.subject, body: input.body, version: eb('version', '+', 1) }))
        .where('tenant_id', '=', ctx.actor.tenantId)
        .where('kind', '=', kind)
        .where('version', '=', input.version)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw new AppError('version_conflict');
    }
    await recordAccess(tx, ctx, {
      action: 'update',
      event: 'letter_template.changed',
      dataCategory: 'configuration',
      legalBasis: 'security',
      permission: 'user:admin',
      detail: { kind },
    });
    return { kind, ...(await templateFor(tx, ctx.actor.tenantId, kind)) };
  });
}

/** The team's address block, phone number and e-mail address for the letterhead (team settings). */
export async function teamLetterhead(tx: Tx, teamId: string) {
  const t = await tx
    .selectFrom('team')
    .select(['postal_address', 'contact_phone', 'contact_email'])
    .where('id', '=', teamId)
    .executeTakeFirst();
  return { address: t?.postal_address ?? null, phone: t?.contact_phone ?? null, email: t?.contact_email ?? null };
}

async function letterValues(tx: Tx, ctx: AccessContext, referralId: string) {
  const view = await getVisibleReferral(tx, ctx, referralId, true);
  const decision = await tx
    .selectFrom('core_decision')
    .select(['outcome', 'reasoning', 'interventions', 'goal'])
    .where('referral_id', '=', referralId)
    .executeTakeFirst();
  const tenant = await tx
    .selectFrom('tenant')
    .select('name')
    .where('id', '=', ctx.actor.tenantId)
    .executeTakeFirstOrThrow();
  const team = await teamLetterhead(tx, view.teamId);
  const residents = view.residents.filter((r) => r.role === 'resident').map((r) => formatFullName(r));
  return {
    view,
    decision,
    tenantName: tenant.name,
    team,
    values: {
      verwijzer: view.referrer.name ?? 'heer/mevrouw',
      inwoner: residents.join(' en ') || 'de inwoner',
      referentie: view.reference,
      besluit: decision ? (CORE_DECISION_LABELS[decision.outcome] ?? decision.outcome).toLowerCase() : '',
      onderbouwing: [
        decision?.reasoning,
        decision?.interventions ? `Wat wij gaan doen: ${decision.interventions}` : null,
        view.closure && view.closure.reason !== 'decision'
          ? `Reden: ${CLOSE_REASON_LABELS[view.closure.reason] ?? view.closure.reason}.`
          : null,
        view.closure && view.closure.reason !== 'decision' ? view.closure.note : null,
      ]
        .filter(Boolean)
        .join('\n\n'),
      werker: view.caseWorkerName ?? 'een van onze medewerkers',
      team: view.teamName,
      gemeente: tenant.name,
      tolk: interpreterLine(view.language, residents.join(' en ') || 'de inwoner'),
    },
  };
}

export function defaultKindFor(outcome: string | undefined): LetterKind {
  return outcome === 'take_up'
    ? 'decision_take_up'
    : outcome === 'refer_elsewhere'
      ? 'decision_refer_elsewhere'
      : outcome === 'not_for_us'
        ? 'decision_not_for_us'
        : 'decision_advice';
}

/** The letter to the referrer as the template fills it in; the user may edit it before sending. */
export async function draftLetter(deps: Deps, ctx: AccessContext, referralId: string, kind: LetterKind | undefined) {
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const { view, decision, values } = await letterValues(tx, ctx, referralId);
    if (!decision && kind !== 'closure') throw new AppError('not_decided');
    const chosen = kind ?? defaultKindFor(decision?.outcome);
    const template = await templateFor(tx, ctx.actor.tenantId, chosen);
    return {
      kind: chosen,
      to: view.referrer.email,
      subject: fillTemplate(template.subject, values),
      body: tidyLetter(fillTemplate(template.body, values)),
    };
  });
}

/**
 * Sends the letter: the PDF is kept with the referral (same transaction as the access-log row), then
 * e-mailed with the PDF attached. The same idempotency key (a retried or double-clicked send) sends once.
 */
export async function sendLetter(
  deps: Deps,
  ctx: AccessContext,
  referralId: string,
  input: {
    kind: LetterKind;
    subject: string;
    body: string;
    idempotencyKey: string;
    legalBasis?: string | undefined;
    sharingReason?: string | undefined;
  },
) {
  const prepared = await deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const existing = await tx
      .selectFrom('letter')
      .select(['id', 'status'])
      .where('idempotency_key', '=', input.idempotencyKey)
      .executeTakeFirst();
    if (existing)
      return { letterId: existing.id, alreadyHandled: existing.status !== 'pending' && existing.status !== 'failed' };
    const { view, decision, tenantName, team } = await letterValues(tx, ctx, referralId);
    if (!decision && input.kind !== 'closure') throw new AppError('not_decided');
    // Once the referral has a case file, the letter tells a third party about a case: consent or a legal basis first.
    const caseFile = view.referrerKind === 'self' ? undefined : await caseFileOfReferral(tx, referralId);
    const caseRow = caseFile ? await findCase(tx, caseFile.id) : undefined;
    const sharing = caseRow
      ? await checkSharing(
          tx,
          ctx,
          caseRow,
          { organisation: view.referrer.organisation, name: view.referrer.name, email: view.referrer.email },
          municipalToday(deps.clock),
          { legalBasis: input.legalBasis, reason: input.sharingReason },
          { event: 'case_file.information_shared', detail: { referralId, letterKind: input.kind } },
        )
      : undefined;
    const pdf = await renderLetterPdf({
      sender: { municipality: tenantName, team: view.teamName, ...team },
      recipient: { name: view.referrer.name, organisation: view.referrer.organisation },
      date: deps.clock.now(),
      reference: view.reference,
      subject: input.subject,
      body: input.body,
    });
    const letter = await tx
      .insertInto('letter')
      .values({
        tenant_id: ctx.actor.tenantId,
        referral_id: referralId,
        kind: input.kind,
        recipient: view.referrer.email,
        subject: input.subject,
        body: input.body,
        pdf,
        status: view.referrer.email ? 'pending' : 'no_address',
        sent_at: null,
        idempotency_key: input.idempotencyKey,
        created_by: ctx.actor.userId,
        sharing_basis: sharing?.basis ?? null,
        consent_id: sharing?.basis === 'consent' ? sharing.consent.id : null,
        legal_basis: sharing?.basis === 'legal_basis' ? sharing.legalBasis : null,
        sharing_reason: sharing?.basis === 'legal_basis' ? sharing.reason : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await logReferralAccess(tx, ctx, view, {
      action: 'export',
      event: 'letter.sent',
      permission: 'referral:write',
      detail: { letterId: letter.id, kind: input.kind },
    });
    return {
      letterId: letter.id,
      alreadyHandled: !view.referrer.email,
      to: view.referrer.email,
      pdf,
      reference: view.reference,
    };
  });

  if (!prepared.alreadyHandled && 'pdf' in prepared && prepared.to) {
    let status: 'sent' | 'failed' = 'sent';
    try {
      await deps.mailer.send({
        tenantId: ctx.actor.tenantId,
        to: prepared.to,
        subject: input.subject,
        text: input.body,
        attachments: [
          {
            filename: `${prepared.reference}-terugkoppeling.pdf`,
            content: prepared.pdf,
            contentType: 'application/pdf',
          },
        ],
      });
    } catch (err) {
      status = 'failed';
      deps.log.warn(
        { errClass: err instanceof Error ? err.name : 'unknown', letterId: prepared.letterId },
        'letter e-mail failed',
      );
    }
    await deps.db.inTenant(ctx.actor.tenantId, (tx) =>
      tx
        .updateTable('letter')
        .set({ status, sent_at: status === 'sent' ? deps.clock.now() : null })
        .where('id', '=', prepared.letterId)
        .execute(),
    );
  }
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const l = await tx
      .selectFrom('letter')
      .select(['id', 'kind', 'subject', 'recipient', 'sent_at', 'status'])
      .where('id', '=', prepared.letterId)
      .executeTakeFirstOrThrow();
    return {
      id: l.id,
      kind: l.kind as LetterKind,
      subject: l.subject,
      to: l.recipient,
      sentAt: l.sent_at?.toISOString() ?? null,
      status: l.status as 'sent',
    };
  });
}

export async function downloadLetter(deps: Deps, ctx: AccessContext, letterId: string) {
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const l = await tx
      .selectFrom('letter')
      .select(['referral_id', 'pdf', 'kind'])
      .where('id', '=', letterId)
      .executeTakeFirst();
    if (!l) throw new AppError('not_found');
    const view = await getVisibleReferral(tx, ctx, l.referral_id);
    await logReferralAccess(tx, ctx, view, {
      action: 'export',
      event: 'letter.downloaded',
      permission: 'referral:read',
      detail: { letterId },
    });
    return { filename: `${view.reference}-${l.kind}.pdf`, pdf: l.pdf };
  });
}

/** The development outbox (no SMTP server configured): what would have been e-mailed. */
/**
 * The development outbox (no SMTP server, outside production): the mail the municipality sent, residents' login
 * codes included. Only the functional administrator reads it (route policy `user:admin`), and every read is logged.
 */
export async function listOutbox(deps: Deps, ctx: AccessContext) {
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const rows = await tx
      .selectFrom('outbox_message')
      .select(['id', 'recipient', 'subject', 'text_body', 'attachment_names', 'sent_at'])
      .orderBy('sent_at', 'desc')
      .limit(100)
      .execute();
    await recordAccess(tx, ctx, {
      action: 'read',
      event: 'dev_outbox.viewed',
      dataCategory: 'contact',
      legalBasis: 'security',
      permission: 'user:admin',
      detail: { count: rows.length },
    });
    return {
      messages: rows.map((m) => ({
        id: m.id,
        to: m.recipient,
        subject: m.subject,
        text: m.text_body,
        sentAt: m.sent_at.toISOString(),
        attachmentNames: m.attachment_names,
      })),
    };
  });
}
