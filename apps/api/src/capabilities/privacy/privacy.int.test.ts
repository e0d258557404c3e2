import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessLogPage, EmergencyOverview, PersonAccessOverview } from '@nabij/contracts';
import { buildActor } from '../../shared/actor';
import { buildCase, buildTeam, buildTenant, buildUser } from '../../../test/builders';
import { startTestApp, type Agent, type TestApp } from '../../../test/test-app';
import { recordAccess } from '../audit';
import { totpCode } from '../auth';

let t: TestApp;
let tenant: { id: string; teamId: string };
type U = { id: string; username: string; password: string };
let worker: U;
let colleague: U;
let coordinator: U;
let officer: U;
let officerWithout2fa: U;
let theCase: { id: string; adultId: string; childId: string; householdId: string };
let otherCase: { id: string; adultId: string };
let totpSecret: string;
const REASON = 'Crisis in de avond: moeder belt in paniek, vaste werker is niet bereikbaar.';

async function setEmail(userId: string, email: string) {
  await t.db.inSystem((tx) => tx.updateTable('app_user').set({ email }).where('id', '=', userId).execute());
}

async function loggedIn(user: U): Promise<Agent> {
  const agent = t.agent();
  expect(await agent.login(user.username, user.password)).toBe('done');
  return agent;
}

/** The privacy officer, logged in with password and the code from the authenticator app. */
async function officerAgent(): Promise<Agent> {
  const agent = t.agent();
  expect(await agent.login(officer.username, officer.password)).toBe('totp');
  t.clock.advance(30_000); // the next 30-second step: a code is never accepted twice
  const r = await agent.post('/api/auth/totp', { code: totpCode(totpSecret, t.clock.now()) });
  expect(r.statusCode).toBe(200);
  await agent.refreshCsrf();
  return agent;
}

const logRows = (where: { userId?: string; event?: string; caseId?: string }) =>
  t.db.inSystem((tx) => {
    let q = tx
      .selectFrom('access_log')
      .select(['id', 'event', 'action', 'outcome', 'emergency', 'detail', 'person_id', 'case_id', 'user_id'])
      .orderBy('id');
    if (where.userId) q = q.where('user_id', '=', where.userId);
    if (where.event) q = q.where('event', '=', where.event);
    if (where.caseId) q = q.where('case_id', '=', where.caseId);
    return q.execute();
  });

beforeAll(async () => {
  t = await startTestApp();
  tenant = await buildTenant(t.db, { name: 'Gemeente Proefstad' });
  worker = await buildUser(t.db, tenant, { roles: ['case_worker'] });
  colleague = await buildUser(t.db, tenant, { roles: ['case_worker'] });
  coordinator = await buildUser(t.db, tenant, { roles: ['team_coordinator'] });
  officer = await buildUser(t.db, tenant, { roles: ['privacy_officer'] });
  officerWithout2fa = await buildUser(t.db, tenant, { roles: ['privacy_officer'] });
  await setEmail(coordinator.id, 'coordinator@proefstad.test');
  await setEmail(officer.id, 'privacy@proefstad.test');
  theCase = await buildCase(t.db, tenant, { caseWorkerId: worker.id, referralDomains: ['finances'] });
  otherCase = await buildCase(t.db, tenant, { caseWorkerId: worker.id });

  // The officer sets up two-factor once.
  const agent = await loggedIn(officer);
  const start = await agent.post('/api/auth/totp/enrolment', {});
  totpSecret = start.json<{ secret: string }>().secret;
  expect(
    (await agent.post('/api/auth/totp/enrolment/confirm', { code: totpCode(totpSecret, t.clock.now()) })).statusCode,
  ).toBe(200);
});
afterAll(() => t.close());

