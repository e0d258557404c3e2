import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findJargon, type Role } from '@nabij/contracts';
import { buildTenant, buildUser, nextTestBsn } from '../../../test/builders';
import { accessibilityProblems, indexOfElement, readPdfStructure } from '../../../test/pdf-structure';
import { startTestApp, type Agent, type TestApp } from '../../../test/test-app';

interface Received {
  to: string;
  raw: string;
}
const received: Received[] = [];
let smtp: SMTPServer;
let smtpPort: number;
let t: TestApp;
let tenant: { id: string; slug: string; teamId: string };
let otherTeamId: string;
const users: Record<string, { id: string; agent: Agent }> = {};

async function loggedIn(key: string, roles: Role[], teamIds?: string[]) {
  const user = await buildUser(t.db, tenant, { roles });
  if (teamIds) {
    await t.db.inSystem(async (tx) => {
      await tx.deleteFrom('user_team').where('user_id', '=', user.id).execute();
      await tx
        .insertInto('user_team')
        .values(teamIds.map((team_id) => ({ user_id: user.id, team_id })))
        .execute();
    });
  }
  const agent = t.agent();
  await agent.login(user.username, user.password);
  users[key] = { id: user.id, agent };
  return agent;
}

const gpReferral = (overrides: Record<string, unknown> = {}) => ({
  teamId: tenant.teamId,
  referrerKind: 'professional',
  referrer: {
    name: 'Dr. A. Huisman',
    organisation: 'Huisartsenpraktijk De Linde',
    role: 'huisarts',
    phone: '030-1234567',
    email: 'huisarts@example.org',
  },
  residents: [
    {
      firstName: 'Mira',
      lastName: 'Jacobs',
      dateOfBirth: '1990-04-04',
      postcode: '3511 AB',
      houseNumber: '7',
      phone: '0612345678',
      bsn: nextTestBsn(),
    },
  ],
  children: [{ firstName: 'Tim', age: 6 }],
  lifeDomains: ['finances', 'parenting'],
  question: 'Mevrouw heeft schulden en <script>alert(1)</script> zorgen over de opvoeding.',
  tried: 'Budgetcursus aangeraden.',
  urgency: 'soon',
  childrenAtRisk: 'no',
  residentAwareness: 'agrees',
  attachments: [],
  idempotencyKey: crypto.randomUUID(),
  ...overrides,
});

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
  t = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_FROM: 'Wijkteam <wijkteam@example.org>' });
  tenant = await buildTenant(t.db);
  otherTeamId = await t.db.inSystem(
    async (tx) =>
      (
        await tx
          .insertInto('team')
          .values({ tenant_id: tenant.id, name: 'Wijkteam Ander', area: 'Ander' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
  );
  await loggedIn('desk', ['intake_desk']);
  await loggedIn('coordinator', ['team_coordinator']);
  await loggedIn('worker', ['case_worker']);
  await loggedIn('host', ['volunteer_host']);
  await loggedIn('otherDesk', ['intake_desk'], [otherTeamId]);
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.close(resolve));
});

