import { useQuery } from '@tanstack/react-query';
import { call } from '../../app/api-client';

export const USERS_QUERY_KEY = ['users.list'] as const;
export const BRANCHES_QUERY_KEY = ['branches.list'] as const;

export function useUsers() {
  return useQuery({ queryKey: USERS_QUERY_KEY, queryFn: () => call('users.list', {}) });
}

export function useBranches() {
  return useQuery({ queryKey: BRANCHES_QUERY_KEY, queryFn: () => call('branches.list', {}) });
}