describe('emergency access (break the glass)', () => {
  it('is offered to a worker without relation: reason required, at most 8 hours, nothing stored on bad input', async () => {
    const agent = await loggedIn(colleague);
    expect((await agent.get(`/api/cases/${theCase.id}`)).statusCode).toBe(403);

    const noReason = await agent.post(`/api/cases/${theCase.id}/emergency-access`, { hours: 2 });
    expect(noReason.statusCode).toBe(400);
    expect(JSON.stringify(noReason.json())).toContain('Geef de reden voor de noodtoegang.');
    const short = await agent.post(`/api/cases/${theCase.id}/emergency-access`, { reason: 'spoed', hours: 2 });
    expect(short.statusCode).toBe(400);
    expect(short.json<{ fieldErrors: Record<string, string[]> }>().fieldErrors.reason?.[0]).toMatch(
      /ten minste 15 tekens/,
    );
    const tooLong = await agent.post(`/api/cases/${theCase.id}/emergency-access`, { reason: REASON, hours: 9 });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json<{ fieldErrors: Record<string, string[]> }>().fieldErrors.hours).toEqual([
      'Noodtoegang duurt maximaal 8 uur.',
    ]);
    const count = await t.db.inSystem(
      async (tx) => (await sql<{ n: number }>`select count(*)::int as n from emergency_access`.execute(tx)).rows[0]!.n,
    );
    expect(count).toBe(0);
  });

  it('opens the case for viewing for 8 hours by default, and flags every access in that time', async () => {
    const agent = await loggedIn(colleague);
    const before = t.clock.now().getTime();
    const r = await agent.post(`/api/cases/${theCase.id}/emergency-access`, { reason: REASON });
    expect(r.statusCode).toBe(201);
    const grant = r.json<{ id: string; expiresAt: string; reason: string }>();
    expect(new Date(grant.expiresAt).getTime() - before).toBeGreaterThanOrEqual(8 * 3_600_000 - 5_000);
    expect(new Date(grant.expiresAt).getTime() - before).toBeLessThanOrEqual(8 * 3_600_000 + 5_000);
    expect((await agent.get(`/api/cases/${theCase.id}/emergency-access`)).json()).toMatchObject({
      active: { id: grant.id, reason: REASON },
    });

    expect((await agent.get(`/api/cases/${theCase.id}`)).statusCode).toBe(200);
    expect((await agent.get(`/api/cases/${theCase.id}/plan`)).statusCode).toBe(200);
    // Viewing only: no changes to the case under emergency access.
    expect(
      (
        await agent.post(`/api/cases/${theCase.id}/network`, {
          name: 'Oma',
          relationType: 'family',
          quality: 'supportive',
          contactFrequency: 'weekly',
        })
      ).statusCode,
    ).toBe(403);

    const rows = (await logRows({ userId: colleague.id, caseId: theCase.id })).filter(
      (row) => row.outcome === 'allowed',
    );
    expect(rows.map((row) => row.event)).toEqual(
      expect.arrayContaining(['emergency_access.started', 'case_file.viewed', 'plan.viewed']),
    );
    expect(rows.every((row) => row.emergency)).toBe(true);
    expect(rows.every((row) => (row.detail as { emergencyAccessId?: string }).emergencyAccessId === grant.id)).toBe(
      true,
    );
    // One row per person of the household, each flagged.
    expect(new Set(rows.filter((row) => row.event === 'case_file.viewed').map((row) => row.person_id))).toEqual(
      new Set([theCase.adultId, theCase.childId]),
    );
  });

  it('tells the team coordinator and the privacy officer by e-mail, without personal data', async () => {
    const mails = await t.db.inSystem((tx) =>
      tx
        .selectFrom('outbox_message')
        .select(['recipient', 'subject', 'text_body'])
        .where('subject', 'like', 'Noodtoegang%')
        .execute(),
    );
    expect(mails.map((m) => m.recipient).sort()).toEqual(['coordinator@proefstad.test', 'privacy@proefstad.test']);
    const reference = (
      await t.db.inSystem((tx) =>
        tx
          .selectFrom('case_file as c')
          .innerJoin('referral as r', 'r.id', 'c.referral_id')
          .select('r.reference')
          .where('c.id', '=', theCase.id)
          .executeTakeFirstOrThrow(),
      )
    ).reference;
    for (const m of mails) {
      expect(m.subject).toContain(reference);
      expect(m.text_body).toContain(reference);
      expect(m.text_body).toMatch(/https?:\/\/\S+\/(privacy\/noodtoegang|dossiers\/)/);
      for (const personal of ['Testhuis', 'Anna', colleague.username, 'Crisis', 'moeder'])
        expect(m.text_body).not.toContain(personal);
    }
  });

  it('is not needed for a user who already has access, and not available without case:read or for another municipality', async () => {
    const own = await loggedIn(worker);
    expect((await own.post(`/api/cases/${theCase.id}/emergency-access`, { reason: REASON })).json()).toMatchObject({
      code: 'emergency_access_not_needed',
    });
    const privacy = await loggedIn(officerWithout2fa);
    expect((await privacy.post(`/api/cases/${theCase.id}/emergency-access`, { reason: REASON })).statusCode).toBe(403);
    const elsewhere = await buildTenant(t.db);
    const stranger = await buildUser(t.db, elsewhere, { roles: ['case_worker'] });
    expect(
      (await (await loggedIn(stranger)).post(`/api/cases/${theCase.id}/emergency-access`, { reason: REASON }))
        .statusCode,
    ).toBe(404);
  });

  it('can be ended early, and ends by itself when the time is up', async () => {
    const agent = await loggedIn(colleague);
    expect(
      (await agent.post(`/api/cases/${otherCase.id}/emergency-access`, { reason: REASON, hours: 1 })).statusCode,
    ).toBe(201);
    expect((await agent.get(`/api/cases/${otherCase.id}`)).statusCode).toBe(200);
    expect((await agent.post(`/api/cases/${otherCase.id}/emergency-access/end`)).json()).toEqual({ active: null });
    expect((await agent.get(`/api/cases/${otherCase.id}`)).statusCode).toBe(403);

    // The 8-hour grant on the first case, as if almost 8 hours have passed: just before the end it works, after it not.
    const moveEnd = (ms: number) =>
      t.db.inSystem((tx) =>
        tx
          .updateTable('emergency_access')
          // The grant started 8 hours before its new end (the table allows at most 8 hours).
          .set({
            starts_at: new Date(t.clock.now().getTime() + ms - 8 * 3_600_000),
            expires_at: new Date(t.clock.now().getTime() + ms),
          })
          .where('case_id', '=', theCase.id)
          .execute(),
      );
    await moveEnd(60_000);
    expect((await agent.get(`/api/cases/${theCase.id}`)).statusCode).toBe(200);
    await moveEnd(-1_000);
    expect((await agent.get(`/api/cases/${theCase.id}`)).statusCode).toBe(403);
    expect((await agent.get(`/api/cases/${theCase.id}/emergency-access`)).json()).toEqual({ active: null });
    const denied = (await logRows({ userId: colleague.id, event: 'case_file.access_denied', caseId: theCase.id })).at(
      -1,
    );
    expect(denied).toMatchObject({ outcome: 'denied', emergency: false });
  });
});

