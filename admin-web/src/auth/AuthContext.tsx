import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fetchMe, logout as apiLogout } from '../api/auth';
import { session } from '../api/client';
import type { User } from '../api/types';

interface AuthState {
  user: User | null;
  /** True until the stored session (if any) has been checked. */
  loading: boolean;
  reloadUser: () => Promise<void>;
  logout: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(() => Boolean(session.refreshToken));

  useEffect(() => session.subscribe(setUser), []);

  useEffect(() => {
    if (!session.refreshToken) return;
    fetchMe()
      .then(setUser)
      .catch(() => session.clear())
      .finally(() => setLoading(false));
  }, []);

  const reloadUser = useCallback(async () => setUser(await fetchMe()), []);
  const logout = useCallback(() => apiLogout(), []);

  const value = useMemo(() => ({ user, loading, reloadUser, logout }), [user, loading, reloadUser, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** For pages that only render for a logged-in user. */
export function useUser(): User {
  const { user } = useAuth();
  if (!user) throw new Error('useUser without a logged-in user');
  return user;
}
