import { describe, expect, it } from 'vitest';
import { attachmentProblem, base64FromDataUrl, sortChosenFiles } from './attachments';

const MB = 1024 * 1024;

describe('attachmentProblem', () => {
  it('accepts PDF, PNG and JPEG up to 5 MB', () => {
    expect(attachmentProblem({ name: 'brief.pdf', type: 'application/pdf', size: 5 * MB })).toBeUndefined();
    expect(attachmentProblem({ name: 'foto.JPG', type: '', size: 100 })).toBeUndefined();
  });

  it('refuses a file over 5 MB and other types, naming the file', () => {
    expect(attachmentProblem({ name: 'scan.pdf', type: 'application/pdf', size: 5 * MB + 1 })).toBe(
      'scan.pdf is groter dan 5 MB.',
    );
    expect(attachmentProblem({ name: 'notities.docx', type: 'application/msword', size: 10 })).toBe(
      'notities.docx is geen PDF, PNG of JPEG.',
    );
  });
});

describe('sortChosenFiles', () => {
  it('accepts at most three files in total and says so once', () => {
    const files = ['a.pdf', 'b.pdf', 'c.pdf'].map((name) => ({ name, type: 'application/pdf', size: 10 }));
    const { accepted, problems } = sortChosenFiles(files, 1);
    expect(accepted.map((f) => f.name)).toEqual(['a.pdf', 'b.pdf']);
    expect(problems).toEqual(['U kunt hoogstens 3 bijlagen meesturen.']);
  });
});

describe('base64FromDataUrl', () => {
  it('keeps only the base64 part', () => {
    expect(base64FromDataUrl('data:application/pdf;base64,JVBERi0=')).toBe('JVBERi0=');
    expect(base64FromDataUrl('nonsense')).toBe('');
  });
});
