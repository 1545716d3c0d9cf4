import { useEffect, useRef } from 'react';
import { App } from 'antd';
import { useSearchParams } from 'react-router';
import type { InterviewView } from '../../../src-shared/contract/interviews';
import { call } from '../../app/api-client';
import { useApiErrorText } from '../../components/error-alert';
import { useInterviewAction } from './use-interview';

/**
 * What the address brings to an open interview: `?beneficiary=` (the registry sends the desk back
 * with the person just registered) is chosen in step 2; `?ticket=` (the desk started the interview
 * from a ticket) is linked to the beneficiary once there is one, so the visit's ticket appears on the
 * case timeline. Each parameter is dropped from the address once it has been applied.
 */
export function useVisitLinks(view: InterviewView | undefined): void {
  const { message } = App.useApp();
  const errorText = useApiErrorText();
  const [params, setParams] = useSearchParams();
  const incoming = params.get('beneficiary');
  const ticketId = params.get('ticket');
  const choose = useInterviewAction(view?.id ?? '', 'interviews.setBeneficiary');
  const applied = useRef<string | null>(null);
  const linked = useRef<string | null>(null);

  const drop = (name: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.delete(name);
        return next;
      },
      { replace: true },
    );

  useEffect(() => {
    if (!view || !incoming || applied.current === incoming) return;
    applied.current = incoming;
    // Once signed, the request's beneficiary cannot change: the server refuses, the desk is told.
    if (view.beneficiaryId === incoming) drop('beneficiary');
    else
      choose.mutate(
        { id: view.id, beneficiaryId: incoming },
        { onSettled: () => drop('beneficiary'), onError: (error) => void message.error(errorText(error)) },
      );
  }, [view, incoming]);

  useEffect(() => {
    const beneficiaryId = view?.beneficiaryId;
    if (!beneficiaryId || !ticketId || incoming || linked.current === ticketId) return;
    linked.current = ticketId;
    call('queue.linkBeneficiary', { ticketId, beneficiaryId })
      .then(() => drop('ticket'))
      .catch((error: unknown) => void message.error(errorText(error)));
  }, [view?.beneficiaryId, ticketId, incoming]);
}
