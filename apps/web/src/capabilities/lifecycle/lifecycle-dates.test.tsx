/**
 * Issue #19 item 9: between 00:00 and 01:00/02:00 Amsterdam time the date forms offered and allowed only yesterday,
 * because "today" was the UTC date. With the clock at 00:30 on 7 May (22:30 UTC on 6 May) each form's date field
 * starts at 7 May and may be set to 7 May (its `max`).
 */
import type { CaseCourseView } from '@nabij/contracts';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { municipalDay, municipalToday } from '../../app/dates';
import { QuickContactForm } from '../contact-log/QuickContactForm';
import { CloseForm } from './ClosurePage';
import { EvaluationForm } from './EvaluationPage';
import { CheckInForm } from './WatchPage';

// The forms keep drafts per user (ADR 0035); outside the app there is no session, so the tests give them none.
vi.mock('../../app/session', () => ({ useSession: () => ({ user: undefined, can: () => false }) }));

const HALF_PAST_MIDNIGHT_IN_AMSTERDAM = new Date('2026-05-06T22:30:00Z');
const TODAY = '2026-05-07';

const course: CaseCourseView = {
  caseId: 'c1',
  householdName: 'Huishouden Meijer',
  phase: 'execution',
  episode: 1,
  closedAt: null,
  evaluationWeeks: 13,
  plan: {
    agreedNumber: 1,
    agreedOn: '2026-02-01',
    goals: [{ id: 'g1', domain: 'finances', goal: 'Schulden in beeld', intendedResult: null }],
    openActions: [],
    current: { number: 1, status: 'agreed', version: 1 },
  },
  nextEvaluationDue: '2026-05-01',
  interimZrm: [],
  hasClosingZrm: false,
  evaluations: [],
  comparison: { zrm: [], participation: [] },
  closingQuestion: null,
  teamMeetingNeeded: false,
  closureReview: null,
  finalEvaluation: null,
  closures: [],
  referrer: null,
  letters: [],
  watches: [],
  episodes: [],
  linkedReferrals: [],
  canReactivate: false,
};

const render = (element: ReactElement) => renderToStaticMarkup(<MemoryRouter>{element}</MemoryRouter>);

/** The attributes of the date input named by its id prefix, from server-rendered markup. */
function dateInput(html: string, name: string): { value?: string; max?: string } {
  const tag = new RegExp(`<input[^>]*id="[^"]*${name}"[^>]*>`).exec(html)?.[0];
  expect(tag, `date field ${name}`).toBeDefined();
  return { value: /value="([^"]*)"/.exec(tag!)?.[1], max: /max="([^"]*)"/.exec(tag!)?.[1] };
}

describe('dates in the municipality time zone (issue #19 item 9)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(HALF_PAST_MIDNIGHT_IN_AMSTERDAM);
  });
  afterEach(() => vi.useRealTimers());

  it('takes today and the day of an instant in Amsterdam, not in UTC', () => {
    expect(new Date().toISOString().slice(0, 10)).toBe('2026-05-06');
    expect(municipalToday()).toBe(TODAY);
    expect(municipalToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(municipalDay('2026-05-06T22:30:00.000Z')).toBe(TODAY);
    expect(municipalDay('2026-05-06T21:59:59.000Z')).toBe('2026-05-06');
  });

  it('offers and allows today in the closure, evaluation, watch check-in and contact forms at 00:30', () => {
    const noop = () => undefined;
    const forms: Array<[string, string]> = [
      [render(<CloseForm course={course} onClosed={noop} onRefused={noop} />), 'closedOn'],
      [render(<EvaluationForm course={course} onSaved={noop} />), 'heldOn'],
      [render(<CheckInForm caseId="c1" onSaved={noop} />), 'checkedOn'],
      [
        render(<QuickContactForm caseId="c1" goals={[]} idPrefix="qc" heading="Contact vastleggen" onSaved={noop} />),
        'contactOn',
      ],
    ];
    for (const [html, name] of forms) expect(dateInput(html, name), name).toEqual({ value: TODAY, max: TODAY });
  });
});
