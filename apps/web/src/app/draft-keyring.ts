/**
 * The user's draft keys (fetched once per login) and this tab's storage of drafts (ADR 0035). Kept apart from the
 * hook so the session provider can forget both at logout without importing React hooks of forms.
 */
import type { DraftKeysResponse } from '@nabij/contracts';
import { api } from './api';
import { importKeyring, purgeDrafts, type DraftKeyring, type DraftStorage } from './drafts';

export function tabStorage(): DraftStorage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.sessionStorage;
  } catch {
    return undefined;
  }
}

let keyringCache: { userId: string; keyring: Promise<DraftKeyring | undefined> } | undefined;

/** The user's draft keys, fetched once per login; drafts of another user in this tab are removed first. */
export function keyringFor(userId: string): Promise<DraftKeyring | undefined> {
  if (keyringCache?.userId === userId) return keyringCache.keyring;
  const storage = tabStorage();
  if (storage) purgeDrafts(storage, userId);
  const keyring = api
    .get<DraftKeysResponse>('/api/auth/draft-keys', { reportSessionLost: false })
    .then(importKeyring)
    .catch(() => {
      // Try again at the next form (e.g. after logging in again).
      if (keyringCache?.keyring === keyring) keyringCache = undefined;
      return undefined;
    });
  keyringCache = { userId, keyring };
  return keyring;
}

/** The session ended: the tab forgets the keys (a form on screen keeps its own until it goes), not the drafts. */
export function forgetDraftKeys(): void {
  keyringCache = undefined;
}

let logouts = 0;
/** Counts the logouts in this tab: a form made before the last one writes no draft any more. */
export function logoutCount(): number {
  return logouts;
}

/** Logging out: every draft in this tab goes, and the keys are forgotten. */
export function forgetDrafts(): void {
  logouts++;
  keyringCache = undefined;
  const storage = tabStorage();
  if (storage) purgeDrafts(storage);
}