describe('the public referral form', () => {
  it('receives a referral, answers with a reference, mails a confirmation, and stores text as text', async () => {
    const r = await t.agent().post(`/api/public/referrals/${tenant.slug}`, gpReferral());
    expect(r.statusCode).toBe(201);
    const { reference } = r.json();
    expect(reference).toMatch(/^AM-\d{4}-00001$/);
    expect(received.some((m) => m.to === 'huisarts@example.org' && m.raw.includes(reference))).toBe(true);
    const inbox = (await users.desk!.agent.get('/api/referrals')).json().referrals;
    const item = inbox.find((x: { reference: string }) => x.reference === reference);
    expect(item).toMatchObject({ channel: 'web_form', status: 'new', residentNames: ['Mira Jacobs'] });
    const view = (await users.desk!.agent.get(`/api/referrals/${item.id}`)).json();
    expect(view.question).toContain('<script>alert(1)</script>');
    expect(view.residents.map((p: { role: string; age: number | null }) => [p.role, p.age])).toEqual([
      ['resident', null],
      ['household_member', 6],
    ]);
  });

  it('creates one referral for a double-clicked submit', async () => {
    const body = gpReferral();
    const [a, b] = await Promise.all([
      t.agent().post(`/api/public/referrals/${tenant.slug}`, body),
      t.agent().post(`/api/public/referrals/${tenant.slug}`, body),
    ]);
    const statuses = [a.statusCode, b.statusCode].sort();
    expect(statuses[0]).toBe(201);
    const refs = [a, b].filter((x) => x.statusCode === 201).map((x) => x.json().reference);
    expect(new Set(refs).size).toBe(1);
    const count = await t.db.inSystem((tx) =>
      tx.selectFrom('referral').select('id').where('idempotency_key', '=', body.idempotencyKey).execute(),
    );
    expect(count).toHaveLength(1);
  });

  it('refuses bad input next to the field and stores nothing', async () => {
    const before = await t.db.inSystem((tx) => tx.selectFrom('referral').select('id').execute());
    const r = await t.agent().post(
      `/api/public/referrals/${tenant.slug}`,
      gpReferral({
        residents: [
          { firstName: 'X', lastName: 'Y', bsn: '123456789', dateOfBirth: '2999-01-01', postcode: '0000 AA' },
        ],
      }),
    );
    expect(r.statusCode).toBe(400);
    expect(r.json().fieldErrors).toMatchObject({
      'residents.0.bsn': ['Dit BSN klopt niet. Controleer de 9 cijfers (een BSN van 8 cijfers mag ook).'],
      'residents.0.dateOfBirth': ['Een geboortedatum kan niet in de toekomst liggen.'],
      'residents.0.postcode': ['Vul een geldige postcode in, bijvoorbeeld 1234 AB.'],
    });
    const honeypot = await t
      .agent()
      .post(`/api/public/referrals/${tenant.slug}`, gpReferral({ website: 'http://spam.example' }));
    expect(honeypot.statusCode).toBe(400);
    const disguised = await t.agent().post(
      `/api/public/referrals/${tenant.slug}`,
      gpReferral({
        attachments: [
          { filename: 'verslag.pdf', contentBase64: Buffer.from('MZ not really a pdf').toString('base64') },
        ],
      }),
    );
    expect(disguised.statusCode).toBe(400);
    expect(disguised.json().fieldErrors['attachments.0'][0]).toContain('Alleen PDF');
    const after = await t.db.inSystem((tx) => tx.selectFrom('referral').select('id').execute());
    expect(after).toHaveLength(before.length);
  });

  it('keeps a real PDF attachment for the intake desk', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');
    const { reference } = (
      await t
        .agent()
        .post(
          `/api/public/referrals/${tenant.slug}`,
          gpReferral({ attachments: [{ filename: 'brief.pdf', contentBase64: pdf.toString('base64') }] }),
        )
    ).json();
    const id = (await users.desk!.agent.get('/api/referrals'))
      .json()
      .referrals.find((x: { reference: string }) => x.reference === reference).id;
    const view = (await users.desk!.agent.get(`/api/referrals/${id}`)).json();
    expect(view.attachments).toEqual([
      expect.objectContaining({ filename: 'brief.pdf', mediaType: 'application/pdf' }),
    ]);
    const file = await users.desk!.agent.get(`/api/referrals/${id}/attachments/${view.attachments[0].id}`);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(pdf)).toBe(true);
  });

  it('takes a self-referral with "(030) 123 45 67" and house number 12-2, stores them in one form, and confirms in plain Dutch (issue #19 item 5)', async () => {
    const r = await t.agent().post(
      `/api/public/referrals/${tenant.slug}`,
      gpReferral({
        referrerKind: 'self',
        // The form asks name and phone once, as the first resident, and sends them as the referrer too.
        referrer: { name: 'Noor de Wit', phone: '(030) 123 45 67', email: 'noor.dewit@example.org' },
        residents: [
          {
            firstName: 'Noor',
            infix: 'de',
            lastName: 'Wit',
            phone: '(030) 123 45 67',
            street: 'Lindelaan',
            houseNumber: '12',
            houseNumberAddition: '-2',
            postcode: '3512 cd',
            city: 'Voorbeeld',
          },
        ],
        residentAwareness: undefined,
      }),
    );
    expect(r.statusCode).toBe(201);
    const { reference } = r.json();
    const id = (await users.desk!.agent.get('/api/referrals'))
      .json()
      .referrals.find((x: { reference: string }) => x.reference === reference).id;
    const view = (await users.desk!.agent.get(`/api/referrals/${id}`)).json();
    expect(view).toMatchObject({ referrerKind: 'self', referrer: { name: 'Noor de Wit', phone: '0301234567' } });
    expect(view.residents[0]).toMatchObject({
      phone: '0301234567',
      street: 'Lindelaan',
      houseNumber: '12',
      houseNumberAddition: '2',
      postcode: '3512CD',
    });
    // The confirmation to the resident: quoted-printable decoded, then scanned for the jargon residents must not get.
    const mail = received.find((m) => m.to === 'noor.dewit@example.org' && m.raw.includes(reference));
    expect(mail).toBeDefined();
    const text = mail!.raw
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    expect(text).toContain('Beste Noor de Wit');
    expect(findJargon(text)).toEqual([]);
    // Before this change the form refused the number in brackets; a number that is no phone number still is refused.
    const bad = await t.agent().post(
      `/api/public/referrals/${tenant.slug}`,
      gpReferral({
        referrer: { name: 'Dr. A. Huisman', organisation: 'Huisartsenpraktijk De Linde', phone: 'bel mij' },
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fieldErrors['referrer.phone']).toEqual([
      'Vul een geldig telefoonnummer in, bijvoorbeeld 06-12345678 of (030) 123 45 67.',
    ]);
  });
});

