import { renderDocumentPdf } from '../../platform/pdf';
import type { InspectionCopy } from './inspection-copy';

/** Plain Dutch titles of the tables a copy can hold; a table added later shows its own name until it gets one here. */
const TABLE_TITLES: Record<string, string> = {
  person: 'Andere leden van het huishouden',
  household: 'Huishouden',
  household_member: 'Samenstelling van het huishouden',
  referral: 'Aanmeldingen',
  referral_person: 'Personen in de aanmelding',
  referral_contact: 'Contact over de aanmelding',
  referral_attachment: 'Bijlagen bij de aanmelding',
  triage: 'Eerste inschatting (triage)',
  core_decision: 'Besluit over de aanmelding (kernbesluit)',
  meeting_item: 'Besproken in het overleg van het wijkteam',
  letter: 'Brieven',
  case_file: 'Dossiers',
  network_person: 'Mensen uit uw netwerk',
  involved_professional: 'Betrokken professionals',
  zrm_assessment: 'Zelfredzaamheid (ZRM)',
  zrm_score: 'ZRM-scores per leefgebied',
  participation_measure: 'Participatieladder',
  child_safety_assessment: 'Veiligheid van de kinderen',
  meldcode_record: 'Meldcode',
  meldcode_entry: 'Meldcode: stappen',
  outreach_attempt: 'Contactpogingen (eropaf)',
  information_consent: 'Toestemmingen om gegevens te delen',
  plan: 'Plan',
  plan_version: 'Versies van het plan',
  plan_goal: 'Doelen',
  plan_action: 'Acties',
  plan_party: 'Wie doet wat',
  plan_file: 'Bestanden bij het plan',
  contact_entry: 'Contacten (journaal)',
  contact_goal: 'Contacten per doel',
  contact_attachment: 'Bijlagen bij contacten',
  task: 'Taken',
  resident_statement: 'Uw eigen verklaringen',
  case_evaluation: 'Evaluaties',
  case_evaluation_goal: 'Evaluatie per doel',
  case_closure: 'Afsluiting',
  case_closure_goal: 'Afsluiting per doel',
  case_closure_action: 'Afsluiting per actie',
  closing_question_answer: 'Afsluitvraag',
  case_letter: 'Brieven bij afsluiting',
  case_watch: 'Waakvlam',
  watch_check_in: 'Contact tijdens de waakvlam',
  case_episode: 'Heropeningen',
  case_referral_link: 'Nieuwe aanmeldingen bij dit dossier',
  case_review_item: 'Besproken in het casuïstiekoverleg',
  behavioural_consultation: 'Advies van de gedragswetenschapper',
  agreed_action: 'Afspraken met andere organisaties',
  care_transfer: 'Overdracht aan andere organisaties',
  tandem_change: 'Wisseling van tweede werker',
  scaling_decision: 'Op- en afschalen',
  emergency_access: 'Noodtoegang tot uw dossier',
};
const ORDER = Object.keys(TABLE_TITLES);

const COLUMN_LABELS: Record<string, string> = {
  first_name: 'Voornaam',
  infix: 'Tussenvoegsel',
  last_name: 'Achternaam',
  date_of_birth: 'Geboortedatum',
  bsn: 'BSN',
  postcode: 'Postcode',
  house_number: 'Huisnummer',
  house_number_addition: 'Toevoeging',
  street: 'Straat',
  city: 'Plaats',
  phone: 'Telefoon',
  email: 'E-mail',
  preferred_language: 'Voorkeurstaal',
  interpreter_needed: 'Tolk nodig',
  name: 'Naam',
  relation: 'Relatie',
  reference: 'Kenmerk',
  channel: 'Kanaal',
  status: 'Stand',
  received_at: 'Ontvangen',
  question: 'Hulpvraag',
  tried: 'Al geprobeerd',
  urgency: 'Urgentie',
  life_domains: 'Leefgebieden',
  referrer_name: 'Verwijzer',
  referrer_organisation: 'Organisatie van de verwijzer',
  phase: 'Fase',
  opened_at: 'Geopend',
  closed_at: 'Gesloten',
  case_worker_id: 'Contactpersoon',
  tandem_worker_id: 'Tweede werker',
  team_id: 'Team',
  legal_bases: 'Grondslag',
  processing_purposes: 'Doel',
  purpose_description: 'Waarvoor de gegevens worden gebruikt',
  consent_kind: 'Toestemming voor het dossier',
  note: 'Notitie',
  kind: 'Soort',
  domain: 'Leefgebied',
  score: 'Score',
  assessed_on: 'Datum',
  measured_on: 'Datum',
  rung: 'Trede',
  problem: 'Probleem',
  goal: 'Doel',
  intended_result: 'Beoogd resultaat',
  solutions: 'Oplossingen',
  description: 'Omschrijving',
  performer: 'Wie doet het',
  due_on: 'Wanneer klaar',
  contact_on: 'Datum',
  participants: 'Aanwezig',
  internal: 'Interne notitie',
  recipient: 'Ontvanger',
  scope: 'Waarvoor',
  form: 'Vorm',
  given_on: 'Gegeven op',
  expires_on: 'Geldig tot',
  withdrawn_on: 'Ingetrokken op',
  subject: 'Onderwerp',
  body: 'Tekst',
  statement: 'Verklaring',
  filename: 'Bestand',
  recorded_by: 'Vastgelegd door',
  created_by: 'Gemaakt door',
  recorded_at: 'Vastgelegd op',
  created_at: 'Gemaakt op',
  reason: 'Reden',
  title: 'Titel',
};
const HIDDEN = new Set(['id', 'version', 'position', 'hash', 'prev_hash', 'seq']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const longDate = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Amsterdam',
});
const dateTime = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Amsterdam',
});

