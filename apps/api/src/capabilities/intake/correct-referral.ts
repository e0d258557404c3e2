import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { ReferralView } from '@nabij/contracts';
import { AppError } from '../../shared/app-error';
import type { AccessContext } from '../../shared/actor';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { recordAccessMany } from '../audit';
import { setHouseholdLanguage } from '../persons';
import { listReferralPersons } from './intake.store';
import { loadReferralView } from './referral.views';
import { getVisibleReferral, logReferralAccess } from './work-on-referral';

/** `undefined`: leave as it is; `null`: clear; a value: set. */
type Change<T> = T | null | undefined;

export interface CorrectReferralInput {
  version: number;
  reason: string;
  residents: Array<{
    id: string;
    dateOfBirth?: Change<string>;
    age?: Change<number>;
    street?: Change<string>;
    houseNumber?: Change<string>;
    houseNumberAddition?: Change<string>;
    postcode?: Change<string>;
    city?: Change<string>;
    phone?: Change<string>;
  }>;
  childrenAtRisk?: 'no' | 'unknown' | 'yes' | undefined;
  residentAwareness?: 'agrees' | 'knows_not_agreed' | 'not_informed' | 'unknown' | undefined;
  residentAwarenessNote?: Change<string>;
  preferredLanguage?: Change<string>;
  interpreterNeeded?: boolean | undefined;
}

/** A person's fields a correction may change: the contract's name and the column. */
const PERSON_FIELDS = [
  ['dateOfBirth', 'date_of_birth'],
  ['age', 'age'],
  ['street', 'street'],
  ['houseNumber', 'house_number'],
  ['houseNumberAddition', 'house_number_addition'],
  ['postcode', 'postcode'],
  ['city', 'city'],
  ['phone', 'phone'],
] as const;

interface FieldChange {
  personRowId: string | null;
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

const asText = (v: string | number | boolean | null | undefined): string | null =>
  v === null || v === undefined ? null : String(v);

/**
 * Completes or corrects a referral after it came in (issue #17 item 4): dates of birth or ages, addresses with
 * the house-number addition, phone numbers, "children at risk", the resident's awareness, and the household's
 * language and need of an interpreter. The intake desk does this at any stage. The version guards against a stale
 * write (409); only fields that differ are changed; each is written to the referral's history with the reason, and
 * the change to the access log.
 *
 * The language and interpreter are kept on the persons once the regiecheck linked them (ADR 0032): then the
 * correction sets them on the linked persons too — the language on the residents, the interpreter on all of them,
 * so "no interpreter" holds for the household.
 */
export async function correctReferral(
  deps: Deps,
  ctx: AccessContext,
  id: string,
  input: CorrectReferralInput,
): Promise<ReferralView> {
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    const view = await getVisibleReferral(tx, ctx, id, true);
    return applyReferralCorrection(tx, ctx, view, input, { event: 'referral.corrected', permission: 'referral:write' });
  });
}

/**
 * How a correction is logged: from the intake (`referral.corrected`, the desk's `referral:write`) or from the case the
 * referral opened or joined (`referral.corrected_from_case`, the case's worker by `case:read`, with the case's id).
 */
export interface CorrectionLog {
  event: 'referral.corrected' | 'referral.corrected_from_case';
  permission: 'referral:write' | 'case:read';
  caseId?: string;
}

