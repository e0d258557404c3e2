import type { CaseOverview, PlanPageView } from '@nabij/contracts';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { alertItems, goalProgress, nextDeadline, planStatusText, todoItems, zrmTrends } from './case-overview';
import { caseSections, sectionHref, sectionOfAnchor, sectionOfPath } from './case-sections';
import {
  AlertsCard,
  CaseSummary,
  PeopleCard,
  PlanCard,
  RecentContactsCard,
  TodoCard,
  ZrmTrendCard,
} from './CaseOverviewParts';

const html = (element: ReactElement) => renderToStaticMarkup(<MemoryRouter>{element}</MemoryRouter>);
const text = (element: ReactElement) =>
  html(element)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

const TODAY = '2026-12-07';

function overview(over: Partial<CaseOverview> = {}): CaseOverview {
  return {
    id: 'case-1',
    version: 1,
    reference: 'AM-2026-00042',
    teamName: 'Wijkteam Noord',
    phase: 'execution',
    openedAt: '2026-09-01T09:00:00.000Z',
    analysisDeadline: '2026-10-01',
    analysisOverdue: false,
    caseWorker: { id: 'w1', name: 'Sanne de Boer' },
    tandem: null,
    questionDomains: ['finances', 'housing'],
    helpQuestion: 'Mevrouw heeft schulden en dreigt haar huis te verliezen.',
    language: { interpreterNeeded: true, languages: ['Arabisch'] },
    household: {
      id: 'h1',
      name: 'Huishouden De Vries',
      members: [
        { id: 'p1', fullName: 'Petra de Vries', relation: 'head', age: 38, isMinor: false },
        { id: 'p2', fullName: 'Lotte de Vries', relation: 'child', age: 9, isMinor: true },
      ],
    },
    hasMinors: true,
    network: [
      {
        id: 'n1',
        name: 'Oma Jansen',
        relationType: 'family',
        relationNote: null,
        quality: 'supportive',
        contactFrequency: 'weekly',
        keyFigure: true,
        phone: null,
      },
    ],
    professionals: [
      {
        id: 'x1',
        organisation: 'Schuldhulp Voorbeeld',
        name: 'Ahmed Ouali',
        role: null,
        phone: null,
        email: null,
        consentToShare: false,
      },
      { id: 'x2', organisation: 'Huisarts', name: null, role: null, phone: null, email: null, consentToShare: true },
    ],
    zrm: [],
    participation: [],
    childSafety: [],
    childSafetyRequired: true,
    meldcodeSuggested: false,
    meldcode: null,
    outreach: { attempts: [], flaggedForTeam: false },
    consents: [],
    openTasks: [
      {
        id: 't1',
        kind: 'manual',
        title: 'Bellen',
        dueOn: '2026-12-01',
        overdue: true,
        dueToday: false,
        assigneeName: null,
        version: 1,
      },
      {
        id: 't2',
        kind: 'manual',
        title: 'Brief',
        dueOn: '2026-12-10',
        overdue: false,
        dueToday: false,
        assigneeName: null,
        version: 1,
      },
    ],
    recentContacts: [
      {
        id: 'c1',
        kind: 'home_visit',
        contactOn: '2026-12-05',
        note: 'Keuken opgeruimd.',
        recordedByName: 'Sanne de Boer',
      },
      { id: 'c2', kind: 'phone', contactOn: '2026-12-04', note: 'Gebeld.', recordedByName: 'Sanne de Boer' },
      { id: 'c3', kind: 'phone', contactOn: '2026-12-03', note: 'Derde.', recordedByName: 'Sanne de Boer' },
      {
        id: 'c4',
        kind: 'phone',
        contactOn: '2026-12-02',
        note: 'Vierde, niet op het overzicht.',
        recordedByName: 'Sanne de Boer',
      },
    ],
    timeline: [],
    ...over,
  };
}

const zrm = (
  id: string,
  personId: string,
  personName: string,
  assessedOn: string,
  scores: [string, number][],
): CaseOverview['zrm'][number] => ({
  id,
  personId,
  personName,
  instrument: 'zrm2017',
  kind: 'start',
  assessedOn,
  recordedByName: 'Sanne de Boer',
  version: 1,
  scores: scores.map(([domain, score]) => ({ domain, score, note: null, outOfScopeReason: null })),
});

