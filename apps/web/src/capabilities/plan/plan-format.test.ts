import { describe, expect, it } from 'vitest';
import { actionFormValues, goalFormValues } from './plan-format';

describe('goalFormValues', () => {
  it('prefills the goal form, with empty text for missing optional fields', () => {
    expect(
      goalFormValues({
        domain: 'finances',
        problem: 'Brieven',
        goal: 'Zelf lezen',
        intendedResult: null,
        solutions: 'Taalcafé',
      }),
    ).toEqual({
      domain: 'finances',
      problem: 'Brieven',
      goal: 'Zelf lezen',
      intendedResult: '',
      solutions: 'Taalcafé',
    });
  });
});

describe('actionFormValues', () => {
  it('prefills the action form with the performer, the service and the date as YYYY-MM-DD', () => {
    const service = {
      id: '0b7c2f4e-1d1a-4c1e-9a51-7f1f0b7c2f4e',
      organisation: 'Humanitas',
      name: 'Thuisadministratie',
      type: 'general' as const,
      phone: null,
      email: null,
    };
    expect(
      actionFormValues({
        description: 'Leren administreren',
        performer: 'network_or_volunteers',
        service,
        performerName: null,
        dueOn: '2026-05-01T00:00:00.000Z',
      }),
    ).toEqual({
      description: 'Leren administreren',
      performer: 'network_or_volunteers',
      serviceId: service.id,
      performerName: '',
      dueOn: '2026-05-01',
    });
  });

  it('leaves unknown performer, service and date empty', () => {
    expect(
      actionFormValues({
        description: 'Bellen',
        performer: null,
        service: null,
        performerName: 'Oom Karim',
        dueOn: null,
      }),
    ).toEqual({
      description: 'Bellen',
      performer: '',
      serviceId: '',
      performerName: 'Oom Karim',
      dueOn: '',
    });
  });
});
