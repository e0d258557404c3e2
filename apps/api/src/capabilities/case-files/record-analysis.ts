import { ZRM_INSTRUMENTS, ageStatus, type CaseOverview, type ZrmInstrument } from '@nabij/contracts';
import { sql } from 'kysely';
import { AppError } from '../../shared/app-error';
import { hasPermission, type AccessContext } from '../../shared/actor';
import { municipalToday } from '../../shared/clock';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { recordAccess } from '../audit';
import { checkZrmScores, questionDomainsFor } from './analysis.domain';
import { logCaseAccess, withCase, type CaseRow } from './case-access';
import { buildOverview, questionDomainsOf } from './view-case';

type Event = { event: string; dataCategory: string; action?: 'create' | 'update' | 'delete' };

/** The shape of every analysis write: authorise on the case, change, log, answer with the new overview. */
async function changeCase(
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  e: Event,
  change: (tx: Tx, c: CaseRow) => Promise<void>,
): Promise<CaseOverview> {
  const today = municipalToday(deps.clock);
  return withCase(deps, ctx, caseId, 'work', e.dataCategory, async (tx, c) => {
    await change(tx, c);
    await logCaseAccess(tx, ctx, c, {
      action: e.action ?? 'create',
      event: e.event,
      dataCategory: e.dataCategory,
      permission: 'case:read',
    });
    return buildOverview(tx, ctx, c, today);
  });
}

function requireMember(c: CaseRow, personId: string): void {
  if (!c.personIds.includes(personId))
    throw new AppError('validation_failed', {
      fieldErrors: { personId: ['Kies iemand uit het huishouden van dit dossier.'] },
    });
}

export const addNetworkPerson = (
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: {
    name: string;
    relationType: string;
    relationNote?: string | undefined;
    quality: string;
    contactFrequency: string;
    keyFigure: boolean;
    phone?: string | undefined;
  },
) =>
  changeCase(deps, ctx, caseId, { event: 'network.person_added', dataCategory: 'network' }, async (tx, c) => {
    await tx
      .insertInto('network_person')
      .values({
        tenant_id: ctx.actor.tenantId,
        case_id: c.id,
        name: input.name,
        relation_type: input.relationType,
        relation_note: input.relationNote ?? null,
        quality: input.quality,
        contact_frequency: input.contactFrequency,
        key_figure: input.keyFigure,
        phone: input.phone ?? null,
        created_by: ctx.actor.userId,
      })
      .execute();
  });

export const removeNetworkPerson = (deps: Deps, ctx: AccessContext, caseId: string, id: string) =>
  changeCase(
    deps,
    ctx,
    caseId,
    { event: 'network.person_removed', dataCategory: 'network', action: 'delete' },
    async (tx, c) => {
      const r = await tx
        .deleteFrom('network_person')
        .where('id', '=', id)
        .where('case_id', '=', c.id)
        .executeTakeFirst();
      if (Number(r.numDeletedRows) !== 1) throw new AppError('not_found');
    },
  );

export const addProfessional = (
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: {
    organisation: string;
    name?: string | undefined;
    role?: string | undefined;
    phone?: string | undefined;
    email?: string | undefined;
  },
) =>
  changeCase(deps, ctx, caseId, { event: 'network.professional_added', dataCategory: 'network' }, async (tx, c) => {
    await tx
      .insertInto('involved_professional')
      .values({
        tenant_id: ctx.actor.tenantId,
        case_id: c.id,
        organisation: input.organisation,
        name: input.name ?? null,
        role: input.role ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
        created_by: ctx.actor.userId,
      })
      .execute();
  });

export const removeProfessional = (deps: Deps, ctx: AccessContext, caseId: string, id: string) =>
  changeCase(
    deps,
    ctx,
    caseId,
    { event: 'network.professional_removed', dataCategory: 'network', action: 'delete' },
    async (tx, c) => {
      const r = await tx
        .deleteFrom('involved_professional')
        .where('id', '=', id)
        .where('case_id', '=', c.id)
        .executeTakeFirst();
      if (Number(r.numDeletedRows) !== 1) throw new AppError('not_found');
    },
  );

/**
 * Records a ZRM measurement for one person. Only the domains the help question needs are scored by
 * default; a domain outside it needs a short reason.
 */
