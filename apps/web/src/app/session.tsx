/**
 * Holds the login session for the whole app: who is logged in, what they may do, the CSRF token,
 * and the "sessie verlopen" flow (any 401 sends the user to the login page with a notice).
 */
import type { AuthStep, Permission, SessionResponse } from '@nabij/contracts';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { api, setCsrfRefresher, setCsrfToken, setSessionLostHandler } from './api';
import type { LoginNotice } from './auth-flow';
import { forgetDraftKeys, forgetDrafts } from './draft-keyring';
import { forgetSessionTime } from './session-timer';

export type SessionUser = NonNullable<SessionResponse['user']>;

interface SessionContextValue {
  session: SessionResponse;
  /** The fully logged-in user, or undefined while no login is complete. */
  user: SessionUser | undefined;
  /** The step a half-way login must take next, if any. */
  pendingStep: Exclude<AuthStep, 'done'> | undefined;
  refresh: () => Promise<SessionResponse>;
  can: (permission: Permission) => boolean;
  /** Why the last session ended (shown once on the login page); cleared when a new login starts. */
  notice: LoginNotice | undefined;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);

const SIGNED_OUT: SessionResponse = { authenticated: false, oidcEnabled: false };

async function fetchSession(): Promise<SessionResponse> {
  const session = await api.get<SessionResponse>('/api/auth/session', { reportSessionLost: false });
  setCsrfToken(session.csrfToken);
  return session;
}

export function isFullyLoggedIn(session: SessionResponse): boolean {
  return session.authenticated && session.user !== undefined && (session.next === undefined || session.next === 'done');
}

export function SessionProvider({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const [session, setSession] = useState<SessionResponse | undefined>(undefined);
  const [loadError, setLoadError] = useState<unknown>(undefined);
  const [notice, setNotice] = useState<LoginNotice | undefined>(undefined);
  const navigate = useNavigate();

  const refresh = useCallback(async () => {
    const next = await fetchSession();
    if (next.authenticated || next.next) setNotice(undefined);
    setSession(next);
    return next;
  }, []);

  useEffect(() => {
    let cancelled = false;
    fetchSession()
      .then((s) => {
        if (!cancelled) setSession(s);
      })
      .catch((error: unknown) => {
        if (!cancelled) setLoadError(error);
      });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => {
    setCsrfRefresher(async () => (await fetchSession()).csrfToken);
    // Any 401: forget the user. The guards then send every page to the login page (remembering where the
    // user was), and the login page shows the notice.
    setSessionLostHandler(() => {
      // Typed drafts stay in the tab (encrypted) for after the next login; the keys to read them go (ADR 0035).
      forgetSessionTime();
      forgetDraftKeys();
      setNotice('session_expired');
      setSession((s) => ({ ...(s ?? SIGNED_OUT), authenticated: false, user: undefined, next: undefined }));
      // Fetch a fresh anonymous session (and CSRF token) for the next login.
      fetchSession()
        .then((fresh) => setSession({ ...fresh, authenticated: false, user: undefined, next: undefined }))
        .catch(() => undefined);
    });
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post<undefined>('/api/auth/logout', {}, { reportSessionLost: false });
    } catch {
      // Logging out of an already expired session is still logging out.
    }
    // Logging out on purpose: no draft of this user stays behind in the tab.
    forgetSessionTime();
    forgetDrafts();
    let fresh: SessionResponse = SIGNED_OUT;
    try {
      fresh = await fetchSession();
    } catch {
      // Keep the last known settings (e.g. oidcEnabled) if the session cannot be fetched.
    }
    setNotice('logged_out');
    setSession((s) => ({ ...(s ?? SIGNED_OUT), ...fresh, authenticated: false, user: undefined, next: undefined }));
    void navigate('/inloggen', { replace: true });
  }, [navigate]);

  const value = useMemo<SessionContextValue | undefined>(() => {
    if (!session) return undefined;
    const user = isFullyLoggedIn(session) ? session.user : undefined;
    const permissions = new Set(user?.permissions ?? []);
    const pendingStep = session.next && session.next !== 'done' ? session.next : undefined;
    return {
      session,
      user,
      pendingStep,
      refresh,
      can: (permission) => permissions.has(permission),
      notice,
      logout,
    };
  }, [session, refresh, logout, notice]);

  if (loadError !== undefined)
    throw loadError instanceof Error ? loadError : new Error('session could not be loaded', { cause: loadError });
  if (!value) return <>{fallback}</>;
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside SessionProvider');
  return value;
}
