import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MethodInput } from '../../../src-shared/contract';
import type { ContactChannel } from '../../../src-shared/domain/contact-channels';
import { call } from '../../app/api-client';

export type DailyView = 'recorded' | 'follow_ups_due';

export function useBeneficiaryContacts(beneficiaryId: string) {
  return useQuery({
    queryKey: ['contacts.forBeneficiary', beneficiaryId],
    queryFn: () => call('contacts.forBeneficiary', { beneficiaryId }),
    staleTime: 0,
  });
}

export function useDailyContacts(view: DailyView, channel: ContactChannel | null) {
  return useQuery({
    queryKey: ['contacts.daily', view, channel],
    queryFn: () => call('contacts.daily', { view, channel }),
    staleTime: 0,
  });
}

/** After any write to the log: lists, the daily view and the timeline all show it. */
function useInvalidateContacts() {
  const client = useQueryClient();
  return async () => {
    await Promise.all([
      client.invalidateQueries({ queryKey: ['contacts.forBeneficiary'] }),
      client.invalidateQueries({ queryKey: ['contacts.daily'] }),
      client.invalidateQueries({ queryKey: ['timeline.forBeneficiary'] }),
    ]);
  };
}

export function useSaveContact(correcting: string | null) {
  const invalidate = useInvalidateContacts();
  return useMutation({
    mutationFn: (contact: MethodInput<'contacts.record'>['contact']) =>
      correcting ? call('contacts.correct', { id: correcting, contact }) : call('contacts.record', { contact }),
    onSuccess: invalidate,
  });
}

export function useRetractContact() {
  const invalidate = useInvalidateContacts();
  return useMutation({
    mutationFn: (input: { id: string; retractionReason: string }) => call('contacts.retract', input),
    onSuccess: invalidate,
  });
}
