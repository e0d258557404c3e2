import { plainDomainLabel, type Performer, type PlanVersionView } from '@nabij/contracts';
import { renderAccessiblePdf, type Block } from '../../platform/documents/accessible-pdf';
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

const NUMBER_WORDS = [
  '',
  'een',
  'twee',
  'drie',
  'vier',
  'vijf',
  'zes',
  'zeven',
  'acht',
  'negen',
  'tien',
  'elf',
  'twaalf',
];

/** The team's evaluation interval in words: "elke week", "elke zes weken", "elke drie maanden", "elk half jaar". */
export function evaluationFrequency(weeks: number): string {
  if (weeks === 1) return 'elke week';
  if (weeks === 26) return 'elk half jaar';
  if (weeks === 52) return 'elk jaar';
  if (weeks % 13 === 0) return `elke ${NUMBER_WORDS[(weeks / 13) * 3]} maanden`;
  return `elke ${NUMBER_WORDS[weeks] ?? weeks} weken`;
}

/**
 * The plan as a printable document for the household, in plain Dutch: goals, actions, who does what, and whom to
 * call — an accessible PDF (ADR 0053) that says how often the team really evaluates the plan.
 */
export async function renderPlanPdf(facts: PlanFacts, v: PlanVersionView): Promise<Buffer> {
  const isDraft = v.status === 'draft';
  const blocks: Block[] = [
    { type: 'h1', text: 'Ons plan' },
    { type: 'p', text: `${facts.householdName} · versie ${v.number} · vanaf ${longDate(v.startsOn)}`, style: 'small' },
    ...(isDraft
      ? [
          {
            type: 'p',
            text: 'Dit is een concept. Het plan geldt als u het eens bent met de afspraken.',
            style: 'notice',
          } as const,
        ]
      : []),
    {
      type: 'p',
      text: 'Dit is uw plan. Hierin staat wat u wilt bereiken, wat u zelf doet, wie u daarbij helpt en wanneer.',
    },
    { type: 'h2', text: 'Uw contactpersoon' },
    {
      type: 'lines',
      lines: [
        facts.caseWorker.name,
        facts.teamName,
        facts.teamPhone ? `telefoon: ${facts.teamPhone}` : '',
        facts.caseWorker.email ? `e-mail: ${facts.caseWorker.email}` : '',
      ],
    },
    ...(v.coordination
      ? [
          {
            type: 'p',
            text:
              v.coordination === 'case'
                ? 'Het wijkteam houdt het overzicht over alle hulp (casusregie).'
                : `Een consulent van de gemeente houdt het overzicht over alle hulp (procesregie)${v.coordinatorName ? `: ${v.coordinatorName}` : ''}${v.coordinatorContact ? `, ${v.coordinatorContact}` : ''}.`,
          } as const,
        ]
      : []),
    ...(v.residentPlan?.leading
      ? [
          {
            type: 'p',
            text: 'Uw eigen plan is het uitgangspunt. De afspraken hieronder komen uit uw plan of sluiten erop aan.',
          } as const,
        ]
      : []),
    ...v.goals.flatMap((g, i): Block[] => [
      { type: 'h2', text: `Doel ${i + 1}: ${plainDomainLabel(g.domain)}` },
      { type: 'h3', text: 'Wat is er aan de hand?' },
      { type: 'p', text: g.problem },
      { type: 'h3', text: 'Wat wilt u bereiken?' },
      { type: 'p', text: g.goal },
      ...(g.intendedResult
        ? [{ type: 'h3', text: 'Wanneer is het gelukt?' } as const, { type: 'p', text: g.intendedResult } as const]
        : []),
      ...(g.solutions
        ? [{ type: 'h3', text: 'Hoe gaan we dat doen?' } as const, { type: 'p', text: g.solutions } as const]
        : []),
      { type: 'h3', text: 'Wie doet wat?' },
      g.actions.length
        ? {
            type: 'table',
            header: ['Wat', 'Wie', 'Wanneer klaar', 'Hoe staat het'],
            widths: [3, 3, 1.6, 1.4],
            rows: g.actions.map((a) => [
              a.description,
              who(a),
              a.dueOn ? longDate(a.dueOn) : 'Nog afspreken',
              STATUS[a.status] ?? a.status,
            ]),
          }
        : { type: 'p', text: 'Hier maken we nog afspraken over.' },
    ]),
    ...(v.parties.length
      ? [
          { type: 'h2', text: 'Wie doen er nog meer mee?' } as const,
          {
            type: 'list',
            items: v.parties.map((p) =>
              [
                p.name,
                p.organisation ? ` (${p.organisation})` : '',
                `: ${p.part}`,
                p.place ? `, ${p.place}` : '',
                p.timing ? `, ${p.timing}` : '',
              ].join(''),
            ),
          } as const,
        ]
      : []),
    { type: 'h2', text: 'Afspraak' },
    {
      type: 'p',
      text: v.agreement
        ? `${v.agreement.agreedByName} is het op ${longDate(v.agreement.agreedOn)} ${AGREEMENT[v.agreement.form] ?? ''} eens geworden met dit plan. Vastgelegd door ${v.agreement.recordedByName}.`
        : 'U bent nog niet akkoord gegaan met dit plan.',
    },
    { type: 'h2', text: 'Vragen of wilt u iets veranderen?' },
    {
      type: 'p',
      text: `Neem contact op met ${facts.caseWorker.name}${facts.caseWorker.email ? ` (${facts.caseWorker.email})` : ''}${facts.teamPhone ? ` of bel ${facts.teamPhone}` : ''}. Samen kijken we ${evaluationFrequency(facts.evaluationWeeks)} hoe het gaat. U mag het plan altijd laten aanpassen.`,
    },
  ];
  return renderAccessiblePdf({
    title: `Ons plan — ${facts.householdName}`,
    author: facts.teamName,
    subject: `Versie ${v.number}`,
    footer: (page, pages) => `${facts.householdName} · plan versie ${v.number} · pagina ${page} van ${pages}`,
    blocks,
  });
}
