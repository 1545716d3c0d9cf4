import { useInfiniteQuery } from '@tanstack/react-query';
import { call } from '../../app/api-client';

const PAGE = 200;

/** The case timeline, newest first, a page at a time ("older events" asks for the next). */
export function useTimeline(beneficiaryId: string) {
  return useInfiniteQuery({
    queryKey: ['timeline.forBeneficiary', beneficiaryId],
    queryFn: ({ pageParam }) => call('timeline.forBeneficiary', { beneficiaryId, limit: PAGE, before: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.hasMore ? (last.events[last.events.length - 1]?.at ?? null) : null),
    staleTime: 0,
  });
}
