import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DRAFT_MAX_AGE_MS,
  DraftController,
  draftStorageKey,
  hasDraft,
  importKeyring,
  openDraft,
  purgeDrafts,
  sealDraft,
  type DraftKeyring,
  type DraftStorage,
} from './drafts';

class MemoryStorage implements DraftStorage {
  readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.items.set(k, v);
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
}

const rawKey = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64');
const NOTE = 'Petra gebeld: de huurachterstand is met de corporatie besproken.';
const now = Date.parse('2026-12-07T12:00:00Z');

describe('sealed drafts', () => {
  let keyring: DraftKeyring;
  beforeEach(async () => {
    keyring = await importKeyring({ current: rawKey(), previous: null });
  });

  it('stores no readable text, and opens again with the same key, user and record', async () => {
    const sealed = await sealDraft(keyring, 'user-1', 'contact:case-1', { note: NOTE }, now);
    expect(sealed).not.toContain('huurachterstand');
    expect(await openDraft(keyring, 'user-1', 'contact:case-1', sealed, now + 60_000)).toEqual({ note: NOTE });
  });

  it('cannot be opened by another user, for another record, with another key, or after 24 hours', async () => {
    const sealed = await sealDraft(keyring, 'user-1', 'contact:case-1', { note: NOTE }, now);
    expect(await openDraft(keyring, 'user-2', 'contact:case-1', sealed, now)).toBeUndefined();
    expect(await openDraft(keyring, 'user-1', 'contact:case-2', sealed, now)).toBeUndefined();
    expect(
      await openDraft(
        await importKeyring({ current: rawKey(), previous: null }),
        'user-1',
        'contact:case-1',
        sealed,
        now,
      ),
    ).toBeUndefined();
    expect(await openDraft(keyring, 'user-1', 'contact:case-1', sealed, now + DRAFT_MAX_AGE_MS + 1)).toBeUndefined();
    expect(await openDraft(keyring, 'user-1', 'contact:case-1', 'not json', now)).toBeUndefined();
  });

  it('still opens with the previous key after the server replaced it', async () => {
    const old = rawKey();
    const sealed = await sealDraft(await importKeyring({ current: old, previous: null }), 'user-1', 'k', 'tekst', now);
    expect(await openDraft(await importKeyring({ current: rawKey(), previous: old }), 'user-1', 'k', sealed, now)).toBe(
      'tekst',
    );
  });

  it('removes other users’ drafts, or all of them at logout', () => {
    const storage = new MemoryStorage();
    storage.setItem(draftStorageKey('user-1', 'a'), 'x');
    storage.setItem(draftStorageKey('user-2', 'b'), 'x');
    storage.setItem('something-else', 'x');
    purgeDrafts(storage, 'user-1');
    expect([...storage.items.keys()]).toEqual([draftStorageKey('user-1', 'a'), 'something-else']);
    expect(hasDraft(storage, 'user-1', 'a')).toBe(true);
    purgeDrafts(storage);
    expect([...storage.items.keys()]).toEqual(['something-else']);
  });
});

describe('a form’s draft (what useDraft does)', () => {
  let storage: MemoryStorage;
  let keyring: DraftKeyring;
  const controller = (key = 'contact:case-1') =>
    new DraftController<{ note: string }>({
      storage,
      keyring: () => Promise.resolve(keyring),
      userId: 'user-1',
      key,
      isEmpty: (v) => v.note.trim() === '',
      delayMs: 500,
    });
  beforeEach(async () => {
    storage = new MemoryStorage();
    keyring = await importKeyring({ current: rawKey(), previous: null });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => vi.useRealTimers());

  it('writes the typed text half a second after the last change, and gives it back to the next form after a new login', async () => {
    const first = controller();
    expect(await first.restore()).toBeUndefined();
    first.change({ note: 'Petra' });
    first.change({ note: NOTE });
    expect(storage.length).toBe(0);
    await vi.advanceTimersByTimeAsync(500);
    await first.flush();
    expect(storage.length).toBe(1);
    expect(storage.getItem(draftStorageKey('user-1', 'contact:case-1'))).not.toContain('Petra');
    // The session expired, the page went to the login: the form is gone. After logging in, a new form on the same record.
    first.dispose();
    expect(await controller().restore()).toEqual({ note: NOTE });
    // Another record has no draft.
    expect(await controller('contact:case-2').restore()).toBeUndefined();
  });

  it('writes what is pending when the form goes (the login page after a 401), without waiting', async () => {
    const c = controller();
    await c.restore();
    c.change({ note: NOTE });
    c.dispose();
    await c.flush();
    expect(await controller().restore()).toEqual({ note: NOTE });
  });

  it('removes the draft when the form is saved or emptied, and does not wipe it while restoring', async () => {
    const c = controller();
    await c.restore();
    c.change({ note: NOTE });
    await c.flush();
    // A new form starts empty: its first (empty) value does not remove the draft it is about to restore.
    const next = controller();
    next.change({ note: '' });
    expect(await next.restore()).toEqual({ note: NOTE });
    await vi.advanceTimersByTimeAsync(1000);
    await next.flush();
    expect(storage.length).toBe(1);
    next.clear();
    next.dispose();
    await next.flush();
    expect(storage.length).toBe(0);
    const emptied = controller();
    await emptied.restore();
    emptied.change({ note: NOTE });
    await emptied.flush();
    emptied.change({ note: '  ' });
    await emptied.flush();
    expect(storage.length).toBe(0);
  });

  it('throws away a draft it cannot read (another user’s key)', async () => {
    storage.setItem(
      draftStorageKey('user-1', 'contact:case-1'),
      await sealDraft(
        await importKeyring({ current: rawKey(), previous: null }),
        'user-1',
        'contact:case-1',
        { note: NOTE },
        Date.now(),
      ),
    );
    expect(await controller().restore()).toBeUndefined();
    expect(storage.length).toBe(0);
  });
});
