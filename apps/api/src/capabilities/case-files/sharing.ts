import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import type { Tx } from '../../platform/database/database';
import { isConsentActive } from './analysis.domain';
import { logCaseAccess, type CaseRow } from './case-access';
import { fullNameOfRow } from '../../shared/person-name';

/** Who receives information about a case: an organisation and/or a person, as far as known. */
export interface SharingRecipient {
  organisation?: string | null | undefined;
  name?: string | null | undefined;
  email?: string | null | undefined;
}

export interface ActiveConsent {
  id: string;
  personName: string;
  recipient: string;
  scope: string;
  givenOn: string;
  expiresOn: string | null;
}

/** What the worker gave when no consent covers the recipient. */
export interface SharingJustification {
  legalBasis?: string | undefined;
  reason?: string | undefined;
}

export type SharingDecision =
  { basis: 'consent'; consent: ActiveConsent } | { basis: 'legal_basis'; legalBasis: string; reason: string };

const normalise = (s: string) => s.toLowerCase().normalize('NFKC').replace(/\s+/g, ' ').trim();

/** True when a consent's recipient names this recipient: its organisation, its name or its e-mail address (case and spacing ignored). */
export function consentCovers(consentRecipient: string, r: SharingRecipient): boolean {
  const wanted = normalise(consentRecipient);
  return [r.organisation, r.name, r.email].some(
    (x) => typeof x === 'string' && x.trim() !== '' && normalise(x) === wanted,
  );
}

/**
 * The active consent (given, not expired, not withdrawn) of anyone in the case's household to share with the
 * recipient, if there is one. The scope is shown to the worker, who checks it covers what is sent.
 */
export async function findActiveConsent(
  tx: Tx,
  c: CaseRow,
  recipient: SharingRecipient,
  today: string,
): Promise<ActiveConsent | undefined> {
  const rows = await tx
    .selectFrom('information_consent as ic')
    .innerJoin('person as p', 'p.id', 'ic.person_id')
    .select([
      'ic.id',
      'ic.recipient',
      'ic.scope',
      'ic.given_on',
      'ic.expires_on',
      'ic.withdrawn_on',
      'p.first_name',
      'p.infix',
      'p.last_name',
    ])
    .where('ic.case_id', '=', c.id)
    .orderBy('ic.given_on', 'desc')
    .execute();
  const hit = rows.find(
    (x) =>
      isConsentActive({ givenOn: x.given_on, expiresOn: x.expires_on, withdrawnOn: x.withdrawn_on }, today) &&
      consentCovers(x.recipient, recipient),
  );
  return hit
    ? {
        id: hit.id,
        personName: fullNameOfRow(hit),
        recipient: hit.recipient,
        scope: hit.scope,
        givenOn: hit.given_on,
        expiresOn: hit.expires_on,
      }
    : undefined;
}

/**
 * The one check before information about a case goes to anyone outside the household (the referrer, an involved
 * organisation): an active consent for that recipient, or else the legal basis and the reason the worker records.
 * Without either: 409 `sharing_basis_required` with field errors, and nothing is sent. The decision is written to
 * the access log (data category `consent`) in the caller's transaction; the caller stores it with what it sends.
 */
export async function checkSharing(
  tx: Tx,
  ctx: AccessContext,
  c: CaseRow,
  recipient: SharingRecipient,
  today: string,
  given: SharingJustification,
  what: { event: string; detail?: Record<string, string | number | boolean | null> },
): Promise<SharingDecision> {
  const consent = await findActiveConsent(tx, c, recipient, today);
  let decision: SharingDecision;
  if (consent) decision = { basis: 'consent', consent };
  else if (given.legalBasis && given.reason)
    decision = { basis: 'legal_basis', legalBasis: given.legalBasis, reason: given.reason };
  else {
    const fieldErrors: Record<string, string[]> = {};
    if (!given.legalBasis)
      fieldErrors.legalBasis = [
        'Vul de wettelijke grondslag in waarop u deze informatie deelt (er is geen geldige toestemming).',
      ];
    if (!given.reason) fieldErrors.sharingReason = ['Vul in waarom het nodig is deze informatie te delen.'];
    throw new AppError('sharing_basis_required', { fieldErrors });
  }
  await logCaseAccess(tx, ctx, c, {
    action: 'export',
    event: what.event,
    dataCategory: 'consent',
    permission: 'case:read',
    legalBasis: decision.basis === 'consent' ? 'consent' : 'public_task_social_domain',
    detail: {
      ...what.detail,
      basis: decision.basis,
      consentId: decision.basis === 'consent' ? decision.consent.id : null,
    },
  });
  return decision;
}
