// Who is signed in. The session lives in an HttpOnly cookie, so the browser cannot read it: the
// app asks /api/auth/me once at start, keeps the answer here, and forgets it on any 401.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { onUnauthorized, post, request, setCsrfToken } from './api-client';
import type { Me, Ok } from './api-types';
import { syncServerClock } from './server-clock';

/** idle: nobody has asked yet (the public library never does, so its visitors cause no 401). */
export type AuthStatus = 'idle' | 'loading' | 'signed-in' | 'signed-out';

export interface AuthContextValue {
  status: AuthStatus;
  me: Me | null;
  /** Set after a 401 from a call made while signed in: the sign-in page says why it is shown. */
  expired: boolean;
  signedIn: (me: Me) => void;
  signOut: () => Promise<void>;
  refresh: () => Promise<Me | null>;
  /** Asks the server who is signed in, once; pages that need to know call it. */
  ensure: () => void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return request<Me>('/api/auth/me', { signal, expect401: true });
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [status, setStatus] = useState<AuthStatus>('idle');
  const asked = useRef(false);
  const [expired, setExpired] = useState(false);

  const apply = useCallback((next: Me | null) => {
    setMe(next);
    setCsrfToken(next?.csrfToken ?? null);
    syncServerClock(next?.serverTime);
    setStatus(next ? 'signed-in' : 'signed-out');
  }, []);

  const refresh = useCallback(async () => {
    try {
      const next = await fetchMe();
      apply(next);
      return next;
    } catch {
      // 401 is the ordinary answer for a visitor; anything else (server down) also leaves the
      // app signed out, and the sign-in page reports what the server says when one signs in.
      apply(null);
      return null;
    }
  }, [apply]);

  const ensure = useCallback(() => {
    if (asked.current) return;
    asked.current = true;
    setStatus('loading');
    void refresh();
  }, [refresh]);

  useEffect(
    () =>
      onUnauthorized(() => {
        setExpired(true);
        apply(null);
      }),
    [apply],
  );

  const signedIn = useCallback(
    (next: Me) => {
      setExpired(false);
      apply(next);
    },
    [apply],
  );

  const signOut = useCallback(async () => {
    try {
      await post<Ok>('/api/auth/logout');
    } finally {
      setExpired(false);
      apply(null);
    }
  }, [apply]);

  const value = useMemo(() => ({ status, me, expired, signedIn, signOut, refresh, ensure }), [status, me, expired, signedIn, signOut, refresh, ensure]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
