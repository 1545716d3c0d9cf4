import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MethodInput } from '../../../src-shared/contract';
import { call } from '../../app/api-client';

export type AuditFilterValues = {
  userId: string | null;
  action: string | null;
  beneficiaryId: string | null;
  branchId: string | null;
  from: string | null;
  to: string | null;
};

export const NO_FILTERS: AuditFilterValues = { userId: null, action: null, beneficiaryId: null, branchId: null, from: null, to: null };
export const AUDIT_PAGE_SIZE = 50;

/**
 * One page of the log. Every reading is itself audited, so a page is fetched once (no background
 * refetch); later pages carry the first page's `upToSeq` and read the same entries.
 */
export function useAuditPage(filters: AuditFilterValues, page: number, upToSeq: number | null) {
  const input: MethodInput<'audit.list'> = { ...filters, page, pageSize: AUDIT_PAGE_SIZE, upToSeq: page === 1 ? null : upToSeq };
  return useQuery({
    queryKey: ['audit.list', input],
    queryFn: () => call('audit.list', input),
    staleTime: Infinity,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useAuditFilters() {
  return useQuery({ queryKey: ['audit.filters'], queryFn: () => call('audit.filters', {}), staleTime: 60_000 });
}