export const recordZrmAssessment = (
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: {
    personId: string;
    instrument: ZrmInstrument;
    kind: string;
    assessedOn: string;
    scores: Array<{ domain: string; score: number; note?: string | undefined; outOfScopeReason?: string | undefined }>;
  },
) =>
  changeCase(deps, ctx, caseId, { event: 'zrm.recorded', dataCategory: 'assessment' }, async (tx, c) => {
    requireMember(c, input.personId);
    const question = questionDomainsFor(input.instrument, await questionDomainsOf(tx, c.id));
    const errors = checkZrmScores(input.instrument, input.scores, question);
    if (Object.keys(errors).length) throw new AppError('validation_failed', { fieldErrors: errors });
    const { id } = await tx
      .insertInto('zrm_assessment')
      .values({
        tenant_id: ctx.actor.tenantId,
        case_id: c.id,
        person_id: input.personId,
        instrument: input.instrument,
        kind: input.kind,
        assessed_on: input.assessedOn,
        recorded_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('zrm_score')
      .values(
        input.scores.map((s) => ({
          assessment_id: id,
          tenant_id: ctx.actor.tenantId,
          domain: s.domain,
          score: s.score,
          note: s.note ?? null,
          out_of_scope_reason: question.has(s.domain) ? null : (s.outOfScopeReason ?? null),
        })),
      )
      .execute();
  });

export const recordParticipation = (
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: { personId: string; rung: number; measuredOn: string; note?: string | undefined },
) =>
  changeCase(deps, ctx, caseId, { event: 'participation.recorded', dataCategory: 'assessment' }, async (tx, c) => {
    requireMember(c, input.personId);
    const p = await tx
      .selectFrom('person as p')
      .leftJoin('household_member as m', (j) =>
        j
          .onRef('m.person_id', '=', 'p.id')
          .on('m.household_id', '=', c.householdId ?? '00000000-0000-0000-0000-000000000000'),
      )
      .select(['p.date_of_birth', 'p.age_given', 'p.age_given_on', 'm.relation'])
      .where('p.id', '=', input.personId)
      .executeTakeFirstOrThrow();
    if (
      ageStatus(
        { dateOfBirth: p.date_of_birth, ageGiven: p.age_given, ageGivenOn: p.age_given_on, relation: p.relation },
        input.measuredOn,
      ).isMinor
    ) {
      throw new AppError('validation_failed', {
        fieldErrors: { personId: ['De participatieladder is voor volwassenen.'] },
      });
    }
    await tx
      .insertInto('participation_measure')
      .values({
        tenant_id: ctx.actor.tenantId,
        case_id: c.id,
        person_id: input.personId,
        rung: input.rung,
        measured_on: input.measuredOn,
        note: input.note ?? null,
        recorded_by: ctx.actor.userId,
      })
      .execute();
  });

export const recordChildSafety = (
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: { assessedOn: string; signs: string; protectiveFactors: string; riskLevel: string; actions: string },
) =>
  changeCase(deps, ctx, caseId, { event: 'child_safety.assessed', dataCategory: 'child_safety' }, async (tx, c) => {
    await tx
      .insertInto('child_safety_assessment')
      .values({
        tenant_id: ctx.actor.tenantId,
        case_id: c.id,
        assessed_on: input.assessedOn,
        signs: input.signs,
        protective_factors: input.protectiveFactors,
        risk_level: input.riskLevel,
        actions: input.actions,
        recorded_by: ctx.actor.userId,
      })
      .execute();
  });

export const recordOutreachAttempt = (
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: { attemptedOn: string; way: string; contactMade: boolean; note?: string | undefined },
) =>
  changeCase(deps, ctx, caseId, { event: 'outreach.attempted', dataCategory: 'contact' }, async (tx, c) => {
    // Outreach follows the referral: an attempt dated before the referral came in is a typing error (issue #17).
    const referral = await tx
      .selectFrom('case_file as cf')
      .innerJoin('referral as r', 'r.id', 'cf.referral_id')
      .select(sql<string>`to_char(r.received_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD')`.as('received_on'))
      .where('cf.id', '=', c.id)
      .executeTakeFirst();
    if (referral && input.attemptedOn < referral.received_on) {
      throw new AppError('validation_failed', {
        fieldErrors: {
          attemptedOn: [
            `Deze datum ligt voor de aanmelding (${referral.received_on}). Een poging tot contact volgt op de aanmelding.`,
          ],
        },
      });
    }
    await tx
      .insertInto('outreach_attempt')
      .values({
        tenant_id: ctx.actor.tenantId,
        case_id: c.id,
        attempted_on: input.attemptedOn,
        way: input.way,
        contact_made: input.contactMade,
        note: input.note ?? null,
        recorded_by: ctx.actor.userId,
      })
      .execute();
  });

export const recordInformationConsent = (
  deps: Deps,
  ctx: AccessContext,
  caseId: string,
  input: {
    personId: string;
    recipient: string;
    scope: string;
    form: string;
    givenOn: string;
    expiresOn?: string | undefined;
  },
) =>
  changeCase(deps, ctx, caseId, { event: 'consent.recorded', dataCategory: 'consent' }, async (tx, c) => {
    requireMember(c, input.personId);
    if (input.expiresOn && input.expiresOn < input.givenOn)
      throw new AppError('validation_failed', {
        fieldErrors: { expiresOn: ['De einddatum ligt voor de datum van de toestemming.'] },
      });
    await tx
      .insertInto('information_consent')
      .values({
        tenant_id: ctx.actor.tenantId,
        case_id: c.id,
        person_id: input.personId,
        recipient: input.recipient,
        scope: input.scope,
        form: input.form,
        given_on: input.givenOn,
        expires_on: input.expiresOn ?? null,
        withdrawn_on: null,
        recorded_by: ctx.actor.userId,
      })
      .execute();
  });

export const withdrawInformationConsent = (deps: Deps, ctx: AccessContext, caseId: string, consentId: string) =>
  changeCase(
    deps,
    ctx,
    caseId,
    { event: 'consent.withdrawn', dataCategory: 'consent', action: 'update' },
    async (tx, c) => {
      const r = await tx
        .updateTable('information_consent')
        .set({ withdrawn_on: municipalToday(deps.clock) })
        .where('id', '=', consentId)
        .where('case_id', '=', c.id)
        .where('withdrawn_on', 'is', null)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw new AppError('not_found');
    },
  );

/** The criteria texts of a ZRM version, where the municipality imported them under its licence. */
export async function zrmCriteria(deps: Deps, ctx: AccessContext, instrument: ZrmInstrument) {
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => ({
    instrument,
    domains: [...ZRM_INSTRUMENTS[instrument]],
    criteria: (
      await tx
        .selectFrom('zrm_criterion')
        .select(['domain', 'level', 'text'])
        .where('instrument', '=', instrument)
        .orderBy('domain')
        .orderBy('level')
        .execute()
    ).map((r) => ({
      domain: r.domain,
      level: r.level,
      text: r.text,
    })),
  }));
}

/** Imports (replaces) the criteria texts of a ZRM version for the municipality. */
export async function importZrmCriteria(
  deps: Deps,
  ctx: AccessContext,
  input: { instrument: ZrmInstrument; criteria: Array<{ domain: string; level: number; text: string }> },
) {
  if (!hasPermission(ctx.actor, 'zrm:configure')) throw new AppError('forbidden');
  const allowed = new Set<string>(ZRM_INSTRUMENTS[input.instrument]);
  const bad = input.criteria.findIndex((c) => !allowed.has(c.domain));
  if (bad >= 0)
    throw new AppError('validation_failed', {
      fieldErrors: { [`criteria.${bad}.domain`]: ['Dit leefgebied hoort niet bij deze versie van de ZRM.'] },
    });
  return deps.db.inTenant(ctx.actor.tenantId, async (tx) => {
    await tx.deleteFrom('zrm_criterion').where('instrument', '=', input.instrument).execute();
    await tx
      .insertInto('zrm_criterion')
      .values(
        input.criteria.map((c) => ({
          tenant_id: ctx.actor.tenantId,
          instrument: input.instrument,
          domain: c.domain,
          level: c.level,
          text: c.text,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['tenant_id', 'instrument', 'domain', 'level'])
          .doUpdateSet((eb) => ({ text: eb.ref('excluded.text') })),
      )
      .execute();
    await recordAccess(tx, ctx, {
      action: 'update',
      event: 'zrm.criteria_imported',
      dataCategory: 'configuration',
      legalBasis: 'security',
      permission: 'zrm:configure',
      detail: { instrument: input.instrument, count: input.criteria.length },
    });
    return { imported: input.criteria.length };
  });
}