describe('"Recent persons" on Mijn werk (issue #21 item 10)', () => {
  it('writes an access-log row per person shown, like every other read of personal data', async () => {
    const agent = await loggedIn(worker);
    expect((await agent.get(`/api/persons/${theCase.adultId}`)).statusCode).toBe(200);
    const before = await logRows({ userId: worker.id, event: 'person.recent_listed' });
    const home = await agent.get('/api/home');
    expect(home.json<{ recentPersons: Array<{ id: string }> }>().recentPersons.map((p) => p.id)).toContain(
      theCase.adultId,
    );
    const rows = (await logRows({ userId: worker.id, event: 'person.recent_listed' })).slice(before.length);
    const shown = home.json<{ recentPersons: Array<{ id: string }> }>().recentPersons.map((p) => p.id);
    expect(rows.map((r) => r.person_id).sort()).toEqual([...shown].sort());
    expect(rows.every((r) => r.action === 'read' && r.outcome === 'allowed')).toBe(true);
  });
});

describe('the team in the log of a refusal or an emergency read (issue #21 item 12)', () => {
  it('is the team of the person who acted, not the case’s team', async () => {
    const teamB = await buildTeam(t.db, tenant, 'Wijkteam Zuidoost', 'ZO');
    const outsider = await buildUser(t.db, teamB, { roles: ['case_worker'] });
    const kase = await buildCase(t.db, tenant, { caseWorkerId: worker.id });
    const agent = await loggedIn(outsider);
    expect((await agent.get(`/api/cases/${kase.id}`)).statusCode).toBe(403);
    expect((await agent.post(`/api/cases/${kase.id}/emergency-access`, { reason: REASON, hours: 1 })).statusCode).toBe(
      201,
    );
    expect((await agent.get(`/api/cases/${kase.id}`)).statusCode).toBe(200);
    const rows = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select(['event', 'team_id', 'emergency', 'outcome'])
        .where('user_id', '=', outsider.id)
        .where('case_id', '=', kase.id)
        .execute(),
    );
    expect(new Set(rows.map((r) => r.event))).toEqual(
      new Set(['case_file.access_denied', 'emergency_access.started', 'case_file.viewed']),
    );
    expect(rows.every((r) => r.team_id === teamB.teamId)).toBe(true);
    // The case's own worker is still logged under the case's team.
    await (await loggedIn(worker)).get(`/api/cases/${kase.id}`);
    const own = await logRows({ userId: worker.id, caseId: kase.id, event: 'case_file.viewed' });
    const teams = await t.db.inSystem((tx) =>
      tx
        .selectFrom('access_log')
        .select('team_id')
        .where(
          'id',
          'in',
          own.map((r) => r.id),
        )
        .execute(),
    );
    expect(teams.length).toBeGreaterThan(0);
    expect(teams.every((r) => r.team_id === tenant.teamId)).toBe(true);
  });
});

