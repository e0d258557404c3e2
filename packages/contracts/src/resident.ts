import { z } from 'zod';
import { attachmentUpload } from './intake';
import { ACTION_STATUSES, PERFORMERS, RESIDENT_PLAN_KINDS } from './plan';
import { uuid } from './schemas';

/**
 * The resident portal "Mijn Nabij": login of residents and representatives, and what they see and do. Texts are in
 * plain Dutch (B1). The staff side (the portal section on the case page) is at the end.
 */

const text = (max: number, what: string) =>
  z
    .string({ error: `Vul ${what} in.` })
    .trim()
    .min(1, { error: `Vul ${what} in.` })
    .max(max, { error: `U kunt hier hoogstens ${max} tekens typen.` });
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `U kunt hier hoogstens ${max} tekens typen.` })
    .optional()
    .transform((v) => (v ? v : undefined));
const emailAddress = z
  .string({ error: 'Vul uw e-mailadres in.' })
  .trim()
  .min(1, { error: 'Vul uw e-mailadres in.' })
  .max(254, { error: 'Dit e-mailadres is te lang.' })
  .pipe(z.email({ error: 'Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.' }));
const versionField = z.number({ error: 'Vernieuw de pagina en probeer het opnieuw.' }).int().min(1);

// ---------- codes ----------
/** Who may act for someone else: a parent or legal guardian (child under 16), a mentor or curator (adult). */
export const REPRESENTATION_RELATIONS = ['parent', 'legal_guardian', 'mentor', 'curator'] as const;
export type RepresentationRelation = (typeof REPRESENTATION_RELATIONS)[number];
/** Actions the household does itself, which the resident can mark done in the portal. */
export const OWN_PERFORMERS = ['self', 'self_with_aids'] as const;

// ---------- login ----------
export const residentCodeRequest = z.object({ email: emailAddress });
export const residentCodeVerify = z.object({
  email: emailAddress,
  code: z
    .string({ error: 'Vul de code in.' })
    .trim()
    .regex(/^\d{6}$/, { error: 'De code bestaat uit 6 cijfers. U vindt de code in de e-mail.' }),
});

export const residentSubject = z.object({
  personId: z.string(),
  name: z.string(),
  self: z.boolean(),
  relation: z.enum(REPRESENTATION_RELATIONS).nullable(),
  age: z.number().nullable(),
  /** May the logged-in person act for this person now (age rules)? */
  allowed: z.boolean(),
  /** Why not, in plain Dutch. */
  refusal: z.string().nullable(),
  /** Agree to the household's plan and mark actions done (adults, or a mentor or curator). */
  canChangePlan: z.boolean(),
});
export type ResidentSubject = z.infer<typeof residentSubject>;

export const residentSessionResponse = z.object({
  authenticated: z.boolean(),
  csrfToken: z.string().optional(),
  emailLogin: z.boolean(),
  digidEnabled: z.boolean(),
  idleMinutes: z.number(),
  resident: z
    .object({
      firstName: z.string(),
      tenantName: z.string(),
      /** For the municipality's house style (ADR 0054). */
      tenantSlug: z.string(),
      authMethod: z.enum(['email_code', 'digid']),
      subjects: z.array(residentSubject),
    })
    .optional(),
});
export type ResidentSessionResponse = z.infer<typeof residentSessionResponse>;

// ---------- the plan ----------
export const residentAction = z.object({
  id: z.string(),
  description: z.string(),
  performer: z.enum(PERFORMERS).nullable(),
  performerName: z.string().nullable(),
  serviceName: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(ACTION_STATUSES),
  progressNote: z.string().nullable(),
  /** Done by the household itself: the resident can mark it done. */
  own: z.boolean(),
});
export type ResidentAction = z.infer<typeof residentAction>;

export const residentGoal = z.object({
  id: z.string(),
  domain: z.string(),
  problem: z.string(),
  goal: z.string(),
  intendedResult: z.string().nullable(),
  actions: z.array(residentAction),
});