describe('what needs doing', () => {
  it('lists open tasks with the overdue count, an evaluation due within two weeks, missing consent and the child-safety assessment', () => {
    const items = todoItems(overview(), { phase: 'execution', nextEvaluationDue: '2026-12-15' }, TODAY);
    expect(items.map((i) => [i.key, i.to, i.urgent])).toEqual([
      ['tasks', 'taken', true],
      ['evaluation', 'evaluatie', false],
      ['child-safety', 'veiligheid', true],
      ['consent', 'toestemmingen', false],
    ]);
    expect(items[0]?.text).toBe('2 open taken, waarvan 1 te laat');
    expect(items[3]?.text).toBe('Geen toestemming om gegevens te delen met Schuldhulp Voorbeeld');
  });

  it('says an evaluation is late, and leaves out one that is far off', () => {
    expect(
      todoItems(overview(), { phase: 'execution', nextEvaluationDue: '2026-12-01' }, TODAY).find(
        (i) => i.key === 'evaluation',
      ),
    ).toMatchObject({ urgent: true, text: expect.stringContaining('te laat') as string });
    expect(
      todoItems(overview(), { phase: 'execution', nextEvaluationDue: '2027-02-01' }, TODAY).some(
        (i) => i.key === 'evaluation',
      ),
    ).toBe(false);
  });

  it('is empty when nothing is open', () => {
    const calm = overview({ openTasks: [], professionals: [], childSafetyRequired: false });
    expect(todoItems(calm, undefined, TODAY)).toEqual([]);
    expect(text(<TodoCard caseId="case-1" items={[]} />)).toContain('Er staat niets open.');
  });

  it('links each item to its section of the case', () => {
    const markup = html(<TodoCard caseId="case-1" items={todoItems(overview(), undefined, TODAY)} />);
    expect(markup).toContain('href="/dossiers/case-1/taken"');
    expect(markup).toContain('href="/dossiers/case-1/veiligheid"');
    expect(markup).toContain('<strong>2 open taken, waarvan 1 te laat</strong>');
  });
});

describe('alerts', () => {
  it('shows the interpreter with the language and the minors by name', () => {
    const items = alertItems(overview(), 'Tolk nodig (Arabisch)');
    expect(items.map((i) => i.text)).toEqual([
      'Tolk nodig (Arabisch)',
      'Minderjarigen in het huishouden: Lotte de Vries',
    ]);
    expect(text(<AlertsCard caseId="case-1" items={items} />)).toContain('Let op');
  });

  it('shows the Meldcode only to those allowed to know (meldcode is null for everyone else)', () => {
    expect(
      alertItems(overview({ meldcode: null, meldcodeSuggested: true }), null).some((i) => i.key === 'meldcode'),
    ).toBe(false);
    expect(
      alertItems(overview({ meldcode: [], meldcodeSuggested: true }), null).find((i) => i.key === 'meldcode')?.text,
    ).toBe('Overweeg de Meldcode te starten');
    expect(
      alertItems(overview({ meldcode: [{ id: 'm1', status: 'open', startedOn: '2026-11-01' }] }), null).find(
        (i) => i.key === 'meldcode',
      )?.text,
    ).toBe('Meldcode: er loopt een afwegingsproces');
  });

  it('renders nothing without alerts', () => {
    expect(html(<AlertsCard caseId="case-1" items={[]} />)).toBe('');
  });
});

describe('summary and deadline', () => {
  it('gives the analysis deadline in analysis and the next evaluation in execution', () => {
    expect(nextDeadline(overview({ phase: 'analysis', analysisOverdue: true }), undefined, TODAY)).toEqual({
      text: 'Einde analysefase was 1 oktober 2026 (verlopen)',
      overdue: true,
    });
    expect(nextDeadline(overview(), { phase: 'execution', nextEvaluationDue: '2027-01-10' }, TODAY)).toEqual({
      text: 'Evaluatie uiterlijk 10 januari 2027',
      overdue: false,
    });
    expect(nextDeadline(overview({ phase: 'closed' }), { phase: 'closed', nextEvaluationDue: null }, TODAY).text).toBe(
      'Geen termijn.',
    );
  });

  it('shows the help question, its domains, the phase and the contact person', () => {
    const shown = text(
      <CaseSummary
        overview={overview({ tandem: { id: 'w2', name: 'Lisa Jansen' } })}
        deadline={{ text: 'Evaluatie uiterlijk 10 januari 2027', overdue: false }}
      />,
    );
    expect(shown).toContain('Mevrouw heeft schulden en dreigt haar huis te verliezen.');
    expect(shown).toContain('Financiën en Huisvesting');
    expect(shown).toContain('Sanne de Boer (tandem: Lisa Jansen)');
    expect(shown).toContain('AM-2026-00042');
    expect(
      text(<CaseSummary overview={overview({ helpQuestion: null })} deadline={{ text: '', overdue: false }} />),
    ).toContain('Geen hulpvraag vastgelegd.');
  });
});

