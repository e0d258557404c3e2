/** Issue #19 item 8: Mijn werk lists the households with unread Mijn Nabij messages, linking to the case's Mijn Nabij section. */
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { UnreadMessagesList } from './UnreadMessagesSection';

const render = (cases: Parameters<typeof UnreadMessagesList>[0]['cases']) =>
  renderToStaticMarkup(
    <MemoryRouter>
      <UnreadMessagesList cases={cases} />
    </MemoryRouter>,
  );

describe('UnreadMessagesList', () => {
  it('links each household with its count to the Mijn Nabij section of its case, with the day of the last message', () => {
    const html = render([
      { caseId: 'c1', householdName: 'Huishouden Meijer', unread: 2, lastSentAt: '2026-05-06T22:30:00.000Z' },
      { caseId: 'c2', householdName: 'Huishouden De Vries', unread: 1, lastSentAt: '2026-05-01T08:00:00.000Z' },
    ]);
    expect(html).toContain('href="/dossiers/c1#mijn-nabij"');
    expect(html).toContain('Huishouden Meijer: 2 ongelezen berichten');
    expect(html).toContain('(laatste op 7 mei 2026)'); // 00:30 in Amsterdam
    expect(html).toContain('Huishouden De Vries: 1 ongelezen bericht<');
  });

  it('says so when there is nothing unread', () => {
    expect(render([])).toContain('Er zijn geen ongelezen berichten');
  });
});