describe('the access-log viewer', () => {
  it('refuses the log and its export without two-factor, in Dutch, and logs the refusal', async () => {
    const agent = await loggedIn(officerWithout2fa);
    for (const url of [
      '/api/privacy/access-log',
      '/api/privacy/access-log/export.csv',
      `/api/privacy/clients/${theCase.adultId}/overview`,
      '/api/privacy/emergency-accesses',
    ]) {
      const r = await agent.get(url);
      expect(r.statusCode).toBe(403);
      expect(r.json()).toMatchObject({ code: 'second_factor_required' });
      expect(r.json<{ message: string }>().message).toMatch(
        /alleen te bekijken als u bent ingelogd met tweestapsverificatie/,
      );
    }
    const refusals = await logRows({ userId: officerWithout2fa.id, event: 'access_log.refused_without_second_factor' });
    expect(refusals.map((r) => (r.detail as { what: string }).what)).toEqual([
      'view',
      'export',
      'person_overview',
      'emergency_overview',
    ]);
    expect(refusals.every((r) => r.outcome === 'denied')).toBe(true);
  });

  it('is only for the privacy officer, who sees logs but not case content', async () => {
    const w = await loggedIn(worker);
    expect((await w.get('/api/privacy/access-log')).statusCode).toBe(403);
    const o = await officerAgent();
    expect((await o.get(`/api/cases/${theCase.id}`)).statusCode).toBe(403);
    expect((await o.get(`/api/persons/${theCase.adultId}`)).statusCode).toBe(403);
  });

  it('filters by user, client, period, action, emergency access and refusal, and logs every look', async () => {
    const o = await officerAgent();
    const get = async (query: string) => {
      const r = await o.get(`/api/privacy/access-log?${query}`);
      expect(r.statusCode).toBe(200);
      return r.json<AccessLogPage>();
    };
    const byUser = await get(`userId=${colleague.id}`);
    expect(byUser.total).toBeGreaterThan(0);
    expect(byUser.rows.every((r) => r.userId === colleague.id)).toBe(true);

    const byClient = await get(`personId=${theCase.adultId}`);
    expect(byClient.rows.every((r) => r.personId === theCase.adultId)).toBe(true);
    expect(byClient.person?.fullName).toBe('Anna Testhuis');
    expect(
      byClient.rows.some((r) => r.description === 'bekeek het dossier' && r.userName === `Test ${colleague.username}`),
    ).toBe(true);

    const emergency = await get('emergency=true');
    expect(emergency.total).toBeGreaterThan(0);
    expect(emergency.rows.every((r) => r.emergency && r.basis === `noodtoegang: ${REASON}`)).toBe(true);

    const denied = await get('outcome=denied');
    expect(denied.rows.length).toBeGreaterThan(0);
    expect(denied.rows.every((r) => r.outcome === 'denied')).toBe(true);

    const searches = await get('action=export');
    expect(searches.rows.every((r) => r.action === 'export')).toBe(true);

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    expect((await get(`from=${today}&to=${today}`)).total).toBeGreaterThan(0);
    expect((await get('from=2000-01-01&to=2000-01-31')).total).toBe(0);
    const wrongOrder = await o.get('/api/privacy/access-log?from=2026-02-01&to=2026-01-01');
    expect(wrongOrder.statusCode).toBe(400);
    expect(wrongOrder.json<{ fieldErrors: Record<string, string[]> }>().fieldErrors.to).toEqual([
      'De einddatum ligt vóór de begindatum.',
    ]);

    const looks = await logRows({ userId: officer.id, event: 'access_log.viewed' });
    expect(looks.length).toBe(7);
    expect(looks.map((l) => l.detail)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ byUser: true }),
        expect.objectContaining({ byPerson: true }),
        expect.objectContaining({ emergencyOnly: true }),
        expect.objectContaining({ deniedOnly: true }),
      ]),
    );
    expect(looks.some((l) => l.person_id === theCase.adultId)).toBe(true);
  });

  it('pages through the log, 50 rows at a time', async () => {
    const busy = await buildUser(t.db, tenant, { roles: ['case_worker'] });
    const ctx = {
      actor: buildActor({ userId: busy.id, tenantId: tenant.id, roles: ['case_worker'], teamIds: [tenant.teamId] }),
      ip: '10.1.1.1',
      userAgent: null,
    };
    await t.db.inTenant(tenant.id, async (tx) => {
      for (let i = 0; i < 61; i++)
        await recordAccess(tx, ctx, {
          action: 'read',
          event: 'person.viewed',
          dataCategory: 'identity',
          personId: theCase.childId,
        });
    });
    const o = await officerAgent();
    const first = (await o.get(`/api/privacy/access-log?userId=${busy.id}`)).json<AccessLogPage>();
    const second = (await o.get(`/api/privacy/access-log?userId=${busy.id}&page=2`)).json<AccessLogPage>();
    expect([first.total, first.rows.length, second.rows.length, first.pageSize]).toEqual([61, 50, 11, 50]);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.id)).size).toBe(61);
  });

  it('exports CSV that is safe against formula injection, and logs the export', async () => {
    const tricky = await buildUser(t.db, tenant, { roles: ['case_worker'] });
    await t.db.inSystem((tx) =>
      tx
        .updateTable('app_user')
        .set({ display_name: '=HYPERLINK("http://evil.example","klik")' })
        .where('id', '=', tricky.id)
        .execute(),
    );
    const ctx = {
      actor: buildActor({ userId: tricky.id, tenantId: tenant.id, roles: ['case_worker'], teamIds: [tenant.teamId] }),
      ip: '@10.0.0.1',
      userAgent: null,
    };
    await t.db.inTenant(tenant.id, (tx) =>
      recordAccess(tx, ctx, {
        action: 'read',
        event: 'person.viewed',
        dataCategory: 'identity',
        personId: theCase.adultId,
      }),
    );

    const o = await officerAgent();
    const r = await o.get(`/api/privacy/access-log/export.csv?personId=${theCase.adultId}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/csv/);
    expect(r.headers['content-disposition']).toMatch(/attachment; filename="logboek-\d{4}-\d{2}-\d{2}\.csv"/);
    // Dutch Excel: a byte order mark, semicolons, CRLF, Dutch headers and labels, times as dd-mm-jjjj HH:mm:ss.
    expect(r.body.startsWith('\uFEFFTijdstip;Volgnummer;')).toBe(true);
    const lines = r.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Tijdstip;Volgnummer;Medewerker;Rol;Team;Soort handeling;Omschrijving;Cliënt;Dossier;Soort gegevens;Grondslag;Noodtoegang;Uitkomst;IP-adres;Code gebeurtenis',
    );
    const line = lines.find((l) => l.includes('HYPERLINK'));
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""klik"")"`);
    expect(line).toMatch(/^\d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2};\d*;/); // the sequence number once sealed
    expect(line).toContain(';Bekijken;bekeek de persoonsgegevens;Anna Testhuis;;persoonsgegevens;');
    expect(line).toMatch(/;'@10\.0\.0\.1;person\.viewed$/);
    expect(lines.some((l) => l.includes('bekeek het dossier') && l.includes(';ja;toegestaan;'))).toBe(true);

    const exports = await logRows({ userId: officer.id, event: 'access_log.exported' });
    expect(exports.at(-1)).toMatchObject({ action: 'export', person_id: theCase.adultId, outcome: 'allowed' });
    expect((exports.at(-1)!.detail as { rowCount: number }).rowCount).toBe(lines.length - 1);
  });

  it('finds a client by name, BSN or date of birth, and logs the search per person found', async () => {
    const o = await officerAgent();
    const byName = await o.get('/api/privacy/clients?name=testhuis');
    expect(byName.statusCode).toBe(200);
    expect(byName.json<{ results: Array<{ fullName: string }> }>().results.map((p) => p.fullName)).toEqual(
      expect.arrayContaining(['Anna Testhuis', 'Bo Testhuis']),
    );
    const byBirth = await o.get('/api/privacy/clients?dateOfBirth=2018-01-01');
    expect(byBirth.json<{ results: Array<{ id: string }> }>().results.map((p) => p.id)).toContain(theCase.childId);
    expect((await o.get('/api/privacy/clients?name=a')).statusCode).toBe(400);
    const logged = await logRows({ userId: officer.id, event: 'access_log.client_searched' });
    expect(logged.map((l) => l.person_id)).toEqual(expect.arrayContaining([theCase.adultId, theCase.childId]));
    expect(logged.every((l) => l.action === 'search')).toBe(true);
  });

  it('answers "who looked at this file this month?" in plain Dutch, emergency access marked, and logs the look', async () => {
    const o = await officerAgent();
    const r = await o.get(`/api/privacy/clients/${theCase.adultId}/overview`);
    expect(r.statusCode).toBe(200);
    const overview = r.json<PersonAccessOverview>();
    expect(overview.person.fullName).toBe('Anna Testhuis');
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(t.clock.now());
    expect([overview.from, overview.to]).toEqual([`${today.slice(0, 7)}-01`, today]);
    const emergencyView = overview.entries.find((e) => e.emergency && e.description === 'bekeek het dossier');
    expect(emergencyView).toMatchObject({
      who: `Test ${colleague.username}`,
      organisation: 'Gemeente Proefstad',
      role: 'Wijkteamwerker',
      basis: `noodtoegang: ${REASON}`,
      denied: false,
    });
    expect(overview.entries.find((e) => e.description === 'opende het dossier met noodtoegang')).toBeDefined();
    expect(
      overview.entries.find(
        (e) => e.denied && e.description === 'probeerde het dossier te openen, maar had geen toegang',
      ),
    ).toBeDefined();
    const normal = overview.entries.find(
      (e) => !e.emergency && !e.denied && e.description === 'bekeek de persoonsgegevens',
    );
    expect(normal?.basis).toBe('taak van de gemeente volgens de wet (Wmo 2015, Jeugdwet)');
    expect(await logRows({ userId: officer.id, event: 'access_log.person_overview_viewed' })).toEqual([
      expect.objectContaining({ person_id: theCase.adultId, action: 'read' }),
    ]);
    // A period without accesses is an empty list.
    expect(
      (
        await o.get(`/api/privacy/clients/${theCase.adultId}/overview?from=2001-01-01&to=2001-01-31`)
      ).json<PersonAccessOverview>().entries,
    ).toEqual([]);
  });

  it('lists the emergency accesses of a day and lets the officer mark one reviewed with a note', async () => {
    const o = await officerAgent();
    const grant = await t.db.inSystem((tx) =>
      tx
        .selectFrom('emergency_access')
        .select(['id', 'starts_at'])
        .where('case_id', '=', theCase.id)
        .executeTakeFirstOrThrow(),
    );
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(grant.starts_at);
    const list = (await o.get(`/api/privacy/emergency-accesses?datum=${day}`)).json<EmergencyOverview>();
    const item = list.accesses.find((a) => a.id === grant.id);
    expect(item).toMatchObject({
      userName: `Test ${colleague.username}`,
      reason: REASON,
      review: null,
      teamName: 'Wijkteam Test',
    });
    expect(item?.caseReference).toMatch(/^AM-TEST-/);
    expect(item?.accessCount).toBeGreaterThanOrEqual(3);
    expect(list.days.find((d) => d.date === day)?.unreviewed).toBeGreaterThanOrEqual(1);

    expect(
      (await o.put(`/api/privacy/emergency-accesses/${grant.id}/review`, { note: '', version: item!.version }))
        .statusCode,
    ).toBe(400);
    const reviewed = await o.put(`/api/privacy/emergency-accesses/${grant.id}/review`, {
      note: 'Besproken met de coördinator: terecht gebruikt.',
      version: item!.version,
    });
    expect(reviewed.statusCode).toBe(200);
    expect(reviewed.json<EmergencyOverview>().accesses.find((a) => a.id === grant.id)?.review).toMatchObject({
      note: 'Besproken met de coördinator: terecht gebruikt.',
      byName: `Test ${officer.username}`,
    });
    expect(
      (
        await o.put(`/api/privacy/emergency-accesses/${grant.id}/review`, {
          note: 'Nog een keer',
          version: item!.version,
        })
      ).statusCode,
    ).toBe(409);
    expect(await logRows({ userId: officer.id, event: 'emergency_access.reviewed' })).toEqual([
      expect.objectContaining({ case_id: theCase.id, action: 'update' }),
    ]);
  });

  it('checks the integrity of the log on request, logs the check, and reports tampering without repairing it', async () => {
    const o = await officerAgent();
    const ok = await o.post('/api/privacy/access-log/verify');
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ intact: true, problem: null });
    expect(ok.json<{ checked: number }>().checked).toBeGreaterThan(50);

    await t.db.inSystem(async (tx) => {
      await sql`alter table access_log disable trigger access_log_no_update`.execute(tx);
      await sql`update access_log set event = 'person.searched' where tenant_id = ${tenant.id} and seq = 5`.execute(tx);
      await sql`alter table access_log enable trigger access_log_no_update`.execute(tx);
    });
    const broken = (await o.post('/api/privacy/access-log/verify')).json<{
      intact: boolean;
      problem: { kind: string; seq: number; message: string };
    }>();
    expect(broken).toMatchObject({ intact: false, problem: { kind: 'altered', seq: 5 } });
    expect((await o.post('/api/privacy/access-log/verify')).json()).toMatchObject({ intact: false });
    const checks = await logRows({ userId: officer.id, event: 'access_log.verified' });
    expect(checks.map((c) => (c.detail as { intact: boolean }).intact)).toEqual([true, false, false]);
  });
});
