import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionUser } from '../../src-shared/contract/accounts';
import { call } from './api-client';
import { ME_QUERY_KEY } from './query-client';

export const SETUP_QUERY_KEY = ['setup.status'] as const;

type SessionContextValue = {
  user: SessionUser;
  associationName: { ar: string | null; en: string | null };
  signOut: () => void;
  signingOut: boolean;
};

const SessionContext = createContext<SessionContextValue | null>(null);

/** The signed-in user; only rendered inside the shell, so it is never null there. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession outside SessionProvider');
  return value;
}

export function useSetupStatus() {
  return useQuery({ queryKey: SETUP_QUERY_KEY, queryFn: () => call('setup.status', {}), staleTime: Infinity });
}

/** `auth.me` only makes sense once the store is set up. */
export function useMe(enabled: boolean) {
  return useQuery({ queryKey: ME_QUERY_KEY, queryFn: () => call('auth.me', {}), staleTime: Infinity, enabled });
}

/** After a sign-in of any kind the answer is the SessionUser: store it as `auth.me` would. */
export function useAcceptSession(): (user: SessionUser) => void {
  const client = useQueryClient();
  return (user) => {
    client.setQueryData(ME_QUERY_KEY, { user });
    void client.invalidateQueries({ queryKey: SETUP_QUERY_KEY });
  };
}

export function SessionProvider({
  user,
  associationName,
  children,
}: {
  user: SessionUser;
  associationName: SessionContextValue['associationName'];
  children: ReactNode;
}) {
  const client = useQueryClient();
  const logout = useMutation({
    mutationFn: () => call('auth.logout', {}),
    onSettled: () => {
      // The next person at this desk starts on the registry, not where the last one left off.
      window.history.replaceState(null, '', '#/registry');
      // Set, not remove, `auth.me`: the gate observes that query and must see the null user.
      client.setQueryData(ME_QUERY_KEY, { user: null });
      const kept = new Set<unknown>([SETUP_QUERY_KEY[0], ME_QUERY_KEY[0]]);
      client.removeQueries({ predicate: (q) => !kept.has(q.queryKey[0]) });
    },
  });
  const value = useMemo(
    () => ({ user, associationName, signOut: () => logout.mutate(), signingOut: logout.isPending }),
    [user, associationName, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