describe('team configuration of channels', () => {
  it('a team that accepts only professionals refuses a self-referral; one without the web form is not offered', async () => {
    const admin = await loggedIn('admin', ['functional_admin']);
    const before = (await admin.get('/api/admin/teams')).json().teams.find((x: { id: string }) => x.id === otherTeamId);
    const set = await admin.put(`/api/admin/teams/${otherTeamId}`, {
      acceptsWebReferrals: true,
      acceptsSelfReferrals: false,
      analysisWeeks: 8,
      outreachWeeks: 6,
      version: before.version,
    });
    expect(set.json()).toMatchObject({
      acceptsWebReferrals: true,
      acceptsSelfReferrals: false,
      analysisWeeks: 8,
      outreachWeeks: 6,
    });
    const self = await t.agent().post(
      `/api/public/referrals/${tenant.slug}`,
      gpReferral({
        teamId: otherTeamId,
        referrerKind: 'self',
        referrer: { name: 'Mira Jacobs', phone: '0612345678' },
      }),
    );
    expect(self.statusCode).toBe(400);
    expect(self.json().fieldErrors.referrerKind[0]).toContain('alleen aanmeldingen van professionals');
    await admin.put(`/api/admin/teams/${otherTeamId}`, {
      acceptsWebReferrals: false,
      acceptsSelfReferrals: false,
      analysisWeeks: 8,
      outreachWeeks: 6,
      version: set.json().version,
    });
    const form = (await t.agent().get(`/api/public/referral-form/${tenant.slug}`)).json();
    expect(form.teams.map((x: { id: string }) => x.id)).toEqual([tenant.teamId]);
    expect(
      (await t.agent().post(`/api/public/referrals/${tenant.slug}`, gpReferral({ teamId: otherTeamId }))).statusCode,
    ).toBe(400);
  });
});

describe('who sees referrals', () => {
  it('the intake desk of another team neither lists nor opens them; a volunteer host and a case worker are refused', async () => {
    const id = (await users.desk!.agent.get('/api/referrals')).json().referrals[0].id;
    expect((await users.otherDesk!.agent.get('/api/referrals')).json().referrals).toEqual([]);
    expect((await users.otherDesk!.agent.get(`/api/referrals/${id}`)).statusCode).toBe(404);
    expect((await users.host!.agent.get('/api/referrals')).statusCode).toBe(403);
    expect((await users.worker!.agent.get(`/api/referrals/${id}`)).statusCode).toBe(403);
  });
});

