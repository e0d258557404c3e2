import { describe, expect, it } from 'vitest';
import { canMoveTo, completenessChecklist, formatReference, isComplete, sniffAttachment } from './intake.domain';

describe('referral status rules', () => {
  it.each([
    ['new', 'waiting_for_information', true],
    ['new', 'complete', true],
    ['waiting_for_information', 'complete', true],
    ['complete', 'waiting_for_information', true],
    ['new', 'decided', false],
    ['complete', 'closed', false],
    ['decided', 'complete', false],
    ['closed', 'new', false],
  ] as const)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canMoveTo(from, to)).toBe(allowed);
  });
});

describe('completeness', () => {
  const all = {
    hasResidentName: true,
    hasResidentBirthDateOrAge: true,
    hasResidentAddress: true,
    hasReferrerContact: true,
    hasQuestion: true,
    childrenAtRisk: 'no' as const,
    residentAwarenessKnown: true,
    regiecheckDone: true,
  };
  it('is complete only when every item is done, the regiecheck included', () => {
    expect(isComplete(all)).toBe(true);
    expect(isComplete({ ...all, regiecheckDone: false })).toBe(false);
    expect(
      completenessChecklist({ ...all, hasResidentAddress: false }).find((i) => i.key === 'resident_address')?.done,
    ).toBe(false);
  });
  it('does not block on "Weet ik niet" for children at risk: it becomes a question for the intake meeting', () => {
    const unknown = completenessChecklist({ ...all, childrenAtRisk: 'unknown' });
    expect(unknown.find((i) => i.key === 'children_at_risk_for_meeting')?.done).toBe(true);
    expect(isComplete({ ...all, childrenAtRisk: 'unknown' })).toBe(true);
  });
});

describe('references and attachments', () => {
  it('formats a reference per year', () => {
    expect(formatReference(2026, 42)).toBe('AM-2026-00042');
  });
  it('recognises PDF, PNG and JPEG by content and refuses anything else', () => {
    expect(sniffAttachment(new TextEncoder().encode('%PDF-1.7 ...'))).toBe('application/pdf');
    expect(sniffAttachment(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(sniffAttachment(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffAttachment(new TextEncoder().encode('MZ\u0090 this is an exe called scan.pdf'))).toBeNull();
    expect(sniffAttachment(new TextEncoder().encode('<script>alert(1)</script>'))).toBeNull();
  });
});
