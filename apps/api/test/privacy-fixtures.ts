// Shared set-up of the privacy tests (AVG rights, retention, tenant isolation): a case filled through the API.
import { expect } from 'vitest';
import type { Agent } from './test-app';

/** A PDF of a few bytes (the upload check looks at the first bytes only). */
export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64');

export const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

async function ok(r: Promise<{ statusCode: number; body: string }>, what: string) {
  const res = await r;
  expect([what, res.statusCode, res.statusCode < 300 ? '' : res.body]).toEqual([
    what,
    res.statusCode < 300 ? res.statusCode : 200,
    '',
  ]);
  return res;
}

/**
 * Fills a case through the worker's API: network, professional, ZRM, participation, child safety, outreach,
 * consent, a Meldcode record with a signal, the plan with a goal and an action, a public and an internal contact
 * (with an attachment), the legal basis and a statement. Returns the ids the tests look for.
 */
export async function fillCase(worker: Agent, caseId: string, adultId: string, childId: string) {
  const day = yesterday();
  await ok(
    worker.post(`/api/cases/${caseId}/network`, {
      name: 'Oma Testhuis',
      relationType: 'family',
      quality: 'supportive',
      contactFrequency: 'weekly',
      keyFigure: true,
      phone: '0612345678',
    }),
    'network',
  );
  await ok(
    worker.post(`/api/cases/${caseId}/professionals`, { organisation: 'Huisartsenpraktijk Noord', name: 'Dr. Jansen' }),
    'professional',
  );
  await ok(
    worker.post(`/api/cases/${caseId}/zrm`, {
      personId: adultId,
      kind: 'start',
      assessedOn: day,
      scores: [{ domain: 'finances', score: 2, outOfScopeReason: 'Hoort bij de vraag.' }],
    }),
    'zrm adult',
  );
  await ok(
    worker.post(`/api/cases/${caseId}/zrm`, {
      personId: childId,
      kind: 'start',
      assessedOn: day,
      scores: [{ domain: 'housing', score: 3, outOfScopeReason: 'Hoort bij de vraag.' }],
    }),
    'zrm child',
  );
  await ok(
    worker.post(`/api/cases/${caseId}/participation`, { personId: adultId, rung: 2, measuredOn: day }),
    'participation',
  );
  await ok(
    worker.post(`/api/cases/${caseId}/child-safety`, {
      assessedOn: day,
      signs: 'Geen',
      protectiveFactors: 'Oma',
      riskLevel: 'low',
      actions: 'Volgen',
    }),
    'child safety',
  );
  // An outreach attempt follows the referral (issue #17 item 17): the builders' referrals come in today.
  await ok(
    worker.post(`/api/cases/${caseId}/outreach`, {
      attemptedOn: new Date().toISOString().slice(0, 10),
      way: 'phone',
      contactMade: true,
    }),
    'outreach',
  );
  await ok(
    worker.post(`/api/cases/${caseId}/consents`, {
      personId: adultId,
      recipient: 'Huisartsenpraktijk Noord',
      scope: 'Gezondheid',
      form: 'verbal',
      givenOn: day,
    }),
    'consent',
  );
  const meldcode = (await ok(worker.post(`/api/cases/${caseId}/meldcode`), 'meldcode')).body;
  const recordId = (JSON.parse(meldcode) as { id: string }).id;
  await ok(
    worker.post(`/api/cases/${caseId}/meldcode/${recordId}/signals`, {
      observedOn: day,
      fact: 'MELDCODE-FEIT blauwe plek',
      source: 'school',
    }),
    'meldcode signal',
  );
  await ok(worker.post(`/api/cases/${caseId}/plan`, { startsOn: day }), 'plan');
  const plan = JSON.parse((await worker.get(`/api/cases/${caseId}/plan`)).body) as {
    plan: { current: { version: number; goals: Array<{ id: string }> } };
  };
  const withGoal = JSON.parse(
    (
      await ok(
        worker.post(`/api/cases/${caseId}/plan/goals`, {
          version: plan.plan.current.version,
          domain: 'finances',
          problem: 'Schulden',
          goal: 'Overzicht',
        }),
        'goal',
      )
    ).body,
  ) as { plan: { current: { version: number; goals: Array<{ id: string }> } } };
  const goalId = withGoal.plan.current.goals[0]!.id;
  await ok(
    worker.post(`/api/cases/${caseId}/plan/goals/${goalId}/actions`, {
      version: withGoal.plan.current.version,
      description: 'Budgetcursus',
      performer: 'self',
    }),
    'action',
  );
  await ok(
    worker.post(`/api/cases/${caseId}/contacts`, {
      kind: 'home_visit',
      contactOn: day,
      note: 'OPENBARE-NOTITIE huisbezoek',
    }),
    'contact',
  );
  await ok(
    worker.post(`/api/cases/${caseId}/contacts`, {
      kind: 'phone',
      contactOn: day,
      note: 'INTERNE-NOTITIE overleg',
      internal: true,
      attachments: [{ filename: 'brief.pdf', contentBase64: TINY_PDF }],
    }),
    'internal contact',
  );
  const privacy = JSON.parse((await worker.get(`/api/cases/${caseId}/privacy`)).body) as { version: number };
  await ok(
    worker.put(`/api/cases/${caseId}/privacy/processing`, {
      legalBases: ['wmo_2015', 'jeugdwet'],
      purposes: ['social_support', 'youth_help'],
      purposeDescription: 'Ondersteuning van het gezin',
      version: privacy.version,
    }),
    'legal basis',
  );
  await ok(
    worker.post(`/api/cases/${caseId}/statements`, {
      personId: adultId,
      receivedOn: day,
      statement: 'EIGEN-VERKLARING ik ben het niet eens',
    }),
    'statement',
  );
  return { recordId, goalId };
}
