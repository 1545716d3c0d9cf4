import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MethodInput } from '../../../src-shared/contract';
import { call } from '../../app/api-client';
import { ME_QUERY_KEY } from '../../app/query-client';
import { SETUP_QUERY_KEY } from '../../app/session';

export const BACKUP_STATUS_QUERY_KEY = ['backups.status'] as const;
const BACKUP_LIST_QUERY_KEY = ['backups.list'] as const;
export const RECOVERY_QUERY_KEY = ['recovery.status'] as const;

export function useBackupStatus() {
  return useQuery({ queryKey: BACKUP_STATUS_QUERY_KEY, queryFn: () => call('backups.status', {}), refetchInterval: 60_000 });
}

export function useBackupList() {
  return useQuery({ queryKey: BACKUP_LIST_QUERY_KEY, queryFn: () => call('backups.list', {}) });
}

function useRefresh() {
  const client = useQueryClient();
  return async () => {
    await client.invalidateQueries({ queryKey: BACKUP_STATUS_QUERY_KEY });
    await client.invalidateQueries({ queryKey: BACKUP_LIST_QUERY_KEY });
  };
}

export function useConfigureBackups() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (input: MethodInput<'backups.configure'>) => call('backups.configure', input), onSuccess: refresh });
}

export function useBackUpNow() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: () => call('backups.create', {}), onSuccess: refresh });
}

export function useVerifyBackup() {
  return useMutation({ mutationFn: (name: string) => call('backups.verify', { name }) });
}

/** After a restore every session has ended: forget everything and let the gate show the sign-in. */
function useSignedOutAfterRestore() {
  const client = useQueryClient();
  return () => {
    window.history.replaceState(null, '', '#/registry');
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY_KEY[0] });
    client.setQueryData(ME_QUERY_KEY, { user: null });
    void client.invalidateQueries({ queryKey: SETUP_QUERY_KEY });
    void client.invalidateQueries({ queryKey: RECOVERY_QUERY_KEY });
  };
}

export function useRestoreBackup() {
  const signedOut = useSignedOutAfterRestore();
  return useMutation({ mutationFn: (name: string) => call('backups.restore', { name }), onSuccess: signedOut });
}

export function useRecoveryStatus() {
  return useQuery({ queryKey: RECOVERY_QUERY_KEY, queryFn: () => call('recovery.status', {}), staleTime: Infinity });
}

export function useRecoveryRestore() {
  const signedOut = useSignedOutAfterRestore();
  return useMutation({ mutationFn: (input: MethodInput<'recovery.restore'>) => call('recovery.restore', input), onSuccess: signedOut });
}
