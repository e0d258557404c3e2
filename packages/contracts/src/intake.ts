import { z } from 'zod';
import {
  bsnSchema,
  houseNumberAdditionSchema,
  houseNumberSchema,
  isoDate,
  personMatchReason,
  phoneNumberSchema,
  postcodeSchema,
  personSummary,
  relationSchema,
  uuid,
} from './schemas';
import { NO_FIXED_ADDRESS_KINDS } from './household';

/** Life domains a referral can be about: the 13 ZRM 2017 domains plus parenting. Labels: `domain.<code>`. */
export const LIFE_DOMAINS = [
  'finances',
  'work_education',
  'time_use',
  'housing',
  'domestic_relations',
  'parenting',
  'mental_health',
  'physical_health',
  'substance_use',
  'basic_adl',
  'instrumental_adl',
  'social_network',
  'community_participation',
  'justice',
] as const;
export const lifeDomain = z.enum(LIFE_DOMAINS, { error: 'Kies een leefgebied uit de lijst.' });

export const CHANNELS = ['web_form', 'phone', 'walk_in', 'email', 'partner_signal', 'volunteer_handover'] as const;
export const channelSchema = z.enum(CHANNELS);
export const REFERRAL_STATUSES = [
  'new',
  'waiting_for_information',
  'complete',
  'on_agenda',
  'decided',
  'closed',
] as const;
export const referralStatus = z.enum(REFERRAL_STATUSES);
export type ReferralStatus = z.infer<typeof referralStatus>;
export const URGENCIES = ['normal', 'soon', 'urgent'] as const;
export const CHILD_RISK = ['no', 'unknown', 'yes'] as const;
export const AWARENESS = ['agrees', 'knows_not_agreed', 'not_informed', 'unknown'] as const;

