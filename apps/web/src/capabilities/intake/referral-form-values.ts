/**
 * Pure mapping between the referral forms (public form and desk registration; all strings) and the
 * API's request shapes. No I/O.
 */
import { formatFullName, splitHouseNumber } from '@nabij/contracts';
import { toIsoDate } from '../../components/date-parts';

export const MAX_RESIDENTS = 4;
export const MAX_CHILDREN = 12;

export interface ResidentValues {
  firstName: string;
  infix: string;
  lastName: string;
  dateOfBirth: string;
  bsn: string;
  street: string;
  houseNumber: string;
  houseNumberAddition: string;
  postcode: string;
  city: string;
  phone: string;
  /** Who this is in the household ('' = derived from the ages). */
  relation: string;
  /** Why there is no fixed address ('' = there is one, or it is not known). */
  noFixedAddress: string;
  /** Residents after the first: lives at the first resident's address, so it is not typed again. */
  sameAddress: boolean;
}

export type ResidentField = Exclude<keyof ResidentValues, 'sameAddress'>;

export const RESIDENT_FIELDS = [
  'firstName',
  'infix',
  'lastName',
  'dateOfBirth',
  'bsn',
  'street',
  'houseNumber',
  'houseNumberAddition',
  'postcode',
  'city',
  'noFixedAddress',
  'phone',
  'relation',
] as const satisfies readonly ResidentField[];

/** The address fields, asked once per household (ADR 0029). */
export const ADDRESS_FIELDS = [
  'street',
  'houseNumber',
  'houseNumberAddition',
  'postcode',
  'city',
] as const satisfies readonly ResidentField[];

export interface ChildValues {
  firstName: string;
  age: string;
}

export interface ReferrerValues {
  name: string;
  organisation: string;
  role: string;
  phone: string;
  email: string;
}

export interface ReferralFormValues {
  teamId: string;
  referrerKind: string;
  referrer: ReferrerValues;
  residents: ResidentValues[];
  children: ChildValues[];
  lifeDomains: string[];
  question: string;
  tried: string;
  urgency: string;
  childrenAtRisk: string;
  safetyNotes: string;
  residentAwareness: string;
  residentAwarenessNote: string;
  /** The household's language and whether an interpreter is needed (issue #17 item 10). */
  preferredLanguage: string;
  interpreterNeeded: boolean;
}

export const EMPTY_RESIDENT: ResidentValues = {
  firstName: '',
  infix: '',
  lastName: '',
  dateOfBirth: '',
  bsn: '',
  street: '',
  houseNumber: '',
  houseNumberAddition: '',
  postcode: '',
  city: '',
  phone: '',
  relation: '',
  noFixedAddress: '',
  sameAddress: true,
};

export const EMPTY_CHILD: ChildValues = { firstName: '', age: '' };

export function emptyReferralForm(teamId = '', referrerKind = 'professional'): ReferralFormValues {
  return {
    teamId,
    referrerKind,
    referrer: { name: '', organisation: '', role: '', phone: '', email: '' },
    residents: [{ ...EMPTY_RESIDENT }],
    children: [],
    lifeDomains: [],
    question: '',
    tried: '',
    urgency: 'normal',
    childrenAtRisk: '',
    safetyNotes: '',
    residentAwareness: '',
    residentAwarenessNote: '',
    preferredLanguage: '',
    interpreterNeeded: false,
  };
}

/** "7" → 7; anything that is not a whole number stays undefined so the contract reports it. */
export function parseAge(value: string): number | undefined {
  const trimmed = value.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return undefined;
  return Number(trimmed);
}

/**
 * The date of birth, relation and missing fixed address must be absent rather than empty; other empty strings
 * are handled by the contract. A resident who lives at the first resident's address gets that address (and its
 * missing fixed address), so it is typed once per household.
 */
function residentInput(r: ResidentValues, index: number, first: ResidentValues | undefined) {
  const { dateOfBirth, relation, noFixedAddress: _ownKind, sameAddress, ...rest } = r;
  const home = index > 0 && sameAddress && first ? first : r;
  const address = Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, home[f]]));
  // "12A" or "12-2" typed as the house number is split into number and addition (issue #19 item 5).
  const houseNumber = home.houseNumber.trim() ? splitHouseNumber(home.houseNumber, home.houseNumberAddition) : {};
  return {
    ...rest,
    ...address,
    ...houseNumber,
    // Typed as day, month and year on the public form ("1980-3-5"): padded to the ISO date the contract checks.
    ...(dateOfBirth.trim() ? { dateOfBirth: toIsoDate(dateOfBirth) } : {}),
    ...(relation ? { relation } : {}),
    ...(home.noFixedAddress ? { noFixedAddress: home.noFixedAddress } : {}),
  };
}

