import { describe, expect, it } from 'vitest';
import { evaluationFrequency } from './plan-document';
import { balanceOf, checkAgreement, checkDueDate, orderSuggestions, planWarnings } from './plan.domain';
import { neutraliseFormula, parseCsv, readServiceCsv, toCsv } from './service-catalogue.domain';

describe('the balance between household and professionals', () => {
  it.each([
    [[], { household: 0, professional: 0, unassigned: 0 }],
    [
      ['self', 'self_with_aids', 'family_or_informal_carer', 'network_or_volunteers'],
      { household: 4, professional: 0, unassigned: 0 },
    ],
    [['case_worker_or_team', 'other_organisation', null], { household: 0, professional: 2, unassigned: 1 }],
  ] as const)('counts %j as %j', (performers, expected) => {
    expect(balanceOf(performers.map((performer) => ({ performer })))).toEqual(expected);
  });
});

describe('quality warnings', () => {
  const base = { status: 'draft' as const, analysisDeadline: '2026-10-01', today: '2026-10-10' };
  it('flags a goal without actions and an open action without performer or date, but not a finished one', () => {
    const w = planWarnings({
      ...base,
      goals: [
        { id: 'g1', actions: [] },
        {
          id: 'g2',
          actions: [
            { id: 'a1', performer: null, dueOn: null, status: 'open' },
            { id: 'a2', performer: null, dueOn: null, status: 'done' },
          ],
        },
      ],
    });
    expect(w.map((x) => [x.code, x.goalId, x.actionId])).toEqual([
      ['goal_without_actions', 'g1', null],
      ['action_without_performer', 'g2', 'a1'],
      ['action_without_date', 'g2', 'a1'],
    ]);
  });
  it('flags a draft three weeks after the analysis deadline, not an agreed plan', () => {
    expect(planWarnings({ ...base, today: '2026-10-23', goals: [] }).map((w) => w.code)).toEqual([
      'not_agreed_after_analysis',
    ]);
    expect(planWarnings({ ...base, today: '2026-10-22', goals: [] })).toEqual([]);
    expect(planWarnings({ ...base, status: 'agreed', today: '2026-12-31', goals: [] })).toEqual([]);
  });
  it('flags a plan whose every action rests on professionals', () => {
    const goals = [
      {
        id: 'g',
        actions: [{ id: 'a', performer: 'other_organisation' as const, dueOn: '2026-11-01', status: 'open' }],
      },
    ];
    expect(planWarnings({ ...base, goals }).map((w) => w.code)).toEqual(['all_professional']);
    goals[0]!.actions.push({ id: 'b', performer: 'self' as never, dueOn: '2026-11-01', status: 'open' });
    expect(planWarnings({ ...base, goals })).toEqual([]);
  });
});

describe('light before heavy', () => {
  it('orders general and collective services before group offers before tailored ones', () => {
    const ordered = orderSuggestions([
      { type: 'tailored' as const, organisation: 'Gemeente', name: 'Schuldhulp' },
      { type: 'group' as const, organisation: 'Bibliotheek', name: 'Budgetcursus' },
      { type: 'general' as const, organisation: 'Vrijwilligers', name: 'Thuisadministratie' },
      { type: 'general' as const, organisation: 'Buurthuis', name: 'Inloop' },
    ]);
    expect(ordered.map((s) => s.name)).toEqual(['Inloop', 'Thuisadministratie', 'Budgetcursus', 'Schuldhulp']);
  });
});

describe('plan rules', () => {
  it('refuses a due date before the start of the plan', () => {
    expect(checkDueDate('2026-01-01', '2026-02-01').dueOn?.[0]).toContain('voor de start');
    expect(checkDueDate('2026-02-01', '2026-02-01')).toEqual({});
    expect(checkDueDate(undefined, '2026-02-01')).toEqual({});
  });
  it.each([
    [{ status: 'agreed', goalCount: 1, hasMinors: false, childSafetyAssessed: false }, 'plan_frozen'],
    [{ status: 'draft', goalCount: 0, hasMinors: false, childSafetyAssessed: false }, 'plan_without_goals'],
    [{ status: 'draft', goalCount: 2, hasMinors: true, childSafetyAssessed: false }, 'child_safety_required'],
  ] as const)('refuses agreement of %j with %s', (input, error) => {
    expect(checkAgreement(input)).toEqual({ ok: false, error });
  });
  it('allows agreement of a draft with goals and, with minors, a safety assessment', () => {
    expect(checkAgreement({ status: 'draft', goalCount: 1, hasMinors: true, childSafetyAssessed: true }).ok).toBe(true);
  });
});

describe('the catalogue CSV', () => {
  it.each([
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+31 30 123', "'+31 30 123"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['Buurthuis', 'Buurthuis'],
  ])('neutralises %s as %s', (input, output) => {
    expect(neutraliseFormula(input)).toBe(output);
  });
  it('quotes fields with commas, quotes and line breaks, and reads them back', () => {
    const row = {
      id: '',
      organisation: 'De "Schakel", buurthuis',
      name: 'Taal\ncafé',
      description: '',
      domains: 'finances|social_network',
      type: 'group',
      area: '',
      phone: '',
      email: '',
      website: '',
      active: 'ja',
    };
    const parsed = parseCsv(toCsv([row]));
    expect(parsed[1]?.[1]).toBe('De "Schakel", buurthuis');
    expect(parsed[1]?.[2]).toBe('Taal\ncafé');
  });
  it('reads services by header name and reports a missing column', () => {
    const { services, errors } = readServiceCsv(
      'type,name,organisation,domains\ngeneral,Inloop,Buurthuis,social_network|community_participation\n',
    );
    expect(errors).toEqual({});
    expect(services[0]).toMatchObject({
      name: 'Inloop',
      organisation: 'Buurthuis',
      domains: ['social_network', 'community_participation'],
      active: true,
    });
    expect(readServiceCsv('name,organisation\nx,y\n').errors.csv?.[0]).toContain('Leefgebieden, Soort');
  });
  it('exports Dutch headers and labels with semicolons, and reads that file back to the codes', () => {
    const csv = toCsv([
      {
        id: '',
        organisation: '=Buurthuis',
        name: 'Inloop',
        description: '',
        domains: 'finances|basic_adl',
        type: 'tailored',
        area: '',
        phone: '',
        email: '',
        website: '',
        active: 'nee',
      },
    ]);
    const [header, line] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe(
      'Nummer (niet wijzigen);Organisatie;Voorziening;Omschrijving;Leefgebieden;Soort;Gebied;Telefoon;E-mail;Website;Actief',
    );
    expect(line).toBe(";'=Buurthuis;Inloop;;Financiën | Basale ADL;Maatwerkvoorziening;;;;;nee");
    const { services, errors } = readServiceCsv(csv);
    expect(errors).toEqual({});
    expect(services[0]).toMatchObject({
      organisation: '=Buurthuis',
      domains: ['finances', 'basic_adl'],
      type: 'tailored',
      active: false,
    });
  });
});

describe('evaluationFrequency (the plan PDF says the team’s own interval, issue #21 item 2)', () => {
  it('says the interval in words', () => {
    expect(evaluationFrequency(1)).toBe('elke week');
    expect(evaluationFrequency(6)).toBe('elke zes weken');
    expect(evaluationFrequency(13)).toBe('elke drie maanden');
    expect(evaluationFrequency(26)).toBe('elk half jaar');
    expect(evaluationFrequency(39)).toBe('elke negen maanden');
    expect(evaluationFrequency(20)).toBe('elke 20 weken');
  });
});
