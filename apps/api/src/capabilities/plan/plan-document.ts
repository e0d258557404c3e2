import { plainDomainLabel, type Performer, type PlanVersionView } from '@nabij/contracts';
import { renderDocumentPdf } from '../../platform/pdf';
import type { PlanFacts } from '../case-files';

const PERFORMER: Record<Performer, string> = {
  self: 'U zelf',
  self_with_aids: 'U zelf, met een hulpmiddel',
  family_or_informal_carer: 'Familie of mantelzorger',
  network_or_volunteers: 'Iemand uit de buurt of een vrijwilliger',
  case_worker_or_team: 'Uw contactpersoon van het wijkteam',
  other_organisation: 'Een andere organisatie',
};
const STATUS: Record<string, string> = {
  open: 'Nog niet begonnen',
  in_progress: 'Bezig',
  done: 'Klaar',
  stopped: 'Gestopt',
};
const AGREEMENT: Record<string, string> = {
  typed_signature: 'met een handtekening op het scherm',
  signed_paper: 'met een handtekening op papier',
  verbal: 'mondeling',
};

const longDate = (iso: string) =>
  new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );

function who(a: PlanVersionView['goals'][number]['actions'][number]): string {
  const base = a.performer ? PERFORMER[a.performer] : 'Nog afspreken';
  const detail = a.service
    ? `${a.service.name} (${a.service.organisation}${a.service.phone ? `, tel. ${a.service.phone}` : ''})`
    : a.performerName;
  return detail ? `${base}: ${detail}` : base;
}

/** The plan as a printable document for the household, in plain Dutch: goals, actions, who does what, and whom to call. */
export async function renderPlanPdf(facts: PlanFacts, v: PlanVersionView): Promise<Buffer> {
  const isDraft = v.status === 'draft';
  const contact = [
    facts.caseWorker.name,
    facts.teamName,
    facts.caseWorker.email ? `e-mail: ${facts.caseWorker.email}` : null,
  ]
    .filter(Boolean)
    .join('\n');
  const doc = {
    info: { title: `Ons plan — ${facts.householdName}`, author: facts.teamName, subject: `Versie ${v.number}` },
    pageSize: 'A4',
    pageMargins: [55, 55, 55, 65],
    defaultStyle: { fontSize: 11, lineHeight: 1.3 },
    styles: {
      h1: { fontSize: 20, bold: true, color: '#1c3d5a', margin: [0, 0, 0, 4] },
      h2: { fontSize: 14, bold: true, color: '#1c3d5a', margin: [0, 16, 0, 6] },
      h3: { fontSize: 12, bold: true, margin: [0, 8, 0, 2] },
      small: { fontSize: 9, color: '#444444' },
      th: { bold: true },
      draft: { fontSize: 12, bold: true, color: '#a4000f', margin: [0, 0, 0, 8] },
    },
    footer: (page: number, pages: number) => ({
      text: `${facts.householdName} · plan versie ${v.number} · pagina ${page} van ${pages}`,
      style: 'small',
      alignment: 'center',
      margin: [0, 24, 0, 0],
    }),
    content: [
      { text: 'Ons plan', style: 'h1' },
      {
        text: `${facts.householdName} · versie ${v.number} · vanaf ${longDate(v.startsOn)}`,
        style: 'small',
        margin: [0, 0, 0, 10],
      },
      ...(isDraft
        ? [{ text: 'Dit is een concept. Het plan geldt als u het eens bent met de afspraken.', style: 'draft' }]
        : []),
      { text: 'Dit is uw plan. Hierin staat wat u wilt bereiken, wat u zelf doet, wie u daarbij helpt en wanneer.' },
      { text: 'Uw contactpersoon', style: 'h2' },
      { text: contact },
      ...(v.coordination
        ? [
            {
              text:
                v.coordination === 'case'
                  ? 'Het wijkteam houdt het overzicht over alle hulp (casusregie).'
                  : `Een consulent van de gemeente houdt het overzicht over alle hulp (procesregie)${v.coordinatorName ? `: ${v.coordinatorName}` : ''}${v.coordinatorContact ? `, ${v.coordinatorContact}` : ''}.`,
              margin: [0, 6, 0, 0],
            },
          ]
        : []),
      ...(v.residentPlan?.leading
        ? [
            {
              text: 'Uw eigen plan is het uitgangspunt. De afspraken hieronder komen uit uw plan of sluiten erop aan.',
              margin: [0, 6, 0, 0],
            },
          ]
        : []),
      ...v.goals.flatMap((g, i) => [
        { text: `Doel ${i + 1}: ${plainDomainLabel(g.domain)}`, style: 'h2' },
        { text: 'Wat is er aan de hand?', style: 'h3' },
        { text: g.problem },
        { text: 'Wat wilt u bereiken?', style: 'h3' },
        { text: g.goal },
        ...(g.intendedResult ? [{ text: 'Wanneer is het gelukt?', style: 'h3' }, { text: g.intendedResult }] : []),
        ...(g.solutions ? [{ text: 'Hoe gaan we dat doen?', style: 'h3' }, { text: g.solutions }] : []),
        { text: 'Wie doet wat?', style: 'h3' },
        g.actions.length
          ? {
              table: {
                headerRows: 1,
                widths: ['*', '*', 'auto', 'auto'],
                body: [
                  [
                    { text: 'Wat', style: 'th' },
                    { text: 'Wie', style: 'th' },
                    { text: 'Wanneer klaar', style: 'th' },
                    { text: 'Hoe staat het', style: 'th' },
                  ],
                  ...g.actions.map((a) => [
                    a.description,
                    who(a),
                    a.dueOn ? longDate(a.dueOn) : 'Nog afspreken',
                    STATUS[a.status] ?? a.status,
                  ]),
                ],
              },
              layout: 'lightHorizontalLines',
            }
          : { text: 'Hier maken we nog afspraken over.' },
      ]),
      ...(v.parties.length
        ? [
            { text: 'Wie doen er nog meer mee?', style: 'h2' },
            {
              ul: v.parties.map((p) =>
                [
                  p.name,
                  p.organisation ? ` (${p.organisation})` : '',
                  `: ${p.part}`,
                  p.place ? `, ${p.place}` : '',
                  p.timing ? `, ${p.timing}` : '',
                ].join(''),
              ),
            },
          ]
        : []),
      { text: 'Afspraak', style: 'h2' },
      v.agreement
        ? {
            text: `${v.agreement.agreedByName} is het op ${longDate(v.agreement.agreedOn)} ${AGREEMENT[v.agreement.form] ?? ''} eens geworden met dit plan. Vastgelegd door ${v.agreement.recordedByName}.`,
          }
        : { text: 'U bent nog niet akkoord gegaan met dit plan.' },
      { text: 'Vragen of wilt u iets veranderen?', style: 'h2' },
      {
        text: `Neem contact op met ${facts.caseWorker.name}${facts.caseWorker.email ? ` (${facts.caseWorker.email})` : ''}. Samen kijken we elke maand hoe het gaat. U mag het plan altijd laten aanpassen.`,
      },
    ],
  };
  return renderDocumentPdf(doc);
}
