import { describe, expect, it } from 'vitest';
import {
  agendaKindFromSearch,
  closureReviewLink,
  questionKindLabel,
  referenceText,
  signalKindLabel,
} from './coordination-format';

describe('putting a case on the agenda from a link', () => {
  it('takes a known question kind from ?agenderen= and ignores anything else', () => {
    expect(agendaKindFromSearch('?agenderen=closure')).toBe('closure');
    expect(agendaKindFromSearch('?agenderen=scale_up&x=1')).toBe('scale_up');
    expect(agendaKindFromSearch('?agenderen=iets')).toBeUndefined();
    expect(agendaKindFromSearch('')).toBeUndefined();
  });
  it('builds the closure link to the case page section', () => {
    expect(closureReviewLink('a b')).toBe('/dossiers/a%20b?agenderen=closure#overleg');
    expect(agendaKindFromSearch(closureReviewLink('x').split('#')[0]!.split('?')[1]!)).toBe('closure');
  });
});

describe('labels', () => {
  it('are Dutch', () => {
    expect(questionKindLabel('stagnation')).toBe('Stagnatie');
    expect(signalKindLabel('law_gap')).toBe('Knelpunt in wet- of regelgeving');
    expect(referenceText(null)).toBe('Dossier zonder aanmeldkenmerk');
    expect(referenceText('AM-2026-0001')).toBe('AM-2026-0001');
  });
});
