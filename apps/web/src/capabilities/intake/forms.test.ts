import { assignReferralRequest, decideReferralRequest } from '@nabij/contracts';
import { describe, expect, it } from 'vitest';
import { emptyAssignmentForm, toAssignReferralInput } from './assignment-form';
import { emptyDecisionForm, toDecideReferralInput, withDecisionMessages } from './decision-form';
import { tallyTotals } from './host-tally';
import { meetingParticipants } from './meeting-form';

const WORKER = '7f0b6f5e-3c1a-4c57-9d8e-2a1b3c4d5e6f';

describe('decision form', () => {
  it('starts from the referral’s life domains', () => {
    expect(emptyDecisionForm(['finances', 'housing']).multipleProblems).toBe('multiple');
    expect(emptyDecisionForm(['finances']).multipleProblems).toBe('single');
  });

  it('requires goal, interventions and intended result when the team takes it up', () => {
    const values = {
      ...emptyDecisionForm(['finances']),
      situation: 'Schulden',
      urgency: 'medium',
      safety: 'Veilig',
      outcome: 'take_up',
      reasoning: 'Meervoudig',
    };
    const parsed = decideReferralRequest.safeParse(toDecideReferralInput(1, values));
    expect(parsed.success).toBe(false);
    const paths = parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(['decision.interventions', 'decision.goal', 'decision.intendedResult']);
  });

  it('accepts advice without interventions', () => {
    const values = {
      ...emptyDecisionForm(['finances']),
      situation: 'Vraag over toeslagen',
      urgency: 'low',
      safety: 'Geen zorgen',
      outcome: 'advice',
      reasoning: 'Verwijzer kan dit zelf',
    };
    expect(decideReferralRequest.safeParse(toDecideReferralInput(1, values)).success).toBe(true);
  });

  it('explains an unanswered single/multiple choice in Dutch', () => {
    const [issue] = withDecisionMessages([{ path: ['triage', 'multipleProblems'], message: 'Invalid input' }]);
    expect(issue?.message).toBe('Kies of het om één of meerdere leefgebieden gaat.');
  });
});

describe('assignment form', () => {
  it('sends the consent date with verbal consent', () => {
    const values = { ...emptyAssignmentForm('2026-03-02'), caseWorkerId: WORKER, consent: 'verbal' };
    const parsed = assignReferralRequest.safeParse(toAssignReferralInput(4, values));
    expect(parsed.success).toBe(true);
    if (parsed.success) expect(parsed.data.consentDate).toBe('2026-03-02');
  });

  it('asks for the legal basis and reason without consent, and drops the date', () => {
    const values = { ...emptyAssignmentForm('2026-03-02'), caseWorkerId: WORKER, consent: 'none' };
    const input = toAssignReferralInput(4, values);
    expect('consentDate' in input).toBe(false);
    const parsed = assignReferralRequest.safeParse(input);
    const paths = parsed.success ? [] : parsed.error.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(['legalBasis', 'reasonWithoutConsent']);
  });
});

describe('meetingParticipants', () => {
  it('lists team members by id and external participants by name, skipping empty rows', () => {
    expect(
      meetingParticipants(
        ['u1'],
        [
          { name: 'Els', role: 'Wmo-consulent' },
          { name: ' ', role: '' },
        ],
      ),
    ).toEqual([{ userId: 'u1' }, { name: 'Els', role: 'Wmo-consulent' }]);
  });
});

describe('tallyTotals', () => {
  it('adds up the day', () => {
    expect(
      tallyTotals([
        { category: 'money', answered: 2, handedOver: 1 },
        { category: 'other', answered: 1, handedOver: 0 },
      ]),
    ).toEqual({ answered: 3, handedOver: 1 });
  });
});
