import { z } from 'zod';
import { personSummary, personView, uuid } from './schemas';

/**
 * Merging two person records that are one person (issue #17 item 13, ADR 0031). The person whose page the user
 * starts from stays; the other one is merged into it. Per group of fields the user keeps the value of this person
 * or of the other; the BSN is never a choice (two different BSNs are two people and cannot be merged).
 */
export const MERGE_FIELD_GROUPS = ['name', 'dateOfBirth', 'address', 'phone', 'email', 'language'] as const;
export type MergeFieldGroup = (typeof MERGE_FIELD_GROUPS)[number];
const choice = z.enum(['this', 'other'], { error: 'Kies welke gegevens u bewaart.' });
export type MergeChoice = z.infer<typeof choice>;

export const mergeCandidatesResponse = z.object({ results: z.array(personSummary) });

export const mergePreviewRequest = z.object({ otherId: uuid });
export const mergePreview = z.object({
  person: personView,
  other: personView,
  /** What would move to this person: rows per table of the other person's references. */
  references: z.array(z.object({ table: z.string(), count: z.number() })),
  /** Why the merge cannot be done, or null. */
  blocked: z.enum(['merge_bsn_differs', 'merge_no_case_access']).nullable(),
});
export type MergePreview = z.infer<typeof mergePreview>;

export const mergePersonsRequest = z.object({
  otherId: uuid,
  version: z.number().int().min(1),
  otherVersion: z.number().int().min(1),
  keep: z
    .object({
      name: choice.default('this'),
      dateOfBirth: choice.default('this'),
      address: choice.default('this'),
      phone: choice.default('this'),
      email: choice.default('this'),
      language: choice.default('this'),
    })
    .default({ name: 'this', dateOfBirth: 'this', address: 'this', phone: 'this', email: 'this', language: 'this' }),
  confirm: z.literal(true, { error: 'Bevestig dat deze twee personen dezelfde persoon zijn.' }),
});
export type MergePersonsRequest = z.input<typeof mergePersonsRequest>;

export const mergeResult = z.object({ mergeId: z.string(), reference: z.string(), person: personView });

/** A merge as shown on a person's page: which record was merged into which, when and by whom. */
export const personMergeView = z.object({
  id: z.string(),
  reference: z.string(),
  /** The person that stayed and the one merged into it (names; the merged one's as it was at the merge). */
  keptPersonId: z.string(),
  keptPersonName: z.string().nullable(),
  mergedPersonId: z.string(),
  mergedPersonName: z.string().nullable(),
  mergedAt: z.string(),
  mergedByName: z.string(),
  undoneAt: z.string().nullable(),
  undoneByName: z.string().nullable(),
  undoReason: z.string().nullable(),
});
export type PersonMergeView = z.infer<typeof personMergeView>;
export const personMergesResponse = z.object({ merges: z.array(personMergeView) });

/** The functional administrator's list: no names or other personal data, only what is needed to undo. */
export const mergeAdminEntry = z.object({
  id: z.string(),
  reference: z.string(),
  mergedAt: z.string(),
  mergedByName: z.string(),
  moved: z.number(),
  removed: z.number(),
  undoneAt: z.string().nullable(),
  undoneByName: z.string().nullable(),
  undoReason: z.string().nullable(),
  version: z.number(),
  /** Null when it can be undone; otherwise why not. */
  cannotUndo: z.enum(['merge_already_undone', 'merge_cannot_undo']).nullable(),
});
export type MergeAdminEntry = z.infer<typeof mergeAdminEntry>;
export const mergeAdminList = z.object({ merges: z.array(mergeAdminEntry) });

export const undoMergeRequest = z.object({
  version: z.number().int().min(1),
  reason: z
    .string()
    .trim()
    .min(5, { error: 'Geef kort de reden waarom de samenvoeging ongedaan wordt gemaakt.' })
    .max(1000, { error: 'Maximaal 1000 tekens.' }),
});
export const undoMergeResult = z.object({ restored: z.number(), skipped: z.number() });

/** "SV-1A2B3C4D": the short reference of a merge, told by the worker to the functional administrator. */
export const mergeReference = (id: string): string => `SV-${id.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