export const residentPlanVersion = z.object({
  number: z.number(),
  /** Optimistic concurrency: sent back when agreeing or marking an action done. */
  version: z.number(),
  status: z.enum(['draft', 'agreed', 'superseded']),
  startsOn: z.string(),
  changeReason: z.string().nullable(),
  agreedOn: z.string().nullable(),
  agreedByName: z.string().nullable(),
  goals: z.array(residentGoal),
  parties: z.array(
    z.object({
      name: z.string(),
      organisation: z.string().nullable(),
      part: z.string(),
      place: z.string().nullable(),
      timing: z.string().nullable(),
    }),
  ),
});
export type ResidentPlanVersion = z.infer<typeof residentPlanVersion>;

export const residentContactPerson = z.object({
  workerName: z.string(),
  teamName: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

export const residentHome = z.object({
  subjectName: z.string(),
  caseOpen: z.boolean(),
  contact: residentContactPerson.nullable(),
  planAgreed: z.boolean(),
  newVersionWaiting: z.boolean(),
  upcoming: z.array(z.object({ date: z.string(), what: z.string() })),
});
export type ResidentHome = z.infer<typeof residentHome>;

export const residentPlanPage = z.object({
  subjectName: z.string(),
  contact: residentContactPerson,
  agreed: residentPlanVersion.nullable(),
  /** A new version the worker offered for agreement. */
  offered: residentPlanVersion.nullable(),
  canChangePlan: z.boolean(),
});
export type ResidentPlanPage = z.infer<typeof residentPlanPage>;

export const residentAgreeInput = z.object({
  number: z.number({ error: 'Vernieuw de pagina en probeer het opnieuw.' }).int().min(1),
  version: versionField,
  typedName: text(200, 'uw naam'),
  confirm: z.literal(true, { error: 'Zet een vinkje als u akkoord gaat met het plan.' }),
});

export const residentActionDoneInput = z.object({
  version: versionField,
  note: optional(1000),
});

// ---------- contacts (the journaal, without internal notes) ----------
export const residentContactNote = z.object({
  id: z.string(),
  contactOn: z.string(),
  kind: z.string(),
  note: z.string(),
});
export const residentContactNotes = z.object({ contacts: z.array(residentContactNote) });

// ---------- messages ----------
export const residentMessageInput = z.object({ body: text(2000, 'uw bericht') });
export const residentMessageView = z.object({
  id: z.string(),
  body: z.string(),
  sentAt: z.string(),
  readAt: z.string().nullable(),
});
export const residentMessages = z.object({ messages: z.array(residentMessageView), workerName: z.string().nullable() });
/** Mijn werk: per case of the worker, the household's messages through Mijn Nabij nobody has read yet (issue #19 item 8). */
export const unreadResidentMessages = z.object({
  cases: z.array(
    z.object({
      caseId: z.string(),
      householdName: z.string().nullable(),
      unread: z.number().int(),
      lastSentAt: z.string(),
    }),
  ),
});
export type UnreadResidentMessages = z.infer<typeof unreadResidentMessages>;
export type ResidentMessages = z.infer<typeof residentMessages>;

// ---------- own plan and own statement ----------
export const residentOwnPlanInput = z
  .object({
    kind: z.enum(RESIDENT_PLAN_KINDS, { error: 'Kies wat voor plan het is.' }),
    text: optional(10000),
    file: attachmentUpload.optional(),
  })
  .refine((v) => v.text !== undefined || v.file !== undefined, {
    path: ['text'],
    error: 'Schrijf uw plan hier op, of kies een bestand met uw plan.',
  });
export const residentStatementInput = z.object({ statement: text(5000, 'uw verklaring') });
export const residentDocuments = z.object({
  ownPlans: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(RESIDENT_PLAN_KINDS),
      text: z.string().nullable(),
      filename: z.string().nullable(),
      submittedAt: z.string(),
    }),
  ),
  statements: z.array(z.object({ id: z.string(), statement: z.string(), receivedOn: z.string() })),
  /** Letters of the team to this person (the letter on closure), each with its PDF. */
  letters: z.array(z.object({ id: z.string(), subject: z.string(), createdAt: z.string() })).default([]),
});
export type ResidentDocuments = z.infer<typeof residentDocuments>;

