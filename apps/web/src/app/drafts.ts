/**
 * Drafts of long texts (a contact note, a plan goal, an evaluation) that survive an expired session (ADR 0035).
 *
 * A draft lives only in this browser tab's sessionStorage — never on the server, never in localStorage — encrypted
 * with AES-GCM under the user's draft key, which only the server holds and hands out to that user's logged-in
 * session. The user id and the draft's key (its record) are bound into the encryption, the time it was saved is
 * sealed inside it, and a draft older than 24 hours is thrown away unread. It is removed when the form is saved or
 * emptied, on logging out, and when another user logs in in the same tab. No React here: `useDraft` wraps it.
 */

export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

export interface DraftKeyring {
  current: CryptoKey;
  previous: CryptoKey | undefined;
}

const PREFIX = 'nabij-draft:';
/** A draft older than this is thrown away unread. */
export const DRAFT_MAX_AGE_MS = 24 * 3_600_000;
/** How long after the last key press a draft is written. */
export const DRAFT_SAVE_DELAY_MS = 500;

export function draftStorageKey(userId: string, key: string): string {
  return `${PREFIX}${userId}:${key}`;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function importKey(base64: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', fromBase64(base64), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

/** The keys from `GET /api/auth/draft-keys`, as non-extractable WebCrypto keys. */
export async function importKeyring(raw: { current: string; previous: string | null }): Promise<DraftKeyring> {
  return { current: await importKey(raw.current), previous: raw.previous ? await importKey(raw.previous) : undefined };
}

const boundTo = (userId: string, key: string) => new TextEncoder().encode(`${userId}\n${key}`);

/** Encrypts a draft for the storage: `{ v, iv, data }`, readable only with the user's key, for this user and record. */
export async function sealDraft(
  keyring: DraftKeyring,
  userId: string,
  key: string,
  value: unknown,
  now: number,
): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plain = new TextEncoder().encode(JSON.stringify({ savedAt: now, value }));
  const data = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: boundTo(userId, key) }, keyring.current, plain),
  );
  return JSON.stringify({ v: 1, iv: toBase64(iv), data: toBase64(data) });
}

/**
 * Decrypts a stored draft with the current or the previous key. Undefined when it cannot be read (another user's,
 * another record's, a key that is gone, tampered with) or is older than 24 hours.
 */
export async function openDraft(
  keyring: DraftKeyring,
  userId: string,
  key: string,
  sealed: string,
  now: number,
): Promise<unknown> {
  let parsed: { v?: unknown; iv?: unknown; data?: unknown };
  try {
    parsed = JSON.parse(sealed) as typeof parsed;
  } catch {
    return undefined;
  }
  if (parsed.v !== 1 || typeof parsed.iv !== 'string' || typeof parsed.data !== 'string') return undefined;
  for (const cryptoKey of [keyring.current, keyring.previous]) {
    if (!cryptoKey) continue;
    try {
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: fromBase64(parsed.iv), additionalData: boundTo(userId, key) },
        cryptoKey,
        fromBase64(parsed.data),
      );
      const { savedAt, value } = JSON.parse(new TextDecoder().decode(plain)) as { savedAt: number; value: unknown };
      if (typeof savedAt !== 'number' || now - savedAt > DRAFT_MAX_AGE_MS || savedAt - now > 5 * 60_000)
        return undefined;
      return value;
    } catch {
      // Not this key: try the previous one.
    }
  }
  return undefined;
}

/** Whether this tab holds a draft of the user for the record (without reading it). */
export function hasDraft(storage: DraftStorage, userId: string, key: string): boolean {
  return storage.getItem(draftStorageKey(userId, key)) !== null;
}

/** Removes every draft in the tab, or all but those of `keepUserId` (another user logged in here). */
export function purgeDrafts(storage: DraftStorage, keepUserId?: string): void {
  const keep = keepUserId ? `${PREFIX}${keepUserId}:` : undefined;
  const doomed: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const name = storage.key(i);
    if (name?.startsWith(PREFIX) && !(keep && name.startsWith(keep))) doomed.push(name);
  }
  for (const name of doomed) storage.removeItem(name);
}

export interface DraftControllerOptions<T> {
  storage: DraftStorage;
  keyring: () => Promise<DraftKeyring | undefined>;
  userId: string;
  key: string;
  /** True when there is nothing worth keeping (an empty form, or one equal to what is saved). */
  isEmpty: (value: T) => boolean;
  now?: () => number;
  delayMs?: number;
  /** False once the user logged out: then nothing is written any more (a form still on screen may not bring a draft back). */
  mayWrite?: () => boolean;
}

/**
 * One form's draft: `restore()` once when the form appears, `change(value)` on every change (written half a second
 * after the last one, removed when empty), `clear()` after saving, `dispose()` when the form goes (writes what is
 * pending, e.g. when an expired session sends the user to the login page).
 */
export class DraftController<T> {
  private ready = false;
  private pending: { value: T } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private queue: Promise<void> = Promise.resolve();
  private readonly name: string;
  private readonly now: () => number;
  /** The keys, held while the form is on screen (the tab forgets its copy when the session ends). */
  private keys: Promise<DraftKeyring | undefined> | undefined;

  constructor(private readonly options: DraftControllerOptions<T>) {
    this.name = draftStorageKey(options.userId, options.key);
    this.now = options.now ?? Date.now;
  }

  /** The stored draft, if one can be read; afterwards changes are written. An unreadable draft is removed. */
  async restore(): Promise<T | undefined> {
    try {
      const sealed = this.options.storage.getItem(this.name);
      if (sealed === null) return undefined;
      const keyring = await this.keyring();
      if (!keyring) return undefined;
      const value = await openDraft(keyring, this.options.userId, this.options.key, sealed, this.now());
      if (value === undefined) this.options.storage.removeItem(this.name);
      return value as T | undefined;
    } finally {
      this.ready = true;
      // What was typed meanwhile is written; the empty form it started as does not wipe the draft just read.
      if (this.pending && !this.options.isEmpty(this.pending.value)) this.schedule();
      else this.pending = undefined;
    }
  }

  change(value: T): void {
    this.pending = { value };
    if (this.ready) this.schedule();
  }

  /** Writes (or removes) the pending value now; resolves when the storage holds it. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const pending = this.pending;
    this.pending = undefined;
    if (pending && this.ready) this.queue = this.queue.then(() => this.write(pending.value));
    return this.queue;
  }

  /** After a successful save: the draft is gone, and nothing pending is written. */
  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = undefined;
    this.queue = this.queue.then(() => this.options.storage.removeItem(this.name));
  }

  dispose(): void {
    void this.flush();
  }

  private async keyring(): Promise<DraftKeyring | undefined> {
    this.keys ??= this.options.keyring();
    const keyring = await this.keys;
    if (!keyring) this.keys = undefined;
    return keyring;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.options.delayMs ?? DRAFT_SAVE_DELAY_MS);
  }

  private async write(value: T): Promise<void> {
    try {
      if (this.options.isEmpty(value)) {
        this.options.storage.removeItem(this.name);
        return;
      }
      const keyring = await this.keyring();
      if (!keyring) return;
      const sealed = await sealDraft(keyring, this.options.userId, this.options.key, value, this.now());
      if (this.options.mayWrite?.() === false) return;
      this.options.storage.setItem(this.name, sealed);
    } catch {
      // A full or disabled storage: the form still works, only without a draft.
    }
  }
}