/** Applies a correction to a referral the caller may correct (checked by the caller), in its transaction. */
export async function applyReferralCorrection(
  tx: Tx,
  ctx: AccessContext,
  view: ReferralView,
  input: CorrectReferralInput,
  log: CorrectionLog,
): Promise<ReferralView> {
  const id = view.id;
  if (view.version !== input.version) throw new AppError('version_conflict');
  const people = await listReferralPersons(tx, id);
  const row = await tx
    .selectFrom('referral')
    .select([
      'children_at_risk',
      'resident_awareness',
      'resident_awareness_note',
      'preferred_language',
      'interpreter_needed',
    ])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

  const changes: FieldChange[] = [];
  const personUpdates = new Map<string, Record<string, string | number | null>>();
  input.residents.forEach((r, index) => {
    const p = people.find((x) => x.id === r.id);
    if (!p)
      throw new AppError('validation_failed', {
        fieldErrors: { [`residents.${index}`]: ['Deze persoon hoort niet bij de aanmelding. Laad de pagina opnieuw.'] },
      });
    for (const [field, column] of PERSON_FIELDS) {
      const next = r[field];
      if (next === undefined) continue;
      const before = asText(p[column]);
      if (before === asText(next)) continue;
      changes.push({ personRowId: p.id, field, oldValue: before, newValue: asText(next) });
      personUpdates.set(p.id, { ...personUpdates.get(p.id), [column]: next });
    }
  });
  const referralUpdate: Record<string, string | boolean | null> = {};
  const own = (field: string, column: keyof typeof row, next: string | boolean | null | undefined) => {
    if (next === undefined || asText(row[column]) === asText(next)) return;
    changes.push({ personRowId: null, field, oldValue: asText(row[column]), newValue: asText(next) });
    referralUpdate[column] = next;
  };
  own('childrenAtRisk', 'children_at_risk', input.childrenAtRisk);
  own('residentAwareness', 'resident_awareness', input.residentAwareness);
  own('residentAwarenessNote', 'resident_awareness_note', input.residentAwarenessNote);
  own('preferredLanguage', 'preferred_language', input.preferredLanguage);
  own('interpreterNeeded', 'interpreter_needed', input.interpreterNeeded);

  // Once persons are linked, the language lives on them: compare with what they say, not with the referral.
  const linked = people.filter((p) => p.person_id !== null);
  const languageToPersons = linked.length > 0 ? await languageChangesForPersons(tx, linked, input) : false;
  if (changes.length === 0 && !languageToPersons) {
    throw new AppError('validation_failed', {
      fieldErrors: { reason: ['Er is niets gewijzigd. Pas eerst een gegeven aan.'] },
    });
  }
  if (changes.length === 0 && languageToPersons) {
    // Only the persons differ (changed on the person page since): record it as a change of the referral's answer.
    if (input.preferredLanguage !== undefined)
      changes.push({
        personRowId: null,
        field: 'preferredLanguage',
        oldValue: asText(row.preferred_language),
        newValue: asText(input.preferredLanguage),
      });
    if (input.interpreterNeeded !== undefined)
      changes.push({
        personRowId: null,
        field: 'interpreterNeeded',
        oldValue: asText(row.interpreter_needed),
        newValue: asText(input.interpreterNeeded),
      });
  }

  const bumped = await tx
    .updateTable('referral')
    .set((eb) => ({ ...(referralUpdate as object), updated_at: sql<Date>`now()`, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', input.version)
    .executeTakeFirst();
  if (Number(bumped.numUpdatedRows) !== 1) throw new AppError('version_conflict');
  for (const [personRowId, set] of personUpdates)
    await tx
      .updateTable('referral_person')
      .set(set as never)
      .where('id', '=', personRowId)
      .execute();

  const changeId = randomUUID();
  await tx
    .insertInto('referral_correction')
    .values(
      changes.map((c) => ({
        tenant_id: ctx.actor.tenantId,
        referral_id: id,
        referral_person_id: c.personRowId,
        change_id: changeId,
        field: c.field,
        old_value: c.oldValue,
        new_value: c.newValue,
        reason: input.reason,
        changed_by: ctx.actor.userId,
      })),
    )
    .execute();

  let personsChanged: string[] = [];
  if (languageToPersons) {
    personsChanged = await setHouseholdLanguage(
      tx,
      ctx.actor.userId,
      {
        residentIds: [...new Set(linked.filter((p) => p.role === 'resident').map((p) => p.person_id!))],
        everyoneIds: [...new Set(linked.map((p) => p.person_id!))],
      },
      { preferredLanguage: input.preferredLanguage, interpreterNeeded: input.interpreterNeeded },
    );
  }

  await logReferralAccess(tx, ctx, view, {
    action: 'update',
    event: log.event,
    permission: log.permission,
    ...(log.caseId ? { caseId: log.caseId } : {}),
    detail: { changeId, fields: [...new Set(changes.map((c) => c.field))].join(',') },
  });
  if (personsChanged.length) {
    await recordAccessMany(
      tx,
      ctx,
      {
        action: 'update',
        event: 'person.language_changed',
        dataCategory: 'identity',
        permission: log.permission,
        teamId: view.teamId,
        ...(log.caseId ? { caseId: log.caseId } : {}),
        detail: { referralId: id, changeId },
      },
      personsChanged,
    );
  }
  return (await loadReferralView(tx, id))!;
}

type LinkedRow = { person_id: string | null; role: string };

async function languageChangesForPersons(tx: Tx, linked: LinkedRow[], input: CorrectReferralInput): Promise<boolean> {
  if (input.preferredLanguage === undefined && input.interpreterNeeded === undefined) return false;
  const persons = await tx
    .selectFrom('person')
    .select(['id', 'preferred_language', 'interpreter_needed'])
    .where(
      'id',
      'in',
      linked.map((p) => p.person_id!),
    )
    .execute();
  const residents = new Set(linked.filter((p) => p.role === 'resident').map((p) => p.person_id));
  return persons.some(
    (p) =>
      (input.preferredLanguage !== undefined &&
        residents.has(p.id) &&
        asText(p.preferred_language) !== asText(input.preferredLanguage)) ||
      (input.interpreterNeeded !== undefined &&
        (residents.has(p.id)
          ? p.interpreter_needed !== input.interpreterNeeded
          : !input.interpreterNeeded && p.interpreter_needed)),
  );
}
