import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MethodInput, MethodName, MethodOutput } from '../../../src-shared/contract';
import type { CommitteeCase } from '../../../src-shared/contract/committee';
import { call } from '../../app/api-client';

/** The clock is re-checked every five minutes while a committee screen is open (the periodic check). */
export const CLOCK_CHECK_MS = 5 * 60_000;

export function useBoard() {
  return useQuery({ queryKey: ['committee.board'], queryFn: () => call('committee.board', {}), staleTime: 0, refetchInterval: CLOCK_CHECK_MS });
}

export function useCase(requestId: string) {
  return useQuery({ queryKey: ['committee.case', requestId], queryFn: () => call('committee.case', { requestId }), staleTime: 0 });
}

type CaseMethod = 'committee.writeReport' | 'committee.decide' | 'committee.informBeneficiary' | 'delivery.record';

/** A use case that answers with the case: the screen shows the answer at once and refreshes the board. */
export function useCaseAction<M extends CaseMethod>(requestId: string, method: M) {
  const client = useQueryClient();
  return useMutation<MethodOutput<M>, Error, MethodInput<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: (view) => {
      client.setQueryData<CommitteeCase>(['committee.case', requestId], view as CommitteeCase);
      void client.invalidateQueries({ queryKey: ['committee.board'] });
      void client.invalidateQueries({ queryKey: ['timeline.forBeneficiary'] });
    },
  });
}

export function useRefreshAfter<M extends MethodName>(method: M, keys: readonly string[]) {
  const client = useQueryClient();
  return useMutation<MethodOutput<M>, Error, MethodInput<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: () => {
      for (const key of keys) void client.invalidateQueries({ queryKey: [key] });
    },
  });
}