function show(column: string, value: unknown, copy: InspectionCopy, binary: boolean): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (binary && typeof value === 'string')
    return `bestand van ${Math.max(1, Math.round((value.length * 3) / 4 / 1024))} kB (in de digitale kopie)`;
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (Array.isArray(value)) return value.map((v) => String(v)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  if (UUID.test(value)) return copy.staff[value] ?? copy.teams[value] ?? null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return longDate.format(new Date(`${value}T12:00:00Z`));
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return dateTime.format(new Date(value));
  return value;
}

function rowTable(
  table: string,
  row: Record<string, unknown>,
  copy: InspectionCopy,
  binaryColumns: ReadonlySet<string>,
) {
  const body = Object.entries(row)
    .filter(([k]) => !HIDDEN.has(k))
    .map(([k, v]) => [k, show(k, v, copy, binaryColumns.has(`${table}.${k}`))] as const)
    .filter((entry): entry is readonly [string, string] => entry[1] !== null)
    .map(([k, v]) => [{ text: COLUMN_LABELS[k] ?? k.replace(/_/g, ' '), style: 'label' }, { text: v }]);
  if (body.length === 0) return [];
  return [{ table: { widths: [150, '*'], body }, layout: 'lightHorizontalLines', margin: [0, 2, 0, 8] }];
}

/** The readable copy (PDF): what it is, the decisions on shielded categories, the data per subject, who accessed it. */
export async function renderInspectionPdf(copy: InspectionCopy, binaryColumns: ReadonlySet<string>): Promise<Buffer> {
  const tables = Object.keys(copy.data).sort(
    (a, b) =>
      (ORDER.indexOf(a) === -1 ? 999 : ORDER.indexOf(a)) - (ORDER.indexOf(b) === -1 ? 999 : ORDER.indexOf(b)) ||
      a.localeCompare(b),
  );
  const name = [copy.subject.first_name, copy.subject.infix, copy.subject.last_name].filter(Boolean).join(' ');
  const doc = {
    info: { title: `Kopie van uw gegevens — ${copy.request.reference}`, author: copy.municipality },
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 60],
    defaultStyle: { fontSize: 10, lineHeight: 1.25 },
    styles: {
      h1: { fontSize: 18, bold: true, color: '#1c3d5a', margin: [0, 0, 0, 6] },
      h2: { fontSize: 13, bold: true, color: '#1c3d5a', margin: [0, 14, 0, 4] },
      label: { bold: true },
      small: { fontSize: 9, color: '#444444' },
    },
    footer: (page: number, pages: number) => ({
      text: `${copy.request.reference} · vertrouwelijk · pagina ${page} van ${pages}`,
      style: 'small',
      alignment: 'center',
      margin: [0, 20, 0, 0],
    }),
    content: [
      { text: 'Kopie van uw gegevens', style: 'h1' },
      {
        text: `${copy.municipality} · voor ${name} · gemaakt op ${dateTime.format(new Date(copy.generatedAt))} · kenmerk ${copy.request.reference}`,
        style: 'small',
      },
      {
        text:
          'U vroeg ons welke gegevens wij over u hebben (inzage, AVG artikel 15). Hieronder staan al uw gegevens, per onderwerp, en wie ze heeft bekeken of gewijzigd. ' +
          'Dezelfde gegevens krijgt u ook als bestand dat een computer kan lezen. Klopt er iets niet? Dan kunt u vragen het te verbeteren, of er zelf een verklaring bij laten zetten.',
        margin: [0, 10, 0, 0],
      },
      { text: 'Wat wel en niet in deze kopie staat', style: 'h2' },
      { ul: copy.decisions.map((d) => d.text) },
      { text: 'Uw persoonsgegevens', style: 'h2' },
      ...rowTable('person', copy.subject, copy, binaryColumns),
      ...tables.flatMap((table) => [
        { text: TABLE_TITLES[table] ?? table.replace(/_/g, ' '), style: 'h2' },
        ...(copy.data[table] ?? []).flatMap((row) => rowTable(table, row, copy, binaryColumns)),
      ]),
      ...(copy.ownRequests.length
        ? [
            { text: 'Uw verzoeken over uw gegevens', style: 'h2' },
            {
              ul: copy.ownRequests.map(
                (r) => `${r.reference}: ${r.kind}, ontvangen ${r.receivedOn}, stand ${r.status}`,
              ),
            },
          ]
        : []),
      { text: 'Wie heeft uw gegevens bekeken of gewijzigd', style: 'h2' },
      copy.accessLog.length
        ? {
            table: {
              headerRows: 1,
              widths: [95, 110, '*'],
              body: [
                [
                  { text: 'Wanneer', style: 'label' },
                  { text: 'Wie', style: 'label' },
                  { text: 'Wat', style: 'label' },
                ],
                ...copy.accessLog.map((l) => [
                  dateTime.format(new Date(l.at)),
                  l.who ?? 'het systeem',
                  `${l.description}${l.emergency ? ' (noodtoegang)' : ''}${l.outcome === 'denied' ? ' (geweigerd)' : ''}`,
                ]),
              ],
            },
            layout: 'lightHorizontalLines',
          }
        : { text: 'Niemand heeft uw gegevens bekeken.' },
    ],
  };
  return renderDocumentPdf(doc);
}
