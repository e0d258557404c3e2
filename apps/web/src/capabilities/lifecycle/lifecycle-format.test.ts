import { describe, expect, it } from 'vitest';
import { closeCaseInput, recordEvaluationInput } from '@nabij/contracts';
import { closureRequest, emptyClosureForm, evaluationRequest, watchEndsOn } from './lifecycle-format';

const goalA = '11111111-1111-4111-8111-111111111111';
const goalB = '22222222-2222-4222-8222-222222222222';
const action = '33333333-3333-4333-8333-333333333333';
const plan = {
  agreedNumber: 1,
  agreedOn: '2026-09-01',
  goals: [
    { id: goalA, domain: 'finances', goal: 'Rekeningen op tijd', intendedResult: null },
    { id: goalB, domain: 'social_network', goal: 'Iemand om mee te praten', intendedResult: null },
  ],
  openActions: [{ id: action, goalId: goalA, description: 'Schuldhulp', status: 'open' as const }],
  current: { number: 1, status: 'agreed', version: 3 },
};

describe('the evaluation request', () => {
  it('has one entry per goal of the plan, and the contract flags a goal without status', () => {
    const request = evaluationRequest(
      { plan },
      {
        heldOn: '2026-11-01',
        participants: 'Anna',
        goals: { [goalA]: { status: 'partly', note: 'Gaat beter' } },
        interimZrmId: '',
        conclusion: 'continue',
        summary: '',
      },
    );
    expect(request.goals.map((g) => g.goalId)).toEqual([goalA, goalB]);
    const parsed = recordEvaluationInput.safeParse(request);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['goals.1.status']);
  });
});

describe('the closure request', () => {
  it('sends only the answer when something goes wrong', () => {
    const form = {
      ...emptyClosureForm('2026-11-20'),
      somethingGoesWrong: 'yes' as const,
      closingQuestionExplanation: 'Schulden lopen weer op',
    };
    const request = closureRequest({ plan }, form);
    expect(request).toEqual({ somethingGoesWrong: true, closingQuestionExplanation: 'Schulden lopen weer op' });
    expect(closeCaseInput.safeParse(request).success).toBe(true);
  });

  it('asks for to whom when referred elsewhere, and keeps the watch within two years', () => {
    const form = {
      ...emptyClosureForm('2026-11-20'),
      somethingGoesWrong: 'no' as const,
      goals: {
        [goalA]: { status: 'achieved', result: 'Op tijd', sideEffects: '' },
        [goalB]: { status: 'partly', result: 'Taalcafé', sideEffects: '' },
      },
      processWorked: 'Korte lijnen',
      processLearned: 'Eerder netwerk',
      reason: 'referred_elsewhere',
      decisions: { [action]: { decision: 'handed_over', handedOverTo: 'Kredietbank' } },
      outcome: 'watch',
      watchLength: 'other',
      watchEndsOn: '2028-11-21',
    };
    const parsed = closeCaseInput.safeParse(closureRequest({ plan }, form));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['referredTo', 'watch.endsOn']);
    const fixed = closeCaseInput.safeParse(
      closureRequest({ plan }, { ...form, referredTo: 'GGZ', watchEndsOn: '2028-11-20' }),
    );
    expect(fixed.success).toBe(true);
    expect(fixed.data?.actionDecisions).toEqual([
      { actionId: action, decision: 'handed_over', handedOverTo: 'Kredietbank' },
    ]);
  });
});

describe('closure without asking twice, and the truthful "ja" (issue #17)', () => {
  const filled = {
    ...emptyClosureForm('2026-11-20'),
    somethingGoesWrong: 'no' as const,
    goals: { [goalB]: { status: 'partly', result: 'Taalcafé', sideEffects: '' } },
    processWorked: 'Korte lijnen',
    processLearned: 'Eerder netwerk',
    reason: 'other',
    reasonOther: 'Huishouden redt het',
    decisions: { [action]: { decision: 'done', handedOverTo: '' } },
    outcome: 'watch',
  };
  const finalEvaluation = {
    id: 'e',
    heldOn: '2026-11-18',
    goals: [
      { goalId: goalA, status: 'achieved' as const, note: 'Alles betaald' },
      { goalId: goalB, status: 'ongoing' as const, note: null },
    ],
  };

  it('offers a watch of 3, 6 or 12 months after the closing date, or a date of choice', () => {
    expect(watchEndsOn({ closedOn: '2026-11-20', watchLength: '3', watchEndsOn: '' })).toBe('2027-02-20');
    expect(watchEndsOn({ closedOn: '2026-11-20', watchLength: '6', watchEndsOn: '' })).toBe('2027-05-20');
    expect(watchEndsOn({ closedOn: '2026-11-20', watchLength: '12', watchEndsOn: '' })).toBe('2027-11-20');
    expect(watchEndsOn({ closedOn: '2026-11-20', watchLength: 'other', watchEndsOn: '2027-01-31' })).toBe('2027-01-31');
    const request = closureRequest({ plan }, { ...filled, watchLength: '6' }) as { watch?: unknown };
    expect(request.watch).toEqual({ checkInIntervalWeeks: 8, endsOn: '2027-05-20' });
  });

  it('leaves out the goals the final evaluation answered, unless the worker changes them', () => {
    const request = closureRequest({ plan, finalEvaluation }, filled) as { goals?: Array<{ goalId: string }> };
    expect(request.goals?.map((g) => g.goalId)).toEqual([goalB]);
    expect(closeCaseInput.safeParse(request).success).toBe(true);
    const changed = closureRequest(
      { plan, finalEvaluation },
      {
        ...filled,
        changedGoals: { [goalA]: true },
        goals: { ...filled.goals, [goalA]: { status: 'partly', result: 'Bijna', sideEffects: '' } },
      },
    ) as { goals?: Array<{ goalId: string }> };
    expect(changed.goals?.map((g) => g.goalId)).toEqual([goalA, goalB]);
  });

  it('sends the whole form with "ja" and the risk once the meeting decided to close', () => {
    const review = {
      onAgenda: null,
      decision: 'close' as const,
      advice: 'Afsluiten',
      decidedAt: '2026-11-19T10:00:00Z',
    };
    const waiting = closureRequest(
      { plan, closureReview: { ...review, decision: null } },
      { ...filled, somethingGoesWrong: 'yes' },
    );
    expect(waiting).toEqual({ somethingGoesWrong: true, closingQuestionExplanation: '' });
    const request = closureRequest(
      { plan, closureReview: review },
      { ...filled, somethingGoesWrong: 'yes', riskNote: 'Schulden kunnen terugkomen' },
    );
    expect(request).toMatchObject({
      somethingGoesWrong: true,
      riskNote: 'Schulden kunnen terugkomen',
      reason: 'other',
      outcome: 'watch',
    });
  });
});
