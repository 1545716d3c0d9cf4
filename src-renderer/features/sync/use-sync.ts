import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MethodInput } from '../../../src-shared/contract';
import { call } from '../../app/api-client';
import { SYSTEM_STATUS_QUERY_KEY } from '../../components/status-bar';

export const SYNC_STATUS_QUERY_KEY = ['sync.status'] as const;

export function useSyncStatus() {
  return useQuery({ queryKey: SYNC_STATUS_QUERY_KEY, queryFn: () => call('sync.status', {}), refetchInterval: 15_000 });
}

/** After a sync or an enrolment, the screen and the status bar show the new state at once. */
function useRefreshAfter() {
  const client = useQueryClient();
  return async () => {
    await client.invalidateQueries({ queryKey: SYNC_STATUS_QUERY_KEY });
    await client.invalidateQueries({ queryKey: SYSTEM_STATUS_QUERY_KEY });
    // A run may park other changes than before, even as many: the list is read again.
    await client.invalidateQueries({ queryKey: ['sync.parked'] });
  };
}

export function useSyncNow() {
  const refresh = useRefreshAfter();
  return useMutation({ mutationFn: () => call('sync.now', {}), onSuccess: refresh });
}

/** Sends a refused change again, or sets it aside; the list, the screen and the status bar follow. */
export function useSettleParked() {
  const refresh = useRefreshAfter();
  return useMutation({
    mutationFn: ({ action, changeId }: { action: 'retry' | 'discard'; changeId: string }) =>
      call(action === 'retry' ? 'sync.retryParked' : 'sync.discardParked', { changeId }),
    onSuccess: refresh,
  });
}

export function useEnrol() {
  const refresh = useRefreshAfter();
  return useMutation({ mutationFn: (input: MethodInput<'sync.enrol'>) => call('sync.enrol', input), onSuccess: refresh });
}
