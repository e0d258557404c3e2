import type { CaseOverview, ZrmInstrument } from '@nabij/contracts';
import { ageStatus, hasMinorAmong } from '@nabij/contracts';
import { unregisteredReferralChildren } from './plan-facts';
import type { AccessContext } from '../../shared/actor';
import { municipalToday } from '../../shared/clock';
import type { Tx } from '../../platform/database/database';
import type { Deps } from '../../platform/deps';
import { isConsentActive, isOutreachOverdue, suggestsMeldcode } from './analysis.domain';
import { canSeeMeldcode } from './case-files.policy';
import { logCaseAccess, withCase, type CaseRow } from './case-access';
import { timelineFromSources } from './timeline-sources';
import { openTasksOfCase } from './open-tasks-source';
import { languageOfPersons } from '../persons';
import { loadAnalysisConclusion, loadNetworkMeetings } from './conclusion-and-meetings.views';
import { fullNameOfRow } from '../../shared/person-name';

const personName = (p: { first_name: string; infix: string | null; last_name: string }) => fullNameOfRow(p);

export async function loadZrm(tx: Tx, caseId: string) {
  const assessments = await tx
    .selectFrom('zrm_assessment as a')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .innerJoin('app_user as u', 'u.id', 'a.recorded_by')
    .select([
      'a.id',
      'a.person_id',
      'p.first_name',
      'p.infix',
      'p.last_name',
      'a.instrument',
      'a.kind',
      'a.assessed_on',
      'u.display_name',
      'a.version',
    ])
    .where('a.case_id', '=', caseId)
    .orderBy('a.assessed_on')
    .orderBy('a.recorded_at')
    .execute();
  const scores = assessments.length
    ? await tx
        .selectFrom('zrm_score')
        .select(['assessment_id', 'domain', 'score', 'note', 'out_of_scope_reason'])
        .where(
          'assessment_id',
          'in',
          assessments.map((a) => a.id),
        )
        .execute()
    : [];
  return assessments.map((a) => ({
    id: a.id,
    personId: a.person_id,
    personName: personName(a),
    instrument: a.instrument as ZrmInstrument,
    kind: a.kind as 'start',
    assessedOn: a.assessed_on,
    recordedByName: a.display_name,
    version: a.version,
    scores: scores
      .filter((s) => s.assessment_id === a.id)
      .map((s) => ({ domain: s.domain, score: s.score, note: s.note, outOfScopeReason: s.out_of_scope_reason })),
  }));
}

/** The help question's life domains: from the referral and the triage of the intake meeting. */
export async function questionDomainsOf(tx: Tx, caseId: string): Promise<string[]> {
  const row = await tx
    .selectFrom('case_file as c')
    .leftJoin('referral as r', 'r.id', 'c.referral_id')
    .leftJoin('triage as t', 't.referral_id', 'c.referral_id')
    .select(['r.life_domains as referral_domains', 't.life_domains as triage_domains'])
    .where('c.id', '=', caseId)
    .executeTakeFirst();
  return [...new Set([...(row?.referral_domains ?? []), ...(row?.triage_domains ?? [])])];
}

