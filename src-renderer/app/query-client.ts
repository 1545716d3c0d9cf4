import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import type { SessionUser } from '../../src-shared/contract/accounts';
import { isApiCallError } from './api-client';

export const ME_QUERY_KEY = ['auth.me'] as const;

/** An expired session anywhere sends the user back to the sign-in screen; a locked one shows the lock screen. */
function onAnyError(client: () => QueryClient) {
  return (error: unknown): void => {
    if (isApiCallError(error) && error.code === 'UNAUTHENTICATED' && error.method !== 'auth.me') {
      client().setQueryData(ME_QUERY_KEY, { user: null });
    }
    if (isApiCallError(error) && error.code === 'SESSION_LOCKED') {
      client().setQueryData<{ user: SessionUser | null }>(ME_QUERY_KEY, (me) => (me?.user ? { user: { ...me.user, locked: true } } : me));
    }
  };
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: onAnyError(() => client) }),
    mutationCache: new MutationCache({ onError: onAnyError(() => client) }),
    defaultOptions: {
      queries: {
        retry: (count, error) => !isApiCallError(error) && count < 2,
        refetchOnWindowFocus: false,
        staleTime: 5_000,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
