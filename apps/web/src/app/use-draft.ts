/**
 * `useDraft(key, value, …)`: keeps a form's typed text as an encrypted draft in this tab (ADR 0035), so it is
 * restored after the session expired and the user logged in again ("Uw concept is teruggezet").
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { keyringFor, logoutCount, tabStorage } from './draft-keyring';
import { DraftController, hasDraft } from './drafts';
import { useSession } from './session';

/** Whether this tab holds a draft of the logged-in user for the record (e.g. to open the form it belongs to). */
export function useHasDraft(key: string): boolean {
  const { user } = useSession();
  const storage = tabStorage();
  return Boolean(user && storage && hasDraft(storage, user.id, key));
}

export interface DraftState {
  /** A draft was put back into the form (show "Uw concept is teruggezet"). */
  restored: boolean;
  /** After a successful save (or a deliberate cancel): removes the draft. */
  clear: () => void;
}

/**
 * Keeps `value` as the draft `key` (name the record: `contact:<caseId>`, `evaluation:<caseId>` …). When the form
 * appears with nothing typed and a draft exists, `onRestore` gets it. `isEmpty` says when there is nothing to keep.
 * Undefined `key` (e.g. the plan is still loading) keeps nothing.
 */
export function useDraft<T>(
  key: string | undefined,
  value: T,
  options: { isEmpty: (value: T) => boolean; onRestore: (value: T) => void },
): DraftState {
  const { user } = useSession();
  const userId = user?.id;
  const [restored, setRestored] = useState(false);
  const controller = useRef<DraftController<T> | undefined>(undefined);
  const latest = useRef({ value, options });
  latest.current = { value, options };

  useEffect(() => {
    const storage = tabStorage();
    if (!key || !userId || !storage) return undefined;
    const logoutsBefore = logoutCount();
    const c = new DraftController<T>({
      storage,
      keyring: () => keyringFor(userId),
      userId,
      key,
      isEmpty: (v) => latest.current.options.isEmpty(v),
      mayWrite: () => logoutCount() === logoutsBefore,
    });
    controller.current = c;
    let active = true;
    void c.restore().then((draft) => {
      if (!active || draft === undefined) return;
      // Only into an untouched form: what the user typed meanwhile wins.
      if (!latest.current.options.isEmpty(latest.current.value)) return;
      latest.current.options.onRestore(draft);
      setRestored(true);
    });
    return () => {
      active = false;
      c.dispose();
      if (controller.current === c) controller.current = undefined;
    };
  }, [key, userId]);

  useEffect(() => {
    controller.current?.change(value);
  }, [value]);

  const clear = useCallback(() => {
    controller.current?.clear();
    setRestored(false);
  }, []);

  return { restored, clear };
}
