/**
 * The resident portal's own session (Mijn Nabij): separate from the staff session, with its own CSRF token and
 * "sessie verlopen" flow (any 401 sends the resident to the portal's login page with a notice).
 */
import type { ResidentSessionResponse, ResidentSubject } from '@nabij/contracts';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { api, setCsrfRefresher, setCsrfToken, setSessionLostHandler } from '../../app/api';

export type ResidentNotice = 'session_expired' | 'logged_out';

interface ResidentSessionValue {
  session: ResidentSessionResponse;
  subjects: readonly ResidentSubject[];
  refresh: () => Promise<ResidentSessionResponse>;
  logout: () => Promise<void>;
  notice: ResidentNotice | undefined;
}

const ResidentSessionContext = createContext<ResidentSessionValue | undefined>(undefined);

async function fetchResidentSession(): Promise<ResidentSessionResponse> {
  const session = await api.get<ResidentSessionResponse>('/api/resident/session', { reportSessionLost: false });
  setCsrfToken(session.csrfToken);
  return session;
}

export function ResidentSessionProvider({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const [session, setSession] = useState<ResidentSessionResponse | undefined>(undefined);
  const [loadError, setLoadError] = useState<unknown>(undefined);
  const [notice, setNotice] = useState<ResidentNotice | undefined>(undefined);
  const navigate = useNavigate();

  const refresh = useCallback(async () => {
    const next = await fetchResidentSession();
    if (next.authenticated) setNotice(undefined);
    setSession(next);
    return next;
  }, []);

  useEffect(() => {
    let cancelled = false;
    fetchResidentSession()
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
    setCsrfRefresher(async () => (await fetchResidentSession()).csrfToken);
    setSessionLostHandler(() => {
      setNotice('session_expired');
      setSession((s) => (s ? { ...s, authenticated: false, resident: undefined, csrfToken: undefined } : s));
      void navigate('/mijn/inloggen', { replace: true });
    });
  }, [navigate]);

  const logout = useCallback(async () => {
    try {
      await api.post<undefined>('/api/resident/logout', {}, { reportSessionLost: false });
    } catch {
      // Logging out of an expired session is still logging out.
    }
    const fresh = await fetchResidentSession().catch(() => undefined);
    setNotice('logged_out');
    setSession((s) => fresh ?? (s ? { ...s, authenticated: false, resident: undefined } : s));
    void navigate('/mijn/inloggen', { replace: true });
  }, [navigate]);

  const value = useMemo<ResidentSessionValue | undefined>(
    () => (session ? { session, subjects: session.resident?.subjects ?? [], refresh, logout, notice } : undefined),
    [session, refresh, logout, notice],
  );

  if (loadError !== undefined)
    throw loadError instanceof Error
      ? loadError
      : new Error('resident session could not be loaded', { cause: loadError });
  if (!value) return <>{fallback}</>;
  return <ResidentSessionContext.Provider value={value}>{children}</ResidentSessionContext.Provider>;
}

export function useResidentSession(): ResidentSessionValue {
  const value = useContext(ResidentSessionContext);
  if (!value) throw new Error('useResidentSession must be used inside ResidentSessionProvider');
  return value;
}