describe('the desk and the volunteer host', () => {
  it('registers a phone referral quickly and a host hand-over in one step; answered questions are only counted', async () => {
    const phone = await users.desk!.agent.post('/api/referrals', {
      teamId: tenant.teamId,
      channel: 'phone',
      referrerKind: 'partner',
      referrer: { organisation: 'Woningcorporatie Thuis', phone: '030-7654321' },
      residents: [{ firstName: 'Henk', lastName: 'Brouwer' }],
      lifeDomains: ['housing', 'finances'],
      question: 'Huurachterstand van drie maanden.',
      idempotencyKey: crypto.randomUUID(),
    });
    expect(phone.statusCode).toBe(201);
    expect(phone.json()).toMatchObject({ channel: 'phone', status: 'new', referrerKind: 'partner' });

    expect(
      (
        await users.host!.agent.post('/api/host-questions', {
          teamId: tenant.teamId,
          category: 'volunteering',
          outcome: 'answered',
        })
      ).statusCode,
    ).toBe(201);
    const handover = await users.host!.agent.post('/api/host-questions', {
      teamId: tenant.teamId,
      category: 'money',
      outcome: 'handed_over',
      handover: {
        firstName: 'Rosa',
        lastName: 'Vos',
        phone: '0611111111',
        question: 'Ik kom niet rond en krijg veel brieven.',
      },
    });
    expect(handover.json().handedOverReference).toMatch(/^AM-/);
    const tally = (await users.host!.agent.get(`/api/host-questions/today?teamId=${tenant.teamId}`)).json().today;
    expect(tally).toEqual(
      expect.arrayContaining([
        { category: 'volunteering', answered: 1, handedOver: 0 },
        { category: 'money', answered: 0, handedOver: 1 },
      ]),
    );
    const inbox = (await users.desk!.agent.get('/api/referrals')).json().referrals;
    expect(
      inbox.some(
        (x: { channel: string; residentNames: string[] }) =>
          x.channel === 'volunteer_handover' && x.residentNames[0] === 'Rosa Vos',
      ),
    ).toBe(true);
  });
});

