import { renderAccessiblePdf, type Block } from './accessible-pdf';

const dateFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Amsterdam',
});

export interface LetterPdf {
  /**
   * Who sends it: the municipality and the team, with the team's address block, phone number and e-mail address
   * from the team settings (each left out while the team has none).
   */
  sender: {
    municipality: string;
    team: string;
    address?: string | null;
    phone?: string | null;
    email?: string | null;
  };
  recipient: { name: string | null; organisation: string | null };
  date: Date;
  reference: string;
  subject: string;
  body: string;
}

/** The sender's block: municipality, team, address lines, phone and e-mail. */
export function senderLines(sender: LetterPdf['sender']): string[] {
  return [
    sender.team,
    ...(sender.address ?? '')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
    sender.phone ? `Telefoon: ${sender.phone}` : '',
    sender.email ? `E-mail: ${sender.email}` : '',
  ].filter(Boolean);
}

/**
 * A letter on A4 as an accessible PDF (ADR 0053): the sender's block, the recipient, date and reference, the subject
 * as the document's heading, and the body (plain text; blank lines separate paragraphs).
 */
export async function renderLetterPdf(l: LetterPdf): Promise<Buffer> {
  const recipient = [l.recipient.name, l.recipient.organisation].filter((x): x is string => Boolean(x));
  const blocks: Block[] = [
    { type: 'p', text: l.sender.municipality, style: 'strong' },
    { type: 'lines', lines: senderLines(l.sender), style: 'small' },
    { type: 'lines', lines: recipient.length ? recipient : ['Aan de verwijzer'] },
    {
      type: 'lines',
      lines: [`Datum: ${dateFormat.format(l.date)}`, `Ons kenmerk: ${l.reference}`],
      style: 'small',
    },
    { type: 'h1', text: l.subject },
    ...l.body
      .split(/\n{2,}/)
      .map((p) => p.trim())
      .filter(Boolean)
      .map((text): Block => ({ type: 'p', text })),
  ];
  return renderAccessiblePdf({
    title: l.subject,
    author: l.sender.municipality,
    subject: l.reference,
    footer: (page, pages) => `${l.sender.team} · ${l.reference} · pagina ${page} van ${pages}`,
    blocks,
  });
}
