import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MethodInput, MethodName } from '../../../src-shared/contract';
import { call } from '../../app/api-client';

/** Queries and mutations of personal-data rights; every write refreshes the area's lists. */

export function useRights(beneficiaryId: string) {
  return useQuery({ queryKey: ['dataRights', 'rights', beneficiaryId], queryFn: () => call('privacy.rights', { beneficiaryId }), staleTime: 0 });
}

export function useOpenCorrections() {
  return useQuery({ queryKey: ['dataRights', 'open'], queryFn: () => call('privacy.openCorrections', {}), staleTime: 0 });
}

export function useRetentionSettings() {
  return useQuery({ queryKey: ['dataRights', 'retention'], queryFn: () => call('privacy.retentionSettings', {}) });
}

type Write = 'privacy.requestExport' | 'privacy.requestCorrection' | 'privacy.decideCorrection' | 'privacy.recordConsent' | 'privacy.saveRetentionSettings' | 'privacy.retentionRun' | 'privacy.export';

export function useDataRightsWrite<M extends Write & MethodName>(method: M) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<M>) => call(method, input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['dataRights'] });
      // An accepted correction changes the profile and its history; a decision logs a contact.
      if (method === 'privacy.decideCorrection') {
        void client.invalidateQueries({ queryKey: ['beneficiaries.get'] });
        void client.invalidateQueries({ queryKey: ['beneficiaries.history'] });
        void client.invalidateQueries({ queryKey: ['contacts.forBeneficiary'] });
      }
    },
  });
}
