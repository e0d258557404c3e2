import { meldcodeDecisionInput, recordZrmRequest } from '@nabij/contracts';
import { describe, expect, it } from 'vitest';
import {
  deadlineText,
  ecogramVersion,
  lastTwo,
  newestFirst,
  rungLabel,
  zrmDomainLabel,
  zrmHistories,
  zrmLevelLabel,
  type ZrmAssessment,
} from './case-format';
import {
  emptyMeldcodeDecision,
  toMeldcodeDecisionInput,
  visibleQuestions,
  weighingAdvice,
  withMeldcodeMessages,
} from './meldcode-form';
import { radarGeometry, radarPoint } from './radar-chart';
import {
  defaultKind,
  emptyZrmForm,
  levelForKey,
  orderedDomains,
  scoreIndex,
  toRecordZrmInput,
  zrmFormIssues,
} from './zrm-form';

const PERSON = '7f0b6f5e-3c1a-4c57-9d8e-2a1b3c4d5e6f';

describe('radar chart geometry', () => {
  it('puts the first axis straight up and goes clockwise', () => {
    expect(radarPoint(0, 4, 5, { size: 200, margin: 0, max: 5 })).toEqual({ x: 100, y: 0 });
    expect(radarPoint(1, 4, 5, { size: 200, margin: 0, max: 5 })).toEqual({ x: 200, y: 100 });
    expect(radarPoint(2, 4, 0, { size: 200, margin: 0, max: 5 })).toEqual({ x: 100, y: 100 });
  });

  it('scales a level to its share of the radius and clamps outside values', () => {
    expect(radarPoint(0, 4, 2.5, { size: 200, margin: 50, max: 5 })).toEqual({ x: 100, y: 75 });
    expect(radarPoint(0, 4, 9, { size: 200, margin: 50, max: 5 })).toEqual({ x: 100, y: 50 });
  });

  it('draws five rings, one polygon per series, and no dot for a missing score', () => {
    const g = radarGeometry(
      ['a', 'b', 'c'],
      [
        [1, 2, null],
        [3, 4, 5],
      ],
    );
    expect(g.rings).toHaveLength(5);
    expect(g.series).toHaveLength(2);
    expect(g.series[0]?.dots[2]).toBeNull();
    expect(g.series[1]?.points.split(' ')).toHaveLength(3);
    expect(g.axes.map((a) => a.anchor)).toEqual(['middle', 'start', 'end']);
  });
});

describe('ZRM form', () => {
  it('lists the help question’s domains first and maps them onto ZRM 2013', () => {
    const order = orderedDomains('zrm2017', ['housing', 'finances']);
    expect(order.slice(0, 3)).toEqual([
      { domain: 'finances', inQuestion: true },
      { domain: 'housing', inQuestion: true },
      { domain: 'work_education', inQuestion: false },
    ]);
    expect(order).toHaveLength(13);
    expect(orderedDomains('zrm2013', ['substance_use'])[0]).toEqual({ domain: 'addiction', inQuestion: true });
  });

  it('starts with a start measurement and then interim ones', () => {
    expect(defaultKind([], PERSON)).toBe('start');
    expect(defaultKind([{ personId: PERSON }], PERSON)).toBe('interim');
  });

  it('maps digit keys to levels and 0 to "niet besproken"', () => {
    expect(levelForKey('3')).toBe('3');
    expect(levelForKey('0')).toBe('');
    expect(levelForKey('7')).toBeUndefined();
    expect(levelForKey('a')).toBeUndefined();
  });

  it('sends only scored domains and asks one reason for those outside the question', () => {
    const order = orderedDomains('zrm2017', ['housing']);
    const values = emptyZrmForm(PERSON, 'start', '2026-01-05');
    values.rows.housing = { score: '2', note: '', outOfScopeReason: '' };
    values.rows.justice = { score: '4', note: 'Oude zaak', outOfScopeReason: '' };
    const input = toRecordZrmInput(values, order);
    expect(input.scores.map((s) => [s.domain, s.score])).toEqual([
      ['housing', 2],
      ['justice', 4],
    ]);
    expect(scoreIndex(values, order, 'justice')).toBe(1);
    expect(scoreIndex(values, order, 'finances')).toBe(-1);
    expect(zrmFormIssues(values, order).map((i) => i.path.join('.'))).toEqual(['outOfScopeReason']);
    // One reason covers every scored domain outside the question (issue #17 item 11).
    values.rows.finances = { score: '3', note: '', outOfScopeReason: '' };
    expect(zrmFormIssues(values, order)).toHaveLength(1);
    values.outOfScopeReason = 'Reclassering vroeg ernaar; boete raakt de financiën';
    expect(zrmFormIssues(values, order)).toEqual([]);
    const parsed = recordZrmRequest.safeParse(toRecordZrmInput(values, order));
    expect(parsed.success).toBe(true);
    expect(parsed.data?.scores.filter((s) => s.domain !== 'housing').map((s) => s.outOfScopeReason)).toEqual([
      'Reclassering vroeg ernaar; boete raakt de financiën',
      'Reclassering vroeg ernaar; boete raakt de financiën',
    ]);
  });

  it('refuses a measurement without scores', () => {
    const order = orderedDomains('zrm2017', []);
    const parsed = recordZrmRequest.safeParse(toRecordZrmInput(emptyZrmForm(PERSON, 'start', '2026-01-05'), order));
    expect(parsed.success).toBe(false);
  });
});