async function buildOverview(tx: Tx, ctx: AccessContext, c: CaseRow, today: string): Promise<CaseOverview> {
  const base = await tx
    .selectFrom('case_file as c')
    .innerJoin('team as t', 't.id', 'c.team_id')
    .innerJoin('app_user as w', 'w.id', 'c.case_worker_id')
    .leftJoin('app_user as tw', 'tw.id', 'c.tandem_worker_id')
    .leftJoin('referral as r', 'r.id', 'c.referral_id')
    .leftJoin('household as h', 'h.id', 'c.household_id')
    .select([
      'c.version',
      'r.reference',
      'r.question as help_question',
      't.name as team_name',
      't.outreach_weeks',
      'c.phase',
      'c.opened_at',
      'c.analysis_deadline',
      'w.id as worker_id',
      'w.display_name as worker_name',
      'tw.id as tandem_id',
      'tw.display_name as tandem_name',
      'h.name as household_name',
    ])
    .where('c.id', '=', c.id)
    .executeTakeFirstOrThrow();
  const members = c.householdId
    ? await tx
        .selectFrom('household_member as m')
        .innerJoin('person as p', 'p.id', 'm.person_id')
        .select([
          'p.id',
          'p.first_name',
          'p.infix',
          'p.last_name',
          'p.date_of_birth',
          'p.age_given',
          'p.age_given_on',
          'm.relation',
        ])
        .where('m.household_id', '=', c.householdId)
        .orderBy('p.date_of_birth')
        .execute()
    : [];
  const [network, professionals, zrm, participation, childSafety, meldcode, outreach, consents, questionDomains] =
    await Promise.all([
      tx
        .selectFrom('network_person')
        .select(['id', 'name', 'relation_type', 'relation_note', 'quality', 'contact_frequency', 'key_figure', 'phone'])
        .where('case_id', '=', c.id)
        .orderBy('created_at')
        .execute(),
      tx
        .selectFrom('involved_professional')
        .select(['id', 'organisation', 'name', 'role', 'phone', 'email'])
        .where('case_id', '=', c.id)
        .orderBy('created_at')
        .execute(),
      loadZrm(tx, c.id),
      tx
        .selectFrom('participation_measure as m')
        .innerJoin('person as p', 'p.id', 'm.person_id')
        .select(['m.id', 'm.person_id', 'p.first_name', 'p.infix', 'p.last_name', 'm.rung', 'm.measured_on', 'm.note'])
        .where('m.case_id', '=', c.id)
        .orderBy('m.measured_on')
        .execute(),
      tx
        .selectFrom('child_safety_assessment as a')
        .innerJoin('app_user as u', 'u.id', 'a.recorded_by')
        .select([
          'a.id',
          'a.assessed_on',
          'a.signs',
          'a.protective_factors',
          'a.risk_level',
          'a.actions',
          'u.display_name',
        ])
        .where('a.case_id', '=', c.id)
        .orderBy('a.assessed_on')
        .execute(),
      canSeeMeldcode(ctx.actor, c)
        ? tx
            .selectFrom('meldcode_record')
            .select(['id', 'status', 'started_on'])
            .where('case_id', '=', c.id)
            .orderBy('started_on')
            .execute()
        : Promise.resolve(null),
      tx
        .selectFrom('outreach_attempt')
        .select(['id', 'attempted_on', 'way', 'contact_made', 'note'])
        .where('case_id', '=', c.id)
        .orderBy('attempted_on')
        .execute(),
      tx
        .selectFrom('information_consent as ic')
        .innerJoin('person as p', 'p.id', 'ic.person_id')
        .select([
          'ic.id',
          'p.first_name',
          'p.infix',
          'p.last_name',
          'ic.recipient',
          'ic.scope',
          'ic.form',
          'ic.given_on',
          'ic.expires_on',
          'ic.withdrawn_on',
        ])
        .where('ic.case_id', '=', c.id)
        .orderBy('ic.given_on')
        .execute(),
      questionDomainsOf(tx, c.id),
    ]);
  const [openTasks, contacts, analysisConclusion, networkMeetings] = await Promise.all([
    openTasksOfCase(tx, c.id, today),
    tx
      .selectFrom('contact_entry as e')
      .innerJoin('app_user as u', 'u.id', 'e.recorded_by')
      .select(['e.id', 'e.kind', 'e.contact_on', 'e.note', 'e.recorded_at', 'u.display_name'])
      .where('e.case_id', '=', c.id)
      .orderBy('e.contact_on', 'desc')
      .orderBy('e.recorded_at', 'desc')
      .limit(200)
      .execute(),
    loadAnalysisConclusion(tx, c.id),
    loadNetworkMeetings(tx, c.id),
  ]);
  const memberViews = members.map((m) => {
    // Minor until shown otherwise: by the date of birth, an age given on the referral, or as a child without any age (ADR 0029).
    const { age, estimated, isMinor } = ageStatus(
      { dateOfBirth: m.date_of_birth, ageGiven: m.age_given, ageGivenOn: m.age_given_on, relation: m.relation },
      today,
    );
    return { id: m.id, fullName: personName(m), relation: m.relation, age, isMinor, ageEstimated: estimated };
  });
  const consentViews = consents.map((x) => ({
    id: x.id,
    personName: personName(x),
    recipient: x.recipient,
    scope: x.scope,
    form: x.form,
    givenOn: x.given_on,
    expiresOn: x.expires_on,
    withdrawnOn: x.withdrawn_on,
    active: isConsentActive({ givenOn: x.given_on, expiresOn: x.expires_on, withdrawnOn: x.withdrawn_on }, today),
  }));
  const latestRelations =
    [...zrm].reverse().flatMap((a) => a.scores.filter((s) => s.domain === 'domestic_relations'))[0]?.score ?? null;
  const latestRisk = childSafety.at(-1)?.risk_level ?? null;
  const hasMinors =
    memberViews.some((m) => m.isMinor === true) || hasMinorAmong(await unregisteredReferralChildren(tx, c.id), today);
  const outreachAttempts = outreach.map((o) => ({
    id: o.id,
    attemptedOn: o.attempted_on,
    way: o.way as 'phone',
    contactMade: o.contact_made,
    note: o.note,
  }));

  const timeline = [
    { at: base.opened_at.toISOString(), kind: 'case_opened', summary: 'Dossier geopend', byName: null },
    ...zrm.map((a) => ({
      at: `${a.assessedOn}T12:00:00.000Z`,
      kind: 'zrm',
      summary: `ZRM (${a.kind}) voor ${a.personName}: ${a.scores.length} leefgebieden`,
      byName: a.recordedByName,
    })),
    ...participation.map((p) => ({
      at: `${p.measured_on}T12:00:00.000Z`,
      kind: 'participation',
      summary: `Participatieladder ${personName(p)}: trede ${p.rung}`,
      byName: null,
    })),
    ...childSafety.map((s) => ({
      at: `${s.assessed_on}T12:00:00.000Z`,
      kind: 'child_safety',
      summary: `Risico- en veiligheidstaxatie kinderen: risico ${s.risk_level}`,
      byName: s.display_name,
    })),
    ...outreachAttempts.map((o) => ({
      at: `${o.attemptedOn}T12:00:00.000Z`,
      kind: 'outreach',
      summary: o.contactMade ? 'Contact gelegd (eropaf)' : 'Contactpoging zonder resultaat (eropaf)',
      byName: null,
    })),
    ...consentViews.map((x) => ({
      at: `${x.givenOn}T12:00:00.000Z`,
      kind: 'consent',
      summary: `Toestemming ${x.personName} om te delen met ${x.recipient}`,
      byName: null,
    })),
    ...(meldcode ?? []).map((m) => ({
      at: `${m.started_on}T12:00:00.000Z`,
      kind: 'meldcode',
      summary: 'Meldcode gestart',
      byName: null,
    })),
    ...contacts.map((x) => ({
      at: `${x.contact_on}T12:00:00.000Z`,
      kind: 'contact',
      summary: `Contact: ${CONTACT_LABELS[x.kind] ?? x.kind}`,
      byName: x.display_name,
    })),
    ...(await timelineFromSources(tx, c.id)),
  ].sort((a, b) => b.at.localeCompare(a.at));

  return {
    id: c.id,
    version: base.version,
    reference: base.reference,
    teamName: base.team_name,
    phase: base.phase,
    openedAt: base.opened_at.toISOString(),
    analysisDeadline: base.analysis_deadline,
    analysisOverdue: base.phase === 'analysis' && base.analysis_deadline !== null && base.analysis_deadline < today,
    caseWorker: { id: base.worker_id, name: base.worker_name },
    tandem: base.tandem_id && base.tandem_name ? { id: base.tandem_id, name: base.tandem_name } : null,
    questionDomains,
    helpQuestion: base.help_question ?? null,
    language: await languageOfPersons(tx, c.personIds),
    household: c.householdId ? { id: c.householdId, name: base.household_name ?? '', members: memberViews } : null,
    hasMinors,
    network: network.map((n) => ({
      id: n.id,
      name: n.name,
      relationType: n.relation_type as 'family',
      relationNote: n.relation_note,
      quality: n.quality as 'supportive',
      contactFrequency: n.contact_frequency as 'weekly',
      keyFigure: n.key_figure,
      phone: n.phone,
    })),
    professionals: professionals.map((p) => ({
      ...p,
      consentToShare: consentViews.some((x) => x.active && x.recipient.toLowerCase() === p.organisation.toLowerCase()),
    })),
    analysisConclusion,
    networkMeetings,
    zrm,
    participation: participation.map((p) => ({
      id: p.id,
      personId: p.person_id,
      personName: personName(p),
      rung: p.rung,
      measuredOn: p.measured_on,
      note: p.note,
    })),
    childSafety: childSafety.map((s) => ({
      id: s.id,
      assessedOn: s.assessed_on,
      signs: s.signs,
      protectiveFactors: s.protective_factors,
      riskLevel: s.risk_level as 'low',
      actions: s.actions,
      recordedByName: s.display_name,
    })),
    childSafetyRequired: hasMinors && childSafety.length === 0,
    meldcodeSuggested: suggestsMeldcode(latestRelations, latestRisk),
    meldcode: meldcode
      ? meldcode.map((m) => ({ id: m.id, status: m.status as 'open', startedOn: m.started_on }))
      : null,
    outreach: {
      attempts: outreachAttempts,
      flaggedForTeam: isOutreachOverdue(outreachAttempts, base.outreach_weeks, today),
    },
    consents: consentViews,
    openTasks: openTasks.map((t) => ({
      id: t.id,
      kind: t.kind,
      title: t.title,
      dueOn: t.dueOn,
      overdue: t.overdue,
      dueToday: t.dueToday,
      assigneeName: t.assignee?.name ?? null,
      version: t.version,
    })),
    recentContacts: contacts.slice(0, 5).map((x) => ({
      id: x.id,
      kind: x.kind,
      contactOn: x.contact_on,
      note: x.note.length > 200 ? `${x.note.slice(0, 200)}…` : x.note,
      recordedByName: x.display_name,
    })),
    timeline,
  };
}

const CONTACT_LABELS: Record<string, string> = {
  home_visit: 'huisbezoek',
  phone: 'telefonisch',
  office: 'op kantoor',
  video: 'beeldbellen',
  accompany: 'begeleiding naar instantie',
  network_meeting: 'netwerkberaad',
  other: 'anders',
};

/** The case file page: everything of the case in one read, logged for every person of the household. */
export async function viewCase(deps: Deps, ctx: AccessContext, caseId: string): Promise<CaseOverview> {
  const today = municipalToday(deps.clock);
  return withCase(deps, ctx, caseId, 'view', 'case_file', async (tx, c) => {
    const overview = await buildOverview(tx, ctx, c, today);
    await logCaseAccess(tx, ctx, c, {
      action: 'read',
      event: 'case_file.viewed',
      dataCategory: 'case_file',
      permission: 'case:read',
    });
    return overview;
  });
}

export { buildOverview };
