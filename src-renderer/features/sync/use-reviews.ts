import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MethodInput } from '../../../src-shared/contract';
import { call } from '../../app/api-client';

export const REVIEWS_QUERY_KEY = ['sync.reviews'] as const;
export const CONFLICTS_QUERY_KEY = ['sync.conflicts'] as const;

/** `lastRunAt`: the list is read again after each sync (a pull may bring items and decisions). */
export function useReviews(lastRunAt: string | null) {
  return useQuery({ queryKey: [...REVIEWS_QUERY_KEY, lastRunAt], queryFn: () => call('sync.reviews', {}), refetchInterval: 30_000 });
}

/** A decision, then a sync so head office hears of it at once when the line is up. */
export function useResolveReview() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (input: MethodInput<'sync.resolveReview'>) => {
      const decided = await call('sync.resolveReview', input);
      await call('sync.now', {}).catch(() => undefined);
      return decided;
    },
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: REVIEWS_QUERY_KEY });
      await client.invalidateQueries({ queryKey: ['sync.status'] });
    },
  });
}

export function useConflicts(lastRunAt: string | null) {
  return useQuery({ queryKey: [...CONFLICTS_QUERY_KEY, lastRunAt], queryFn: () => call('sync.conflicts', {}), refetchInterval: 30_000 });
}

export function useReapplyConflict() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (conflictId: string) => call('sync.reapplyConflict', { conflictId }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: CONFLICTS_QUERY_KEY });
      await client.invalidateQueries({ queryKey: ['sync.status'] });
    },
  });
}