describe('Meldcode decision', () => {
  it('shows the afwegingskader questions one by one', () => {
    const v = emptyMeldcodeDecision();
    expect(visibleQuestions(v)).toEqual(['suspicion']);
    expect(visibleQuestions({ ...v, suspicion: 'yes' })).toEqual(['suspicion', 'acuteOrStructuralUnsafety']);
    expect(visibleQuestions({ ...v, suspicion: 'yes', acuteOrStructuralUnsafety: 'yes' })).toHaveLength(2);
    expect(
      visibleQuestions({
        ...v,
        suspicion: 'yes',
        acuteOrStructuralUnsafety: 'no',
        helpPossible: 'yes',
        helpAccepted: 'yes',
      }),
    ).toHaveLength(5);
  });

  it('points to reporting with acute unsafety and to closing without suspicion', () => {
    const v = emptyMeldcodeDecision();
    expect(weighingAdvice({ ...v, suspicion: 'no' })).toBe('close');
    expect(weighingAdvice({ ...v, suspicion: 'yes', acuteOrStructuralUnsafety: 'yes' })).toBe('report');
    expect(weighingAdvice({ ...v, suspicion: 'yes', acuteOrStructuralUnsafety: 'no', helpPossible: 'no' })).toBe(
      'report',
    );
    expect(
      weighingAdvice({
        ...v,
        suspicion: 'yes',
        acuteOrStructuralUnsafety: 'no',
        helpPossible: 'yes',
        helpAccepted: 'yes',
      }),
    ).toBe('help');
  });

  it('sends only the questions asked and requires a follow-up date when reporting', () => {
    const v = {
      ...emptyMeldcodeDecision(),
      suspicion: 'yes' as const,
      acuteOrStructuralUnsafety: 'yes' as const,
      helpPossible: 'yes' as const,
      weighing: 'Acuut',
      reportToVeiligThuis: 'yes' as const,
      provideOrOrganiseHelp: 'no' as const,
      consentAsked: 'no' as const,
    };
    const input = toMeldcodeDecisionInput(v);
    expect(input.helpPossible).toBeUndefined();
    const parsed = meldcodeDecisionInput.safeParse(input);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'))).toEqual(['followUpOn']);
    expect(meldcodeDecisionInput.safeParse({ ...input, followUpOn: '2026-02-01' }).success).toBe(true);
  });

  it('explains unanswered yes/no questions in Dutch', () => {
    const parsed = meldcodeDecisionInput.safeParse(toMeldcodeDecisionInput(emptyMeldcodeDecision()));
    const issues = parsed.success ? [] : withMeldcodeMessages(parsed.error.issues);
    expect(issues.find((i) => i.path[0] === 'suspicion')?.message).toBe('Kies ja of nee.');
  });
});

describe('case file labels', () => {
  it('has Dutch labels for domains, levels and rungs', () => {
    expect(zrmDomainLabel('work_education')).toBe('Werk & opleiding');
    expect(zrmDomainLabel('adl')).toBe('Activiteiten dagelijks leven (ADL)');
    expect(zrmLevelLabel(1)).toBe('1 Acute problematiek');
    expect(rungLabel(5)).toBe('5 Betaald werk met ondersteuning');
  });

  it('marks an overdue deadline in text', () => {
    expect(deadlineText('2026-10-13', true)).toBe('13 oktober 2026 (termijn verstreken)');
    expect(deadlineText('2026-10-13', false)).toBe('13 oktober 2026');
    expect(deadlineText(null, false)).toBe('Geen termijn');
  });

  it('builds one table per person with a column per measurement, oldest first', () => {
    const a = (id: string, kind: 'start' | 'interim', on: string, scores: [string, number][]): ZrmAssessment => ({
      id,
      personId: PERSON,
      personName: 'Petra',
      instrument: 'zrm2017',
      kind,
      assessedOn: on,
      recordedByName: 'Sanne',
      version: 1,
      scores: scores.map(([domain, score]) => ({ domain, score, note: null, outOfScopeReason: null })),
    });
    const [history] = zrmHistories(
      [
        a('b', 'interim', '2026-03-01', [['housing', 3]]),
        a('a', 'start', '2026-03-01', [
          ['finances', 2],
          ['housing', 1],
        ]),
      ],
      ['finances', 'housing'],
    );
    expect(history?.columns.map((c) => c.id)).toEqual(['a', 'b']);
    expect(history?.rows).toEqual([
      { domain: 'finances', scores: [2, null] },
      { domain: 'housing', scores: [1, 3] },
    ]);
    expect(history ? lastTwo(history).map((c) => c.kind) : []).toEqual(['start', 'interim']);
  });

  it('orders the timeline newest first and fingerprints the ecogram', () => {
    expect(newestFirst([{ at: '2026-01-01' }, { at: '2026-02-01' }]).map((i) => i.at)).toEqual([
      '2026-02-01',
      '2026-01-01',
    ]);
    const base = { network: [], professionals: [], household: null };
    expect(ecogramVersion(base)).toBe(ecogramVersion(base));
    expect(
      ecogramVersion({
        ...base,
        professionals: [
          { id: 'p1', organisation: 'X', name: null, role: null, phone: null, email: null, consentToShare: false },
        ],
      }),
    ).not.toBe(ecogramVersion(base));
  });
});