const text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `Vul ${what} in.` })
    .max(max, { error: `Maximaal ${max} tekens.` });
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Maximaal ${max} tekens.` })
    .optional()
    .transform((v) => (v ? v : undefined));
const blank = <T extends z.ZodType<unknown, string>>(schema: T) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? undefined : v))
    .pipe(schema.optional());

/** A date of birth: a real date, not in the future, not before 1900. */
export const dateOfBirth = isoDate
  .refine((v) => v <= new Date().toISOString().slice(0, 10), {
    error: 'Een geboortedatum kan niet in de toekomst liggen.',
  })
  .refine((v) => v >= '1900-01-01', { error: 'Controleer het geboortejaar.' });

export const referralResident = z.object({
  firstName: text(100, 'de voornaam'),
  infix: optional(20),
  lastName: text(100, 'de achternaam'),
  dateOfBirth: blank(dateOfBirth),
  bsn: blank(bsnSchema),
  postcode: blank(postcodeSchema),
  houseNumber: blank(houseNumberSchema),
  houseNumberAddition: blank(houseNumberAdditionSchema),
  street: optional(100),
  city: optional(100),
  phone: blank(phoneNumberSchema),
  /** Who this is in the household; left open, it is derived from the ages (partner for a second adult, child for a minor). */
  relation: relationSchema.optional(),
  /** No fixed address, and why (then no address is needed; with a postal address, the address fields hold it). */
  noFixedAddress: z.enum(NO_FIXED_ADDRESS_KINDS, { error: 'Kies de situatie uit de lijst.' }).optional(),
});
export const referralChild = z.object({
  firstName: optional(100),
  age: z
    .number({ error: 'Vul de leeftijd in jaren in.' })
    .int()
    .min(0, { error: 'Vul een leeftijd van 0 tot 17 in.' })
    .max(17, { error: 'Vul een leeftijd van 0 tot 17 in.' }),
});

export const referrerSchema = z.object({
  name: text(200, 'uw naam'),
  organisation: optional(200),
  role: optional(100),
  phone: blank(phoneNumberSchema),
  email: blank(z.email({ error: 'Vul een geldig e-mailadres in.' }).max(200)),
});

const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const attachmentUpload = z.object({
  filename: text(200, 'een bestandsnaam'),
  /** The file's bytes, base64-encoded. The type is checked from the content, not the name. */
  contentBase64: z
    .string()
    .max(Math.ceil((MAX_ATTACHMENT_BYTES * 4) / 3) + 4, { error: 'Een bijlage mag hoogstens 5 MB zijn.' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'De bijlage kon niet worden gelezen.' }),
});
export const ATTACHMENT_LIMITS = { maxBytes: MAX_ATTACHMENT_BYTES, maxFiles: 3 } as const;

const referralContent = {
  residents: z.array(referralResident).min(1, { error: 'Vul ten minste één inwoner in.' }).max(4),
  children: z.array(referralChild).max(12).default([]),
  lifeDomains: z.array(lifeDomain).min(1, { error: 'Kies ten minste één leefgebied.' }),
  question: text(4000, 'de vraag of zorg'),
  tried: optional(4000),
  urgency: z.enum(URGENCIES).default('normal'),
  childrenAtRisk: z.enum(CHILD_RISK).default('unknown'),
  safetyNotes: optional(2000),
  residentAwareness: z.enum(AWARENESS).default('unknown'),
  residentAwarenessNote: optional(1000),
  /** The household's language for conversations, and whether an interpreter is needed (issue #17 item 10). */
  preferredLanguage: optional(100),
  interpreterNeeded: z.boolean().default(false),
};

/** The public form at /aanmelden. `website` is a honeypot that people never fill in. */
export const publicReferralRequest = z
  .object({
    teamId: uuid,
    referrerKind: z.enum(['professional', 'self']),
    referrer: referrerSchema,
    ...referralContent,
    attachments: z.array(attachmentUpload).max(3, { error: 'U kunt hoogstens 3 bijlagen meesturen.' }).default([]),
    idempotencyKey: z.uuid(),
    website: z.string().max(0, { error: 'Laat dit veld leeg.' }).optional(),
  })
  .superRefine((r, ctx) => {
    if (!r.referrer.phone && !r.referrer.email) {
      ctx.addIssue({
        code: 'custom',
        path: ['referrer', 'phone'],
        message: 'Vul een telefoonnummer of e-mailadres in, zodat wij u kunnen bereiken.',
      });
    }
    if (r.referrerKind === 'professional' && !r.referrer.organisation) {
      ctx.addIssue({ code: 'custom', path: ['referrer', 'organisation'], message: 'Vul uw organisatie in.' });
    }
  });
export type PublicReferralRequest = z.input<typeof publicReferralRequest>;
export const publicReferralResponse = z.object({ reference: z.string() });

/** Registration by the intake desk of a phone call, walk-in, e-mail or partner signal. */
export const registerReferralRequest = z.object({
  teamId: uuid,
  channel: z.enum(['phone', 'walk_in', 'email', 'partner_signal']),
  referrerKind: z.enum(['professional', 'self', 'partner']),
  referrer: referrerSchema.partial({ name: true }).extend({ name: optional(200) }),
  ...referralContent,
  idempotencyKey: z.uuid(),
  /** A consultation without a case ("even overleggen") this referral comes from: it is linked to the referral. */
  consultationId: uuid.optional(),
});

export const publicTeam = z.object({
  id: z.string(),
  name: z.string(),
  area: z.string().nullable(),
  acceptsSelfReferrals: z.boolean(),
});
export const publicReferralFormInfo = z.object({ tenantName: z.string(), teams: z.array(publicTeam) });

export const hostQuestionRequest = z.object({
  teamId: uuid,
  category: z.enum(['information', 'volunteering', 'money', 'housing', 'care_and_health', 'paperwork', 'other'], {
    error: 'Kies een onderwerp.',
  }),
  outcome: z.enum(['answered', 'handed_over']),
  /** Only for a hand-over: what the intake desk needs to call back. */
  handover: z
    .object({
      firstName: text(100, 'de voornaam'),
      lastName: text(100, 'de achternaam'),
      phone: phoneNumberSchema,
      question: text(2000, 'de vraag'),
    })
    .optional(),
});
export const hostQuestionTally = z.object({
  today: z.array(z.object({ category: z.string(), answered: z.number(), handedOver: z.number() })),
});

export const referralListItem = z.object({
  id: z.string(),
  reference: z.string(),
  teamName: z.string(),
  channel: channelSchema,
  status: referralStatus,
  receivedAt: z.string(),
  urgency: z.enum(URGENCIES),
  childrenAtRisk: z.enum(CHILD_RISK),
  residentNames: z.array(z.string()),
  referrerOrganisation: z.string().nullable(),
  ageDays: z.number(),
});
export const referralInbox = z.object({ referrals: z.array(referralListItem) });

export const checklistItem = z.object({ key: z.string(), done: z.boolean() });

/** The household's language and whether an interpreter is needed (issue #17 item 10); kept on the persons. */
export const householdLanguage = z.object({ interpreterNeeded: z.boolean(), languages: z.array(z.string()) });
export type HouseholdLanguage = z.infer<typeof householdLanguage>;

/** The reasons teams close a referral without a case before (or without) a core decision. Labels: `closeReason.<code>`. */
export const REFERRAL_CLOSE_REASONS = [
  'taken_up_elsewhere',
  'no_consent',
  'duplicate',
  'not_for_us',
  'withdrawn',
  'other',
] as const;
export type ReferralCloseReason = (typeof REFERRAL_CLOSE_REASONS)[number];

export const referralCorrectionView = z.object({
  changeId: z.string(),
  at: z.string(),
  byName: z.string(),
  reason: z.string(),
  fields: z.array(
    z.object({
      field: z.string(),
      personLabel: z.string().nullable(),
      oldValue: z.string().nullable(),
      newValue: z.string().nullable(),
    }),
  ),
});
export const referralView = z.object({
  id: z.string(),
  version: z.number(),
  reference: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  channel: channelSchema,
  status: referralStatus,
  receivedAt: z.string(),
  referrerKind: z.enum(['professional', 'self', 'partner']),
  referrer: z.object({
    name: z.string().nullable(),
    organisation: z.string().nullable(),
    role: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
  }),
  residents: z.array(
    z.object({
      id: z.string(),
      role: z.enum(['resident', 'household_member']),
      firstName: z.string().nullable(),
      infix: z.string().nullable(),
      lastName: z.string().nullable(),
      dateOfBirth: z.string().nullable(),
      age: z.number().nullable(),
      bsn: z.string().nullable(),
      postcode: z.string().nullable(),
      houseNumber: z.string().nullable(),
      street: z.string().nullable(),
      city: z.string().nullable(),
      phone: z.string().nullable(),
      personId: z.string().nullable(),
      houseNumberAddition: z.string().nullable().optional(),
      /** The relation in the household: as given on the referral, or derived from the ages (`relationDerived`). */
      relation: relationSchema.optional(),
      relationDerived: z.boolean().optional(),
      noFixedAddress: z.enum(NO_FIXED_ADDRESS_KINDS).nullable().optional(),
    }),
  ),
  lifeDomains: z.array(lifeDomain),
  question: z.string(),
  tried: z.string().nullable(),
  urgency: z.enum(URGENCIES),
  childrenAtRisk: z.enum(CHILD_RISK),
  safetyNotes: z.string().nullable(),
  residentAwareness: z.enum(AWARENESS),
  residentAwarenessNote: z.string().nullable(),
  householdId: z.string().nullable(),
  knownCoordinationElsewhere: z.string().nullable(),
  regiecheckDoneAt: z.string().nullable(),
  checklist: z.array(checklistItem),
  contacts: z.array(
    z.object({ id: z.string(), at: z.string(), byName: z.string(), channel: z.string(), note: z.string() }),
  ),
  attachments: z.array(
    z.object({ id: z.string(), filename: z.string(), mediaType: z.string(), sizeBytes: z.number() }),
  ),
  allowedTransitions: z.array(referralStatus),
  meetingId: z.string().nullable(),
  decision: z
    .object({
      outcome: z.enum(['take_up', 'advice', 'refer_elsewhere', 'not_for_us']),
      reasoning: z.string(),
      decidedAt: z.string(),
    })
    .nullable(),
  letters: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      subject: z.string(),
      to: z.string().nullable(),
      sentAt: z.string().nullable(),
      status: z.enum(['pending', 'sent', 'no_address', 'failed']),
    }),
  ),
  caseId: z.string().nullable(),
  caseWorkerName: z.string().nullable(),
  /** The household's language and need of an interpreter: from the linked persons once the regiecheck is done, before that as referred. */
  language: householdLanguage.optional(),
  /** Closed without a case: the coded reason ('decision': as the intake meeting decided), the note, who and when. */
  closure: z
    .object({
      reason: z.enum(['decision', ...REFERRAL_CLOSE_REASONS]),
      note: z.string().nullable(),
      closedAt: z.string(),
      closedByName: z.string().nullable(),
    })
    .nullable()
    .optional(),
  /** The corrections after the referral came in, newest first: each save with its reason and the fields it changed. */
  corrections: z.array(referralCorrectionView).optional(),
});
export type ReferralView = z.infer<typeof referralView>;

/**
 * A value a correction sets, clears or leaves: absent leaves it as it is, an empty string or null clears it,
 * anything else is checked by `schema` and set.
 */
const clearable = <T extends z.ZodType<unknown, string>>(schema: T) =>
  z
    .string()
    .nullable()
    .optional()
    .transform((v) => (v === undefined ? undefined : v === null || v.trim() === '' ? null : v.trim()))
    .pipe(schema.nullable().optional());
const clearableText = (max: number) => clearable(z.string().max(max, { error: `Maximaal ${max} tekens.` }));

/**
 * Completing and correcting a referral after it came in (issue #17 item 4). Per person in the referral and for
 * the referral's own answers: an absent field stays, an empty one is cleared. Only what differs is changed and
 * written to the history, with the reason.
 */
export const correctReferralRequest = z.object({
  version: z.number().int(),
  reason: text(500, 'de reden van de wijziging'),
  residents: z
    .array(
      z.object({
        id: uuid,
        dateOfBirth: clearable(dateOfBirth),
        age: z
          .number({ error: 'Vul de leeftijd in jaren in.' })
          .int({ error: 'Vul de leeftijd in hele jaren in.' })
          .min(0, { error: 'Vul een leeftijd van 0 tot 120 in.' })
          .max(120, { error: 'Vul een leeftijd van 0 tot 120 in.' })
          .nullable()
          .optional(),
        street: clearableText(100),
        houseNumber: clearable(houseNumberSchema),
        houseNumberAddition: clearable(houseNumberAdditionSchema),
        postcode: clearable(postcodeSchema),
        city: clearableText(100),
        phone: clearable(phoneNumberSchema),
      }),
    )
    .max(16)
    .default([]),
  childrenAtRisk: z.enum(CHILD_RISK, { error: 'Kies ja, nee of weet ik niet.' }).optional(),
  residentAwareness: z.enum(AWARENESS, { error: 'Kies een antwoord uit de lijst.' }).optional(),
  residentAwarenessNote: clearableText(1000),
  preferredLanguage: clearableText(100),
  interpreterNeeded: z.boolean().optional(),
});
export type CorrectReferralRequest = z.input<typeof correctReferralRequest>;

/** GET /api/cases/:id/referrals: the referral that opened the case and those that joined it, for their correction from the case. */
export const caseReferrals = z.object({ referrals: z.array(referralView) });
export type CaseReferrals = z.infer<typeof caseReferrals>;

/** The fields a correction can change, for the history's labels (`correctionField.<field>`). */
export const CORRECTION_FIELDS = [
  'dateOfBirth',
  'age',
  'street',
  'houseNumber',
  'houseNumberAddition',
  'postcode',
  'city',
  'phone',
  'childrenAtRisk',
  'residentAwareness',
  'residentAwarenessNote',
  'preferredLanguage',
  'interpreterNeeded',
] as const;

export const changeReferralStatusRequest = z.object({ status: referralStatus, version: z.number().int() });
export const addReferralContactRequest = z.object({
  channel: z.enum(['phone', 'email', 'in_person', 'other']),
  note: text(2000, 'een korte notitie'),
});

export const regiecheckMatch = z.object({
  person: personSummary,
  /** `household`: a member of the household proposed for this referral with the same first name (a child named by first name only). */
  matchedOn: z.array(z.enum(['bsn', 'name_and_birth_date', 'address', 'name', 'household'])),
  /** Why this person was found, in detail (ADR 0030): "achternaam gelijk", "klinkt gelijk (ij/y)", …; strongest first. */
  reasons: z.array(personMatchReason).optional(),
  households: z.array(z.object({ id: z.string(), name: z.string() })),
  caseFiles: z.array(
    z.object({
      id: z.string(),
      status: z.enum(['open', 'closed']),
      closedAt: z.string().nullable(),
      teamName: z.string(),
      contactPerson: z.string().nullable(),
      /** The case's phase; `watch` is the waakvlam. */
      phase: z.string().optional(),
      /** In watch or closed less than two years ago: completing the regiecheck links the referral to this case. */
      linksToCase: z.boolean().optional(),
      /** In watch or closed: why the case was closed, and the risk that remained when the case review meeting decided to close. */
      closure: z
        .object({ closedOn: z.string(), reason: z.string(), reasonText: z.string(), riskNote: z.string().nullable() })
        .nullable()
        .optional(),
    }),
  ),
});
/** An open case file of the household (issue #17 item 7): one household, one plan, one coordinator. */
export const openCaseNotice = z.object({
  caseId: z.string(),
  reference: z.string().nullable(),
  workerName: z.string(),
  teamName: z.string(),
});
export type OpenCaseNotice = z.infer<typeof openCaseNotice>;
export const regiecheckResponse = z.object({
  residents: z.array(z.object({ referralPersonId: z.string(), matches: z.array(regiecheckMatch) })),
  /** The open case of a matched person or household: the referral joins it as a new question, unless the coordinator records why not. */
  openCases: z.array(openCaseNotice).optional(),
  /** The existing household of the persons found (the one most of them belong to): proposed instead of a new one. */
  proposedHouseholdId: z.string().nullable().optional(),
});
export const completeRegiecheckRequest = z.object({
  version: z.number().int(),
  /** Per person in the referral: link to an existing person, or create a new one. */
  links: z.array(z.object({ referralPersonId: uuid, personId: uuid.nullable() })),
  /** Link to an existing household, or create a new one with the linked persons. */
  householdId: uuid.nullable(),
  knownCoordinationElsewhere: optional(1000),
});

// ---------- intake meeting (aanmeldoverleg), triage and core decision ----------
export const meetingParticipant = z.object({
  userId: uuid.optional(),
  /** External participants (municipal consultant, youth nurse, referrer) by name and role. */
  name: optional(200),
  role: optional(200),
});
export const createMeetingRequest = z.object({
  teamId: uuid,
  date: isoDate,
  chairUserId: uuid,
  participants: z.array(meetingParticipant).max(30).default([]),
});
export const meetingSummary = z.object({
  id: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  date: z.string(),
  chairName: z.string(),
  itemCount: z.number(),
  decidedCount: z.number(),
});
export const meetingList = z.object({ meetings: z.array(meetingSummary) });

export const TRIAGE_URGENCY = ['low', 'medium', 'high', 'crisis'] as const;
export const CORE_DECISIONS = ['take_up', 'advice', 'refer_elsewhere', 'not_for_us'] as const;
export const coreDecisionOutcome = z.enum(CORE_DECISIONS, { error: 'Kies het kernbesluit.' });

export const triageInput = z.object({
  situation: text(4000, 'wat er aan de hand is'),
  lifeDomains: z.array(lifeDomain).min(1, { error: 'Kies ten minste één leefgebied.' }),
  multipleProblems: z.boolean(),
  knownToOthers: optional(2000),
  urgency: z.enum(TRIAGE_URGENCY, { error: 'Kies de urgentie.' }),
  safety: text(2000, 'hoe veilig de betrokkenen (kinderen) zijn'),
  expertiseNeeded: optional(1000),
});
export const coreDecisionInput = z.object({
  outcome: coreDecisionOutcome,
  interventions: optional(2000),
  goal: optional(2000),
  intendedResult: optional(2000),
  carriedOutBy: optional(500),
  reasoning: text(4000, 'de onderbouwing'),
  discussedWithResident: z.boolean(),
  /**
   * When the household already has an open case, taking the referral up adds it to that case as a new question (same
   * contact person). Only with a reason does the team open a second, parallel case; the reason is kept and logged.
   */
  parallelCaseReason: optional(2000),
});
export const decideReferralRequest = z
  .object({ version: z.number().int(), triage: triageInput, decision: coreDecisionInput })
  .superRefine((r, ctx) => {
    if (r.decision.outcome === 'take_up') {
      for (const key of ['interventions', 'goal', 'intendedResult'] as const) {
        if (!r.decision[key])
          ctx.addIssue({ code: 'custom', path: ['decision', key], message: 'Vul dit in als het team de hulp oppakt.' });
      }
    }
  });
export type DecideReferralRequest = z.input<typeof decideReferralRequest>;

export const meetingItem = z.object({
  referralId: z.string(),
  reference: z.string(),
  residentNames: z.array(z.string()),
  lifeDomains: z.array(lifeDomain),
  urgency: z.enum(URGENCIES),
  childrenAtRisk: z.enum(CHILD_RISK),
  question: z.string(),
  status: referralStatus,
  version: z.number(),
  /** The household's open case: taking the referral up adds it there (unless a reason for a parallel case is given). */
  openCase: openCaseNotice.nullable().optional(),
  /** What became of the referral with an open case: joined it, or a parallel case with this reason. */
  openCaseOutcome: z
    .object({ outcome: z.enum(['joined', 'parallel_case']), reason: z.string().nullable() })
    .nullable()
    .optional(),
  /** The household's language and need of an interpreter, from the linked persons. */
  language: householdLanguage.optional(),
  triage: triageInput
    .extend({ knownToOthers: z.string().nullable(), expertiseNeeded: z.string().nullable() })
    .nullable(),
  decision: z
    .object({
      outcome: coreDecisionOutcome,
      interventions: z.string().nullable(),
      goal: z.string().nullable(),
      intendedResult: z.string().nullable(),
      carriedOutBy: z.string().nullable(),
      reasoning: z.string(),
      discussedWithResident: z.boolean(),
      decidedAt: z.string(),
      decidedByName: z.string(),
    })
    .nullable(),
});
export const meetingView = z.object({
  id: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  date: z.string(),
  chair: z.object({ id: z.string(), name: z.string() }),
  participants: z.array(z.object({ userId: z.string().nullable(), name: z.string(), role: z.string().nullable() })),
  items: z.array(meetingItem),
  /** Complete referrals of this team not yet on an agenda, to add. */
  candidates: z.array(referralListItem),
});
export const addMeetingItemRequest = z.object({ referralId: uuid });

// ---------- feedback letters to the referrer ----------
export const LETTER_KINDS = [
  'decision_take_up',
  'decision_advice',
  'decision_refer_elsewhere',
  'decision_not_for_us',
  'closure',
] as const;
export const letterKind = z.enum(LETTER_KINDS);
export const letterDraft = z.object({
  kind: letterKind,
  to: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
});
export const sendLetterRequest = z.object({
  kind: letterKind,
  subject: text(200, 'een onderwerp'),
  body: text(20_000, 'de tekst van de brief'),
  /** Retrying the same send with the same key sends once. */
  idempotencyKey: z.uuid(),
  /** When the referral already has a case file and no active consent covers the referrer: the legal basis and the reason. */
  legalBasis: optional(500),
  sharingReason: optional(2000),
});
export const letterView = z.object({
  id: z.string(),
  kind: letterKind,
  subject: z.string(),
  to: z.string().nullable(),
  sentAt: z.string().nullable(),
  /** `pending`: stored and being e-mailed (or the app stopped before the e-mail went out). */
  status: z.enum(['pending', 'sent', 'no_address', 'failed']),
});
/** Template kinds: the referral letters above, and the letters about a case on closure (to the referrer, to the household). */
export const LETTER_TEMPLATE_KINDS = [...LETTER_KINDS, 'case_closure_referrer', 'case_closure_household'] as const;
export const letterTemplateKind = z.enum(LETTER_TEMPLATE_KINDS);
export const letterTemplate = z.object({
  kind: letterTemplateKind,
  subject: z.string(),
  body: z.string(),
  version: z.number(),
});
export const updateLetterTemplateRequest = z.object({
  subject: text(200, 'een onderwerp'),
  body: text(20_000, 'de tekst'),
  version: z.number().int(),
});

// ---------- assignment (verdeeloverleg) and the case file ----------
export const CONSENT_KINDS = ['signed', 'email', 'verbal', 'none'] as const;
export const assignReferralRequest = z
  .object({
    version: z.number().int(),
    caseWorkerId: uuid,
    tandemWorkerId: uuid.optional(),
    consent: z.enum(CONSENT_KINDS, { error: 'Kies hoe de inwoner toestemming gaf.' }),
    consentDate: blank(isoDate),
    /** Required when opening without consent: the legal basis and the reason. */
    legalBasis: optional(500),
    reasonWithoutConsent: optional(2000),
    /** When the household already has an open case: why a second, parallel case is opened (kept and logged). */
    parallelCaseReason: optional(2000),
  })
  .superRefine((r, ctx) => {
    if (r.consent !== 'none' && !r.consentDate)
      ctx.addIssue({ code: 'custom', path: ['consentDate'], message: 'Vul de datum van de toestemming in.' });
    if (r.consent === 'none') {
      if (!r.legalBasis)
        ctx.addIssue({
          code: 'custom',
          path: ['legalBasis'],
          message: 'Vul de wettelijke grondslag in als er geen toestemming is.',
        });
      if (!r.reasonWithoutConsent)
        ctx.addIssue({
          code: 'custom',
          path: ['reasonWithoutConsent'],
          message: 'Leg uit waarom het dossier zonder toestemming wordt geopend.',
        });
    }
    if (r.tandemWorkerId && r.tandemWorkerId === r.caseWorkerId)
      ctx.addIssue({ code: 'custom', path: ['tandemWorkerId'], message: 'Kies voor de tandem een andere werker.' });
  });
export const waitingAssignment = z.object({
  referralId: z.string(),
  reference: z.string(),
  version: z.number(),
  residentNames: z.array(z.string()),
  lifeDomains: z.array(lifeDomain),
  decidedAt: z.string(),
  /** Whole days since the decision; the norm is 0 (the same day). */
  waitingDays: z.number(),
  breachesNorm: z.boolean(),
  /** The household's open case (issue #17 item 7): add the referral to it, or open a parallel case with a reason. */
  openCase: openCaseNotice.nullable().optional(),
  /** The intake meeting already recorded why a parallel case is opened. */
  parallelCaseReason: z.string().nullable().optional(),
});
/** Adds a decided referral to the household's open case as a new question (same contact person); the referral closes. */
export const joinOpenCaseRequest = z.object({ version: z.number().int(), caseId: uuid });
export const workerLoad = z.object({
  userId: z.string(),
  name: z.string(),
  openCases: z.number(),
  byPhase: z.record(z.string(), z.number()),
  expertise: z.array(z.string()),
});
export const assignmentOverview = z.object({ waiting: z.array(waitingAssignment), workers: z.array(workerLoad) });

export const CASE_PHASES = ['analysis', 'plan', 'execution', 'closure', 'watch', 'closed'] as const;
export const caseSummary = z.object({
  id: z.string(),
  reference: z.string(),
  householdName: z.string(),
  primaryPersonId: z.string().nullable(),
  phase: z.enum(CASE_PHASES),
  openedAt: z.string(),
  /** `process_coordinator`: a municipal consultant linked to the case (reads the case and the plan). */
  myRole: z.enum(['case_worker', 'tandem', 'process_coordinator']),
  analysisDeadline: z.string().nullable(),
  analysisOverdue: z.boolean(),
  /** The household's language and need of an interpreter. */
  language: householdLanguage.optional(),
});
export const myCases = z.object({ cases: z.array(caseSummary) });

/**
 * Closing a referral without a case. After a core decision other than taking it up the decision is the reason; at
 * any earlier stage the desk gives one of the coded reasons (required then), with an optional note.
 */
export const closeReferralRequest = z.object({
  version: z.number().int(),
  reason: z.enum(REFERRAL_CLOSE_REASONS, { error: 'Kies de reden van afsluiten.' }).optional(),
  note: optional(1000),
});

// ---------- consultations without a case ("even overleggen", issue #17 item 18) ----------
export const CONSULTATION_TOPICS = [...LIFE_DOMAINS, 'other'] as const;
export const teamConsultationRequest = z.object({
  teamId: uuid,
  asker: z.enum(['professional', 'resident'], { error: 'Kies wie de vraag stelde.' }),
  channel: z.enum(['phone', 'email', 'in_person', 'other'], { error: 'Kies hoe de vraag binnenkwam.' }),
  topic: z.enum(CONSULTATION_TOPICS, { error: 'Kies een onderwerp.' }),
  advice: text(2000, 'het gegeven advies (zonder namen)'),
  minutesSpent: z
    .number({ error: 'Vul de bestede tijd in minuten in.' })
    .int({ error: 'Vul de bestede tijd in hele minuten in.' })
    .min(1, { error: 'Vul een tijd van 1 tot 480 minuten in.' })
    .max(480, { error: 'Vul een tijd van 1 tot 480 minuten in.' }),
});
export type TeamConsultationRequest = z.input<typeof teamConsultationRequest>;
export const teamConsultationView = z.object({
  id: z.string(),
  at: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  asker: z.enum(['professional', 'resident']),
  channel: z.enum(['phone', 'email', 'in_person', 'other']),
  topic: z.enum(CONSULTATION_TOPICS),
  advice: z.string(),
  minutesSpent: z.number(),
  byName: z.string(),
  referralId: z.string().nullable(),
  referralReference: z.string().nullable(),
});
export type TeamConsultationView = z.infer<typeof teamConsultationView>;
export const teamConsultationList = z.object({ consultations: z.array(teamConsultationView) });
