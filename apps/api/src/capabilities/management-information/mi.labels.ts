/**
 * Dutch labels of the management information. The report (tables with titles, definitions, row and column labels) is
 * built here once and shown the same on screen, in CSV, XLSX and PDF; see ADR 0021.
 */
import { LIFE_DOMAIN_LABELS, SERVICE_TYPE_LABELS, type QualityElement } from '@nabij/contracts';

export const CHANNEL: Record<string, string> = {
  web_form: 'Webformulier',
  phone: 'Telefoon',
  walk_in: 'Inloop',
  email: 'E-mail',
  partner_signal: 'Signaal van partner',
  volunteer_handover: 'Via de balie (gastvrouw/-heer)',
};
export const REFERRER_KIND: Record<string, string> = {
  professional: 'Professional',
  self: 'Inwoner zelf',
  partner: 'Partnerorganisatie',
};
export const DECISION: Record<string, string> = {
  take_up: 'Team pakt het zelf op',
  advice: 'Advies aan de verwijzer volstaat',
  refer_elsewhere: 'Doorverwijzing naar een andere partij',
  not_for_us: 'Niet voor het wijkteam',
  none: 'Afgesloten vóór een kernbesluit',
};
export const PHASE: Record<string, string> = {
  analysis: 'Analyse',
  plan: 'Plan',
  execution: 'Uitvoering',
  closure: 'Afronding',
  watch: 'Waakvlam',
};
export const STEP: Record<string, string> = {
  referral_decision: 'Aanmelding → kernbesluit',
  decision_assignment: 'Kernbesluit → toewijzing (dossier geopend)',
  assignment_contact: 'Toewijzing → eerste contact',
  contact_plan: 'Eerste contact → plan afgesproken',
  assignment_plan: 'Toewijzing → plan afgesproken (analyse)',
  referral_plan: 'Aanmelding → plan afgesproken (totaal)',
};
export const STEPS = Object.keys(STEP);
/** The ZRM domains (the life domains without parenting, plus the three of ZRM 2013 in older assessments). */
const { parenting: _parenting, ...ZRM_2017 } = LIFE_DOMAIN_LABELS;
export const ZRM_DOMAIN: Record<string, string> = {
  ...ZRM_2017,
  daytime_activities: 'Dagbesteding (ZRM 2013)',
  addiction: 'Verslaving (ZRM 2013)',
  adl: 'ADL (ZRM 2013)',
};
export const LIFE_DOMAIN: Record<string, string> = { ...ZRM_DOMAIN, parenting: 'Opvoeding' };
export const CLOSURE_REASON: Record<string, string> = {
  goals_reached: 'Doelen bereikt',
  referred_elsewhere: 'Doorverwezen naar andere hulp',
  household_stopped: 'Huishouden wilde stoppen',
  no_contact_after_outreach: 'Geen contact na eropaf',
  moved: 'Verhuisd',
  other: 'Andere reden',
};
export const PERFORMER_GROUP: Record<string, string> = {
  household: 'Het huishouden zelf (ook met hulpmiddelen)',
  family: 'Familie of mantelzorger',
  network: 'Netwerk, buurt of vrijwilligers',
  professional: 'Professionals (wijkteam of andere organisatie)',
  unknown: 'Nog niet bepaald',
};
export const SERVICE_TYPE: Record<string, string> = {
  ...SERVICE_TYPE_LABELS,
  none: 'Geen voorziening uit de sociale kaart',
};
export const SIGNAL_KIND: Record<string, string> = {
  service_gap: 'Gat in het aanbod',
  law_gap: 'Knelpunt in wet- of regelgeving',
  cooperation: 'Samenwerking stagneert',
  other: 'Anders',
};

export const TOTAL = 'Totaal';

/** Movisie's 15 effective elements (seed 004), with a short description in our own words. */
export const QUALITY_ELEMENT: Record<QualityElement, { name: string; description: string }> = {
  basic_attitude: {
    name: 'Basishouding',
    description:
      'Een open, gelijkwaardige en respectvolle houding: de werker sluit aan bij de leefwereld van de inwoner en bouwt een vertrouwensband op.',
  },
  continuity: {
    name: 'Continuïteit',
    description:
      'De ondersteuning loopt door zonder breuken: geen onnodige overdrachten, warme overdracht waar het moet, en makkelijk terug kunnen komen.',
  },
  integral_plan: {
    name: 'Integraal plan',
    description:
      'Eén plan voor het hele huishouden over alle leefgebieden die ertoe doen: één huishouden, één plan, één regisseur.',
  },
  long_term_support: {
    name: 'Langdurende ondersteuning, waar nodig',
    description:
      'Wie het nodig heeft, krijgt langer steun of een vinger aan de pols (waakvlam), zodat het niet opnieuw misgaat.',
  },
  normalising: {
    name: 'Normaliseren',
    description:
      'Eerst wat het huishouden zelf, het netwerk en algemene of groepsvoorzieningen kunnen; individuele professionele hulp waar dat nodig is.',
  },
  tailored: {
    name: 'Maatwerk',
    description:
      'De ondersteuning past bij deze inwoner en dit huishouden, met ruimte om beargumenteerd af te wijken van de standaard.',
  },
  support_nearby: {
    name: 'Ondersteuning dichtbij',
    description: 'De werker is in de wijk en bij de mensen thuis te vinden, fysiek en in de tijd dichtbij.',
  },
  open_communication: {
    name: 'Open en duidelijk communiceren',
    description:
      'Eerlijk en begrijpelijk over wat er gebeurt en waarom: besluiten worden met de inwoner besproken en teruggekoppeld.',
  },
  quick_practical_help: {
    name: 'Snel praktische hulp regelen',
    description: 'Snel iets doen aan wat het meest knelt, zodat er ruimte komt voor de rest.',
  },
  quick_expertise: {
    name: 'Snelle inzet van specifieke kennis en deskundigheid',
    description:
      'Snel specialistische kennis erbij halen, zoals de gedragswetenschapper of een partner, zonder het dossier over te dragen.',
  },
  accessible_support: {
    name: 'Toegankelijke ondersteuning',
    description:
      'Makkelijk binnen te komen, langs veel wegen: zelf, via de balie, telefonisch, online of via een professional.',
  },
  own_direction: {
    name: 'Uitgaan van eigen regie, ondersteuning waar nodig',
    description: 'Het huishouden houdt de regie en is eigenaar van het plan; de werker ondersteunt waar nodig.',
  },
  fixed_contact_person: {
    name: 'Vast contactpersoon',
    description: 'Eén vaste contactpersoon voor het huishouden, zonder wisselingen.',
  },
  question_clarification: {
    name: 'Vraagverheldering',
    description: 'Samen de vraag achter de vraag vinden, op alle leefgebieden, voordat het plan wordt gemaakt.',
  },
  working_with_methods: {
    name: 'Werken met methodes',
    description:
      'Methodisch werken met erkende instrumenten (zoals de ZRM en de participatieladder) en vaste evaluatiemomenten.',
  },
};
