import { useCallback, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MethodInput } from '../../../src-shared/contract';
import type { Ticket } from '../../../src-shared/contract/queue';
import { call } from '../../app/api-client';

export const QUEUE_CONFIG_KEY = ['queue.config'] as const;
export const QUEUE_TODAY_KEY = ['queue.today'] as const;
const DESK_STATUS_KEY = 'queue.deskStatus';

export function useQueueConfig() {
  return useQuery({ queryKey: QUEUE_CONFIG_KEY, queryFn: () => call('queue.config', {}) });
}

/** The reception list refreshes itself: other desks call and finish tickets meanwhile. */
export function useTodayTickets() {
  return useQuery({ queryKey: QUEUE_TODAY_KEY, queryFn: () => call('queue.today', { limit: 50 }), refetchInterval: 5_000, staleTime: 0 });
}

export function useTicket(id: string) {
  return useQuery({ queryKey: ['queue.ticket', id], queryFn: () => call('queue.ticket', { id }), staleTime: 0 });
}

export function useDeskStatus(deskId: string | null) {
  return useQuery({
    queryKey: [DESK_STATUS_KEY, deskId],
    queryFn: () => call('queue.deskStatus', { deskId: deskId ?? '' }),
    enabled: deskId !== null,
    // Waiting counts move as visitors take tickets at the entrance.
    refetchInterval: 3_000,
    staleTime: 0,
  });
}

/** After any desk action the desk, the reception list and the board data are read again. */
export function useQueueRefresh(): () => Promise<void> {
  const client = useQueryClient();
  return useCallback(async () => {
    await Promise.all([
      client.invalidateQueries({ queryKey: [DESK_STATUS_KEY] }),
      client.invalidateQueries({ queryKey: QUEUE_TODAY_KEY }),
    ]);
  }, [client]);
}

type DeskMethod = 'queue.recall' | 'queue.startServing' | 'queue.finish' | 'queue.noShow' | 'queue.skip';

/** One mutation for every desk button: the method and its input. */
export function useDeskAction() {
  const refresh = useQueueRefresh();
  return useMutation({
    mutationFn: (action: { method: DeskMethod; input: MethodInput<DeskMethod> } | { method: 'queue.callNext'; input: MethodInput<'queue.callNext'> }): Promise<Ticket> =>
      action.method === 'queue.callNext' ? call('queue.callNext', action.input) : call(action.method, action.input),
    onSuccess: refresh,
  });
}

const DESK_STORAGE_KEY = 'mamen.queue.deskId';

/** The desk this machine works at, remembered in localStorage (one desk per computer, usually). */
export function useChosenDesk(): [string | null, (id: string | null) => void] {
  const [deskId, setDeskId] = useState<string | null>(() => window.localStorage.getItem(DESK_STORAGE_KEY));
  const choose = useCallback((id: string | null) => {
    if (id) window.localStorage.setItem(DESK_STORAGE_KEY, id);
    else window.localStorage.removeItem(DESK_STORAGE_KEY);
    setDeskId(id);
  }, []);
  return [deskId, choose];
}
