import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { call } from '../../app/api-client';

export const SEARCH_DEBOUNCE_MS = 150;

export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/** Search as you type; the previous results stay on screen while the next answer is on its way. */
export function useBeneficiarySearch(text: string) {
  const query = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS);
  return useQuery({
    queryKey: ['beneficiaries.search', query],
    queryFn: () => call('beneficiaries.search', { query, limit: 30 }),
    enabled: query !== '',
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function beneficiaryQueryKey(id: string) {
  return ['beneficiaries.get', id] as const;
}

export function useBeneficiary(id: string) {
  return useQuery({ queryKey: beneficiaryQueryKey(id), queryFn: () => call('beneficiaries.get', { id }), staleTime: 0 });
}

export function useBeneficiaryHistory(id: string) {
  return useQuery({ queryKey: ['beneficiaries.history', id], queryFn: () => call('beneficiaries.history', { id }), staleTime: 0 });
}

/**
 * The record in clear for its edit form (an audited reveal). Keyed under the profile's key, so a save
 * or a stale reload refreshes both; dropped from the cache as soon as the form closes.
 */
export function useBeneficiaryForEdit(id: string) {
  return useQuery({
    queryKey: [...beneficiaryQueryKey(id), 'edit'],
    queryFn: () => call('beneficiaries.getForEdit', { id }),
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
}