describe('last contacts, plan, ZRM and people', () => {
  it('shows the last three contacts and a link to the whole journaal', () => {
    const shown = text(<RecentContactsCard overview={overview()} />);
    expect(shown).toContain('Keuken opgeruimd.');
    expect(shown).toContain('Derde.');
    expect(shown).not.toContain('Vierde');
    expect(html(<RecentContactsCard overview={overview()} />)).toContain('href="/dossiers/case-1/journaal"');
  });

  it('counts the done actions per goal (stopped ones not) and says where the plan stands', () => {
    let n = 0;
    const action = (status: 'open' | 'done' | 'stopped') => ({
      id: `${status}-${(n += 1)}`,
      description: 'x',
      performer: null,
      performerName: null,
      service: null,
      dueOn: null,
      status,
      progressNote: null,
    });
    const plan = {
      id: 'plan-1',
      versions: [
        {
          number: 1,
          status: 'agreed',
          startsOn: '2026-10-01',
          changeReason: null,
          agreedOn: '2026-10-02',
          createdAt: '2026-10-01T00:00:00Z',
        },
      ],
      current: {
        goals: [
          {
            id: 'g1',
            domain: 'finances',
            goal: 'Schulden op orde',
            actions: [action('done'), action('open'), action('stopped')],
          },
          { id: 'g2', domain: 'housing', goal: 'Huis houden', actions: [] },
        ],
      },
    } as unknown as PlanPageView['plan'];
    const goals = goalProgress(plan);
    expect(goals.map((g) => [g.done, g.total])).toEqual([
      [1, 2],
      [0, 0],
    ]);
    expect(planStatusText(plan)).toBe('Plan: versie 1 is op 2 oktober 2026 afgesproken met het huishouden.');
    expect(planStatusText(null)).toBe('Plan: er is nog geen plan.');
    const shown = text(<PlanCard caseId="case-1" status={planStatusText(plan)} goals={goals} />);
    expect(shown).toContain('Schulden op orde');
    expect(shown).toContain('1 van 2 acties klaar');
    expect(shown).toContain('nog geen acties');
  });

  it('gives each person a small ZRM trend: averages and the domains that moved since the previous measurement', () => {
    const trends = zrmTrends([
      zrm('a2', 'p1', 'Petra de Vries', '2026-11-01', [
        ['finances', 3],
        ['housing', 2],
        ['time_use', 4],
      ]),
      zrm('a1', 'p1', 'Petra de Vries', '2026-09-10', [
        ['finances', 2],
        ['housing', 3],
        ['time_use', 4],
      ]),
      zrm('b1', 'p2', 'Lotte de Vries', '2026-09-10', [['finances', 5]]),
    ]);
    expect(
      trends.map((z) => [
        z.personName,
        z.previous?.average ?? null,
        z.latest.average,
        z.better,
        z.worse,
        z.averages.length,
      ]),
    ).toEqual([
      ['Petra de Vries', 3, 3, 1, 1, 2],
      ['Lotte de Vries', null, 5, 0, 0, 1],
    ]);
    const shown = text(<ZrmTrendCard caseId="case-1" trends={trends} />);
    expect(shown).toContain('Petra de Vries: gemiddeld 3,0 → 3,0 (1 beter, 1 slechter)');
    expect(shown).toContain('Lotte de Vries: gemiddeld 5,0 op 10 september 2026 (1 leefgebieden)');
    expect(html(<ZrmTrendCard caseId="case-1" trends={trends} />)).toContain('aria-hidden="true"');
    expect(text(<ZrmTrendCard caseId="case-1" trends={[]} />)).toContain('Nog geen ZRM gemeten.');
  });

  it('lists the people involved: contact person, household with minors marked, professionals, key figures', () => {
    const shown = text(<PeopleCard overview={overview()} />);
    expect(shown).toContain('Contactpersoon: Sanne de Boer');
    expect(shown).toContain('Lotte de Vries minderjarig');
    expect(shown).toContain('Schuldhulp Voorbeeld (Ahmed Ouali) en Huisarts');
    expect(shown).toContain('Sleutelfiguren netwerk: Oma Jansen');
  });
});

describe('sections and their addresses', () => {
  it('offers child safety only with minors or a visible Meldcode, and a process coordinator only the overview, household and plan', () => {
    expect(caseSections({ hasMinors: false, meldcode: null }, false).map((s) => s.path)).not.toContain('veiligheid');
    expect(caseSections({ hasMinors: true, meldcode: null }, false).map((s) => s.path)).toContain('veiligheid');
    expect(caseSections({ hasMinors: false, meldcode: [] }, false).map((s) => s.path)).toContain('veiligheid');
    expect(caseSections({ hasMinors: true, meldcode: null }, true).map((s) => s.path)).toEqual([
      '',
      'huishouden',
      'plan',
    ]);
  });

  it('maps addresses and the old anchors of the one-page case file', () => {
    expect(sectionHref('a b', '')).toBe('/dossiers/a%20b');
    expect(sectionHref('x', 'journaal')).toBe('/dossiers/x/journaal');
    expect(sectionOfPath('/dossiers/x')).toBe('');
    expect(sectionOfPath('/dossiers/x/zrm')).toBe('zrm');
    expect(sectionOfPath('/dossiers/x/zrm/nieuw')).toBeUndefined();
    expect(sectionOfAnchor('#netwerk')).toBe('huishouden');
    expect(sectionOfAnchor('#meldcode')).toBe('veiligheid');
    expect(sectionOfAnchor('#overleg')).toBe('overleg');
    expect(sectionOfAnchor('#onbekend')).toBeUndefined();
  });
});