describe('from referral to case file', () => {
  it('runs the whole intake phase: regiecheck, meeting, decision, letter by e-mail, same-day assignment, Mijn werk', async () => {
    const desk = users.desk!.agent;
    const coordinator = users.coordinator!.agent;
    // A person already known, with a case closed last year, to be found by the regiecheck.
    const known = (
      await desk.post('/api/persons', {
        firstName: 'Sara',
        lastName: 'Kok',
        dateOfBirth: '1985-05-05',
        postcode: '3512AA',
        houseNumber: '3',
      })
    ).json();

    const { reference } = (
      await t.agent().post(
        `/api/public/referrals/${tenant.slug}`,
        gpReferral({
          residents: [
            {
              firstName: 'Sara',
              lastName: 'Kok',
              dateOfBirth: '1985-05-05',
              postcode: '3512 AA',
              houseNumber: '3',
              phone: '0687654321',
            },
          ],
        }),
      )
    ).json();
    const id = (await desk.get('/api/referrals'))
      .json()
      .referrals.find((x: { reference: string }) => x.reference === reference).id;
    let view = (await desk.get(`/api/referrals/${id}`)).json();

    // Not complete before the regiecheck.
    const early = await desk.post(`/api/referrals/${id}/status`, { status: 'complete', version: view.version });
    expect(early.json().code).toBe('referral_incomplete');

    const check = (await desk.get(`/api/referrals/${id}/regiecheck`)).json();
    const resident = check.residents.find((x: { matches: unknown[] }) => x.matches.length > 0);
    expect(resident.matches[0].person.id).toBe(known.id);
    expect(resident.matches[0].matchedOn).toEqual(expect.arrayContaining(['name_and_birth_date', 'address', 'name']));

    const links = view.residents.map((p: { id: string; role: string }) => ({
      referralPersonId: p.id,
      personId: p.id === resident.referralPersonId ? known.id : null,
    }));
    view = (
      await desk.post(`/api/referrals/${id}/regiecheck`, { version: view.version, links, householdId: null })
    ).json();
    expect(view.householdId).not.toBeNull();
    expect(view.regiecheckDoneAt).not.toBeNull();
    expect(view.residents.every((p: { personId: string | null }) => p.personId)).toBe(true);
    view = (await desk.post(`/api/referrals/${id}/status`, { status: 'complete', version: view.version })).json();
    expect(view.status).toBe('complete');

    // The intake meeting.
    const meeting = (
      await coordinator.post('/api/meetings', {
        teamId: tenant.teamId,
        date: new Date().toISOString().slice(0, 10),
        chairUserId: users.coordinator!.id,
        participants: [{ userId: users.desk!.id }, { name: 'J. de Wmo', role: 'Wmo-consulent' }],
      })
    ).json();
    expect(meeting.candidates.map((c: { id: string }) => c.id)).toContain(id);
    let agenda = (await coordinator.post(`/api/meetings/${meeting.id}/items`, { referralId: id })).json();
    expect(agenda.items[0]).toMatchObject({ referralId: id, status: 'on_agenda', decision: null });

    // Meeting participants see it; a case worker who is not a participant does not.
    expect((await users.worker!.agent.get(`/api/meetings/${meeting.id}`)).statusCode).toBe(404);

    const decision = {
      version: agenda.items[0].version,
      triage: {
        situation: 'Schulden en opvoedvragen.',
        lifeDomains: ['finances', 'parenting'],
        multipleProblems: true,
        urgency: 'medium',
        safety: 'Geen acute zorgen over Tim.',
      },
      decision: {
        outcome: 'take_up',
        interventions: 'Schuldhulp en opvoedondersteuning',
        goal: 'Stabiele financiën',
        intendedResult: 'Schuldregeling binnen drie maanden',
        carriedOutBy: 'wijkteam',
        reasoning: 'Meervoudige problematiek.',
        discussedWithResident: true,
      },
    };
    agenda = (await coordinator.post(`/api/meetings/${meeting.id}/items/${id}/decision`, decision)).json();
    expect(agenda.items[0].decision).toMatchObject({ outcome: 'take_up', goal: 'Stabiele financiën' });
    const again = await coordinator.post(`/api/meetings/${meeting.id}/items/${id}/decision`, {
      ...decision,
      version: agenda.items[0].version,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_decided');

    const minutes = await coordinator.get(`/api/meetings/${meeting.id}/minutes.pdf`);
    expect(minutes.headers['content-type']).toBe('application/pdf');
    expect(minutes.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // The feedback letter: drafted from the template, edited, sent once by e-mail with the PDF.
    // The letterhead comes from the team settings: address block, phone number and e-mail address.
    const teamAdmin = await loggedIn('letterheadAdmin', ['functional_admin']);
    const settings = (await teamAdmin.get('/api/admin/teams'))
      .json()
      .teams.find((x: { id: string }) => x.id === tenant.teamId);
    const letterhead = {
      acceptsWebReferrals: settings.acceptsWebReferrals,
      acceptsSelfReferrals: settings.acceptsSelfReferrals,
      analysisWeeks: settings.analysisWeeks,
      outreachWeeks: settings.outreachWeeks,
      postalAddress: 'Postbus 1234\n3500 AB Utrecht',
      contactPhone: '030 123 45 67',
      contactEmail: 'wijkteam@example.org',
      version: settings.version,
    };
    const wrong = await teamAdmin.put(`/api/admin/teams/${tenant.teamId}`, { ...letterhead, contactPhone: 'bel ons' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().fieldErrors.contactPhone[0]).toContain('Vul een telefoonnummer in');
    const saved = await teamAdmin.put(`/api/admin/teams/${tenant.teamId}`, letterhead);
    expect(saved.json()).toMatchObject({
      postalAddress: 'Postbus 1234\n3500 AB Utrecht',
      contactPhone: '030 123 45 67',
      contactEmail: 'wijkteam@example.org',
      evaluationWeeks: 13,
    });
    const draft = (await desk.get(`/api/referrals/${id}/letter-draft`)).json();
    expect(draft.kind).toBe('decision_take_up');
    // Neutral wording: never "Hij of zij".
    expect(draft.body).not.toMatch(/hij of zij/i);
    expect(draft.body).toContain('Deze contactpersoon neemt contact op');
    expect(draft.body).toContain('Dr. A. Huisman');
    expect(draft.body).toContain('het team pakt de hulp op');
    const key = crypto.randomUUID();
    const before = received.length;
    const sendBody = {
      kind: draft.kind,
      subject: draft.subject,
      body: `${draft.body}\n\nPS: wij bellen u deze week.`,
      idempotencyKey: key,
    };
    const sent = await desk.post(`/api/referrals/${id}/letters`, sendBody);
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({ status: 'sent', to: 'huisarts@example.org' });
    expect((await desk.post(`/api/referrals/${id}/letters`, sendBody)).json().id).toBe(sent.json().id);
    const mails = received.slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.raw).toContain('application/pdf');
    expect(mails[0]!.raw).toContain(`${reference}-terugkoppeling.pdf`);
    const letterPdf = await desk.get(`/api/letters/${sent.json().id}/pdf`);
    expect(letterPdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Accessible (PDF/UA-1, ADR 0053): tagged, Dutch, titled with the subject; sender block, subject, then the body.
    const letter = readPdfStructure(letterPdf.rawPayload);
    expect(accessibilityProblems(letter, draft.subject)).toEqual([]);
    const sender = indexOfElement(letter, 'P', 'Postbus 1234 3500 AB Utrecht');
    expect(letter.elements[sender]!.text).toContain('Telefoon: 030 123 45 67');
    expect(letter.elements[sender]!.text).toContain('E-mail: wijkteam@example.org');
    const subject = indexOfElement(letter, 'H1', draft.subject);
    const ps = indexOfElement(letter, 'P', 'PS: wij bellen u deze week.');
    expect([sender > 0, sender < subject, subject < ps]).toEqual([true, true, true]);
    expect(letter.artifactText.join(' ')).toContain(`${reference} · pagina 1 van 1`);

    // The assignment meeting: the same day, no breach of the norm; assigning opens the case file.
    const overview = (await coordinator.get(`/api/assignments?teamId=${tenant.teamId}`)).json();
    const waiting = overview.waiting.find((w: { referralId: string }) => w.referralId === id);
    expect(waiting).toMatchObject({ waitingDays: 0, breachesNorm: false });
    expect(overview.workers.map((w: { userId: string }) => w.userId)).toContain(users.worker!.id);
    const admin = await loggedIn('expertiseAdmin', ['functional_admin']);
    const account = (await admin.get('/api/admin/users'))
      .json()
      .users.find((u: { id: string }) => u.id === users.worker!.id);
    expect(
      (
        await admin.put(`/api/admin/users/${users.worker!.id}/expertise`, {
          expertise: ['schulden', 'opvoeding'],
          version: account.version,
        })
      ).json().expertise,
    ).toEqual(['schulden', 'opvoeding']);
    const withExpertise = (await coordinator.get(`/api/assignments?teamId=${tenant.teamId}`)).json();
    expect(withExpertise.workers.find((w: { userId: string }) => w.userId === users.worker!.id).expertise).toEqual([
      'schulden',
      'opvoeding',
    ]);

    const noConsent = await coordinator.post(`/api/referrals/${id}/assignment`, {
      version: waiting.version,
      caseWorkerId: users.worker!.id,
      consent: 'none',
    });
    expect(noConsent.statusCode).toBe(400);
    expect(Object.keys(noConsent.json().fieldErrors)).toEqual(
      expect.arrayContaining(['legalBasis', 'reasonWithoutConsent']),
    );
    const assigned = await coordinator.post(`/api/referrals/${id}/assignment`, {
      version: waiting.version,
      caseWorkerId: users.worker!.id,
      consent: 'verbal',
      consentDate: new Date().toISOString().slice(0, 10),
    });
    expect(assigned.statusCode).toBe(201);
    expect(
      (
        await coordinator.post(`/api/referrals/${id}/assignment`, {
          version: Number(waiting.version) + 1,
          caseWorkerId: users.worker!.id,
          consent: 'verbal',
          consentDate: '2026-01-01',
        })
      ).json().code,
    ).toBe('already_assigned');

    const mine = (await users.worker!.agent.get('/api/cases/mine')).json().cases;
    expect(mine).toEqual([
      expect.objectContaining({
        id: assigned.json().caseId,
        reference,
        phase: 'analysis',
        myRole: 'case_worker',
        primaryPersonId: known.id,
      }),
    ]);

    const logged = await t.db.inSystem((tx) =>
      tx.selectFrom('access_log').select(['event']).where('case_id', '=', assigned.json().caseId).execute(),
    );
    expect(logged.map((l) => l.event)).toContain('case_file.opened');
  });

  it('closes a referral without a case when advice suffices, with the letter to the referrer', async () => {
    const desk = users.desk!.agent;
    const coordinator = users.coordinator!.agent;
    const { reference } = (await t.agent().post(`/api/public/referrals/${tenant.slug}`, gpReferral())).json();
    const id = (await desk.get('/api/referrals'))
      .json()
      .referrals.find((x: { reference: string }) => x.reference === reference).id;
    let view = (await desk.get(`/api/referrals/${id}`)).json();
    view = (
      await desk.post(`/api/referrals/${id}/regiecheck`, {
        version: view.version,
        links: view.residents.map((p: { id: string }) => ({ referralPersonId: p.id, personId: null })),
        householdId: null,
      })
    ).json();
    view = (await desk.post(`/api/referrals/${id}/status`, { status: 'complete', version: view.version })).json();
    const meeting = (
      await coordinator.post('/api/meetings', {
        teamId: tenant.teamId,
        date: '2026-11-23',
        chairUserId: users.coordinator!.id,
        participants: [],
      })
    ).json();
    const agenda = (await coordinator.post(`/api/meetings/${meeting.id}/items`, { referralId: id })).json();
    // Before a decision the desk must give a reason to close (issue #17 item 5).
    const closeEarly = await desk.post(`/api/referrals/${id}/close`, { version: agenda.items[0].version });
    expect(closeEarly.json().fieldErrors.reason).toEqual(['Kies de reden van afsluiten.']);
    await coordinator.post(`/api/meetings/${meeting.id}/items/${id}/decision`, {
      version: agenda.items[0].version,
      triage: {
        situation: 'Vraag over budgetteren.',
        lifeDomains: ['finances'],
        multipleProblems: false,
        urgency: 'low',
        safety: 'Veilig.',
      },
      decision: {
        outcome: 'advice',
        reasoning: 'De budgetcursus in het buurthuis past goed.',
        discussedWithResident: true,
      },
    });
    const draft = (await desk.get(`/api/referrals/${id}/letter-draft`)).json();
    expect(draft.kind).toBe('decision_advice');
    const letter = await desk.post(`/api/referrals/${id}/letters`, {
      kind: draft.kind,
      subject: draft.subject,
      body: draft.body,
      idempotencyKey: crypto.randomUUID(),
    });
    expect(letter.json().status).toBe('sent');
    view = (await desk.get(`/api/referrals/${id}`)).json();
    const closed = await desk.post(`/api/referrals/${id}/close`, { version: view.version });
    expect(closed.json()).toMatchObject({
      status: 'closed',
      caseId: null,
      letters: [expect.objectContaining({ kind: 'decision_advice', status: 'sent' })],
    });
    expect(
      (
        await coordinator.post(`/api/referrals/${id}/assignment`, {
          version: closed.json().version,
          caseWorkerId: users.worker!.id,
          consent: 'verbal',
          consentDate: '2026-11-23',
        })
      ).json().code,
    ).toBe('not_decided');
  });
});
