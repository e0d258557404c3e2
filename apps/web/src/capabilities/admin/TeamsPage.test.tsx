/** Issue #21 item 2: the team's letterhead and evaluation interval in the team settings. */
import { updateTeamSettingsRequest } from '@nabij/contracts';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TeamForm } from './TeamsPage';

const team = {
  id: 'team-1',
  name: 'Wijkteam Noord',
  area: 'Noord',
  acceptsWebReferrals: true,
  acceptsSelfReferrals: true,
  analysisWeeks: 6,
  outreachWeeks: 6,
  evaluationWeeks: 13,
  postalAddress: 'Postbus 1234\n3500 AB Utrecht',
  contactPhone: '030 123 45 67',
  contactEmail: 'noord@example.org',
  version: 7,
};

describe('TeamForm', () => {
  it('shows the evaluation interval and the letterhead with their labels and saved values', () => {
    const html = renderToStaticMarkup(<TeamForm team={team} onSaved={() => undefined} />);
    expect(html).toContain('Gegevens op brieven en plannen');
    expect(html).toMatch(/<label[^>]*for="team-team-1-evaluationWeeks"[^>]*>Hoe vaak het team het plan evalueert/);
    expect(html).toMatch(/id="team-team-1-evaluationWeeks"[^>]*value="13"/);
    expect(html).toMatch(/<label[^>]*for="team-team-1-postalAddress"[^>]*>Adres/);
    expect(html).toContain('Postbus 1234\n3500 AB Utrecht</textarea>');
    expect(html).toMatch(
      /id="team-team-1-contactPhone"[^>]*type="tel"[^>]*value="030 123 45 67"|type="tel"[^>]*id="team-team-1-contactPhone"/,
    );
    expect(html).toMatch(
      /id="team-team-1-contactEmail"[^>]*value="noord@example.org"|value="noord@example.org"[^>]*id="team-team-1-contactEmail"/,
    );
  });

  it('checks the letterhead in Dutch before saving, and sends an emptied field as empty', () => {
    const base = {
      acceptsWebReferrals: true,
      acceptsSelfReferrals: true,
      analysisWeeks: '6',
      outreachWeeks: '6',
      version: 7,
    };
    const wrong = updateTeamSettingsRequest.safeParse({ ...base, contactPhone: 'bel ons', contactEmail: 'geen-adres' });
    expect(wrong.success).toBe(false);
    const messages = wrong.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toEqual([
      'contactPhone: Vul een telefoonnummer in met alleen cijfers, spaties, +, - of haakjes.',
      'contactEmail: Vul een e-mailadres in zoals naam@voorbeeld.nl.',
    ]);
    const emptied = updateTeamSettingsRequest.parse({
      ...base,
      evaluationWeeks: '8',
      postalAddress: '  ',
      contactPhone: '',
    });
    expect(emptied).toMatchObject({ evaluationWeeks: 8, postalAddress: null, contactPhone: null });
  });
});