/** The shared content of both referral requests, ready for the contract's `safeParse`. */
export function referralContentInput(values: ReferralFormValues) {
  return {
    residents: values.residents.map((r, i) => residentInput(r, i, values.residents[0])),
    children: values.children.map((c) => ({ firstName: c.firstName, age: parseAge(c.age) })),
    lifeDomains: values.lifeDomains,
    question: values.question,
    tried: values.tried,
    // An unanswered choice is left out, so the contract's default ("unknown", "normal") applies.
    ...(values.urgency ? { urgency: values.urgency } : {}),
    ...(values.childrenAtRisk ? { childrenAtRisk: values.childrenAtRisk } : {}),
    safetyNotes: values.safetyNotes,
    ...(values.residentAwareness ? { residentAwareness: values.residentAwareness } : {}),
    residentAwarenessNote: values.residentAwarenessNote,
    preferredLanguage: values.preferredLanguage,
    interpreterNeeded: values.interpreterNeeded,
  };
}

/**
 * Who refers: as typed — or, for a resident who refers themselves, the first resident's name and phone, so the form
 * asks them once (issue #19 item 5); only the e-mail address is asked in the referrer's place.
 */
export function referrerInput(values: ReferralFormValues): ReferrerValues {
  if (values.referrerKind !== 'self') return values.referrer;
  const self = values.residents[0];
  return {
    name: self ? formatFullName(self) : '',
    organisation: '',
    role: '',
    phone: self?.phone ?? '',
    email: values.referrer.email,
  };
}

/**
 * For a self-referral the contract's answers about the referrer belong to fields of the first resident: "give a
 * phone number or e-mail" is shown at the resident's phone, and an issue already shown there is not repeated.
 */
export function selfReferralIssues<T extends { path: readonly PropertyKey[]; message: string }>(
  issues: readonly T[],
  referrerKind: string,
): T[] {
  if (referrerKind !== 'self') return [...issues];
  const target: Record<string, PropertyKey[]> = {
    name: ['residents', 0, 'firstName'],
    phone: ['residents', 0, 'phone'],
  };
  const own = new Set(issues.filter((issue) => issue.path[0] !== 'referrer').map((issue) => issue.path.join('.')));
  return issues.flatMap((issue) => {
    const path = issue.path[0] === 'referrer' ? target[String(issue.path[1])] : undefined;
    if (!path) return [issue];
    return own.has(path.join('.')) ? [] : [{ ...issue, path }];
  });
}

/** The public form's request (to be checked with `publicReferralRequest.safeParse`). */
export function toPublicReferralInput(
  values: ReferralFormValues,
  extra: {
    idempotencyKey: string;
    website: string;
    attachments: readonly { filename: string; contentBase64: string }[];
  },
): Record<string, unknown> {
  return {
    teamId: values.teamId,
    referrerKind: values.referrerKind,
    referrer: referrerInput(values),
    ...referralContentInput(values),
    attachments: extra.attachments.map((a) => ({ filename: a.filename, contentBase64: a.contentBase64 })),
    idempotencyKey: extra.idempotencyKey,
    website: extra.website,
  };
}

/** The desk registration's request (to be checked with `registerReferralRequest.safeParse`). */
export function toRegisterReferralInput(
  values: ReferralFormValues,
  extra: { channel: string; idempotencyKey: string },
): Record<string, unknown> {
  return {
    teamId: values.teamId,
    channel: extra.channel,
    referrerKind: values.referrerKind,
    referrer: values.referrer,
    ...referralContentInput(values),
    idempotencyKey: extra.idempotencyKey,
  };
}

/**
 * The form's field paths in display order (also the order of the error summary), using the API's
 * dotted paths: `referrer.phone`, `residents.0.bsn`, `children.1.age`.
 */
export function referralFieldOrder(
  residentCount: number,
  childCount: number,
  extra: { before?: readonly string[]; after?: readonly string[] } = {},
): string[] {
  const residents = Array.from({ length: residentCount }, (_, i) =>
    RESIDENT_FIELDS.map((f) => `residents.${i}.${f}`),
  ).flat();
  const children = Array.from({ length: childCount }, (_, i) => [
    `children.${i}.firstName`,
    `children.${i}.age`,
  ]).flat();
  return [
    ...(extra.before ?? []),
    'teamId',
    'referrerKind',
    'referrer.name',
    'referrer.organisation',
    'referrer.role',
    'referrer.phone',
    'referrer.email',
    'residents',
    ...residents,
    'children',
    ...children,
    'lifeDomains',
    'question',
    'tried',
    'urgency',
    'childrenAtRisk',
    'safetyNotes',
    'residentAwareness',
    'residentAwarenessNote',
    'preferredLanguage',
    'interpreterNeeded',
    ...(extra.after ?? []),
  ];
}