// ---------- consents ----------
export const residentConsent = z.object({
  id: z.string(),
  recipient: z.string(),
  scope: z.string(),
  givenOn: z.string(),
  expiresOn: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  active: z.boolean(),
});
export const residentConsents = z.object({ consents: z.array(residentConsent) });
export type ResidentConsents = z.infer<typeof residentConsents>;

// ---------- who accessed the file ----------
export const residentAccessEntry = z.object({
  at: z.string(),
  organisation: z.string(),
  role: z.string(),
  description: z.string(),
  basis: z.string(),
  emergency: z.boolean(),
  denied: z.boolean(),
});
export const residentAccessLog = z.object({
  from: z.string(),
  to: z.string(),
  entries: z.array(residentAccessEntry),
  truncated: z.boolean(),
});
export type ResidentAccessLog = z.infer<typeof residentAccessLog>;
export const RESIDENT_LOG_PERIODS = ['month', 'quarter', 'year'] as const;

// ---------- a copy of the data ----------
export const residentCopyRequest = z.object({
  reference: z.string(),
  receivedOn: z.string(),
  dueOn: z.string(),
  status: z.string(),
  open: z.boolean(),
});
export const residentCopyRequests = z.object({ requests: z.array(residentCopyRequest) });
export type ResidentCopyRequests = z.infer<typeof residentCopyRequests>;

// ---------- the staff side: the portal section on the case page ----------
export const residentAccountInput = z.object({
  personId: uuid,
  email: emailAddress,
  identityChecked: z.literal(true, { error: 'Bevestig dat u het identiteitsbewijs van deze persoon heeft gezien.' }),
});
export const residentRepresentationInput = z.object({
  representativePersonId: uuid,
  personId: uuid,
  relation: z.enum(REPRESENTATION_RELATIONS, {
    error:
      'Kies de relatie: ouder, voogd, mentor of curator. Zonder vastgelegde relatie kan niemand namens een ander inloggen.',
  }),
  evidence: text(300, 'hoe u de relatie heeft vastgesteld (bijvoorbeeld: uittreksel gezagsregister gezien)').pipe(
    z.string().min(3, { error: 'Beschrijf in een paar woorden hoe u de relatie heeft vastgesteld.' }),
  ),
});
export const residentOfferInput = z.object({
  version: z.number({ error: 'De versie van het plan ontbreekt. Vernieuw de pagina.' }).int().min(1),
});

export const residentPortalCaseView = z.object({
  caseId: z.string(),
  members: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      age: z.number().nullable(),
      /** May this person get an own account (12 or older, date of birth known)? */
      ownAccountPossible: z.boolean(),
      account: z
        .object({
          id: z.string(),
          email: z.string().nullable(),
          identityCheck: z.enum(['in_person', 'digid']),
          active: z.boolean(),
          lastLoginAt: z.string().nullable(),
        })
        .nullable(),
    }),
  ),
  representations: z.array(
    z.object({
      id: z.string(),
      representativeName: z.string(),
      personName: z.string(),
      relation: z.enum(REPRESENTATION_RELATIONS),
      evidence: z.string(),
      recordedAt: z.string(),
      stillValid: z.boolean(),
    }),
  ),
  messages: z.array(
    z.object({
      id: z.string(),
      personName: z.string(),
      senderName: z.string(),
      body: z.string(),
      sentAt: z.string(),
      readAt: z.string().nullable(),
      readByName: z.string().nullable(),
    }),
  ),
  ownPlans: z.array(
    z.object({
      id: z.string(),
      personName: z.string(),
      senderName: z.string(),
      kind: z.enum(RESIDENT_PLAN_KINDS),
      text: z.string().nullable(),
      file: z.object({ filename: z.string(), sizeBytes: z.number() }).nullable(),
      submittedAt: z.string(),
    }),
  ),
  statements: z.array(
    z.object({
      id: z.string(),
      personName: z.string().nullable(),
      senderName: z.string(),
      statement: z.string(),
      receivedOn: z.string(),
    }),
  ),
  /** The current draft of the plan, and whether it is offered in the portal for agreement. */
  draft: z.object({ number: z.number(), version: z.number(), offeredAt: z.string().nullable() }).nullable(),
  unread: z.number(),
});
export type ResidentPortalCaseView = z.infer<typeof residentPortalCaseView>;
