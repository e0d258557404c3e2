import type { CaseOverview } from '@nabij/contracts';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AnalysisConclusionSection, NetworkMeetingsSection } from './ConclusionAndMeetingSections';
import { todoItems } from './case-overview';

const text = (element: ReactElement) =>
  renderToStaticMarkup(<MemoryRouter>{element}</MemoryRouter>)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

const base = {
  id: 'case-1',
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
      id: 'p1',
      organisation: 'Basisschool De Wilg',
      name: null,
      role: null,
      phone: null,
      email: null,
      consentToShare: false,
    },
  ],
} as unknown as CaseOverview;
const noop = () => undefined;

describe("the analysis' conclusion section", () => {
  it('says there is no conclusion yet and offers to record one', () => {
    const out = text(<AnalysisConclusionSection overview={{ ...base, analysisConclusion: null }} onChanged={noop} />);
    expect(out).toContain('Er is nog geen conclusie vastgelegd.');
    expect(out).toContain('Conclusie vastleggen');
  });

  it('shows the three texts, who recorded them, and the earlier versions', () => {
    const at = '2026-12-07T10:00:00.000Z';
    const out = text(
      <AnalysisConclusionSection
        overview={{
          ...base,
          analysisConclusion: {
            version: 2,
            questionBehind: 'Weer grip op het geld',
            workingHypothesis: 'Schulden houden de spanning hoog',
            sustainingFactors: null,
            recordedAt: at,
            recordedByName: 'Sanne de Boer',
            history: [
              {
                version: 1,
                questionBehind: 'Eerste versie',
                workingHypothesis: null,
                sustainingFactors: null,
                recordedAt: at,
                recordedByName: 'Ahmed Yilmaz',
              },
            ],
          },
        }}
        onChanged={noop}
      />,
    );
    expect(out).toContain('De vraag achter de vraag Weer grip op het geld');
    expect(out).toContain('Werkhypothese Schulden houden de spanning hoog');
    expect(out).toContain('Vastgelegd door Sanne de Boer');
    expect(out).toContain('Eerdere versies (1)');
    expect(out).toContain('Vastgelegd door Ahmed Yilmaz');
    expect(out).toContain('Conclusie wijzigen');
  });
});

describe('the network meeting section', () => {
  it('shows a held Eigen Kracht-conferentie with its plan, the invited by name and the way to the plan', () => {
    const out = text(
      <NetworkMeetingsSection
        overview={{
          ...base,
          networkMeetings: [
            {
              id: 'm1',
              version: 3,
              kind: 'family_group_conference',
              status: 'plan_received',
              plannedOn: '2026-12-01',
              heldOn: '2026-12-01',
              planReceivedOn: '2026-12-03',
              cancelReason: null,
              note: null,
              invitedNetworkPersonIds: ['n1'],
              invitedProfessionalIds: [],
              invitedNames: ['Oma Jansen'],
              updatedAt: '2026-12-03T10:00:00.000Z',
              updatedByName: 'Sanne de Boer',
            },
          ],
        }}
        onChanged={noop}
      />,
    );
    expect(out).toContain('Eigen Kracht-conferentie: Plan ontvangen');
    expect(out).toContain('Uitgenodigd Oma Jansen');
    expect(out).toContain('Naar het plan');
    expect(out).toContain('Wijzigen of afzeggen');
  });

  it('says when there is no meeting yet', () => {
    const out = text(<NetworkMeetingsSection overview={{ ...base, networkMeetings: [] }} onChanged={noop} />);
    expect(out).toContain('Er is nog geen netwerkberaad of Eigen Kracht-conferentie.');
  });
});

describe("the overview's what needs doing", () => {
  const meeting = (status: 'planned' | 'held' | 'plan_received', plannedOn: string) => ({
    id: `m-${status}`,
    version: 1,
    kind: 'network_meeting' as const,
    status,
    plannedOn,
    heldOn: status === 'planned' ? null : plannedOn,
    planReceivedOn: null,
    cancelReason: null,
    note: null,
    invitedNetworkPersonIds: [],
    invitedProfessionalIds: [],
    invitedNames: [],
    updatedAt: '2026-12-01T10:00:00.000Z',
    updatedByName: 'Sanne de Boer',
  });
  const todo = (meetings: ReturnType<typeof meeting>[]) =>
    todoItems(
      {
        openTasks: [],
        professionals: [],
        childSafetyRequired: false,
        phase: 'analysis',
        analysisDeadline: null,
        analysisOverdue: false,
        outreach: { attempts: [], flaggedForTeam: false },
        networkMeetings: meetings,
      },
      undefined,
      '2026-12-07',
    ).filter((i) => i.key.startsWith('meeting-'));

  it('asks to record a planned meeting whose date has passed, and names a held meeting without a plan', () => {
    expect(todo([meeting('planned', '2026-12-01'), meeting('held', '2026-12-02')]).map((i) => i.text)).toEqual([
      'Netwerkberaad van 1 december 2026: leg vast of het is gehouden',
      'Netwerkberaad gehouden: het plan van het netwerk is er nog niet',
    ]);
  });

  it('says nothing of a meeting still to come or one whose plan came in', () => {
    expect(todo([meeting('planned', '2026-12-20'), meeting('plan_received', '2026-12-01')])).toEqual([]);
  });
});
