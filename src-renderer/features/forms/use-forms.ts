import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../app/api-client';

export function formsQueryKey(beneficiaryId: string) {
  return ['forms.list', beneficiaryId] as const;
}

export function useBeneficiaryForms(beneficiaryId: string) {
  return useQuery({ queryKey: formsQueryKey(beneficiaryId), queryFn: () => call('forms.list', { beneficiaryId }), staleTime: 0 });
}

export function useGenerateConsent(beneficiaryId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call('forms.generateConsent', { beneficiaryId }),
    onSuccess: () => client.invalidateQueries({ queryKey: formsQueryKey(beneficiaryId) }),
  });
}
