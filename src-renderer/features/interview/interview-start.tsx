import { useEffect, useRef } from 'react';
import { Result, Spin } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { call } from '../../app/api-client';
import { useApiErrorText } from '../../components/error-alert';

/**
 * `#/interviews/new?ticket=<id>[&beneficiary=<id>]`: the desk's «بدء المقابلة». Starts the interview
 * (with the ticket's beneficiary when it is linked) and opens it; a ticket not linked yet travels on
 * to the wizard, which links it as soon as the beneficiary is chosen or registered.
 */
export function InterviewStartScreen() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const errorText = useApiErrorText();
  const started = useRef(false);
  const beneficiaryId = params.get('beneficiary');
  const ticketId = params.get('ticket');
  const start = useMutation({
    mutationFn: () => call('interviews.start', { beneficiaryId }),
    onSuccess: (view) => {
      const next = new URLSearchParams(ticketId && !beneficiaryId ? { ticket: ticketId } : {});
      const query = next.toString();
      void navigate(`/interviews/${view.id}${query ? `?${query}` : ''}`, { replace: true });
    },
  });

  useEffect(() => {
    // Once per visit to this address: a re-render must not start a second interview.
    if (started.current) return;
    started.current = true;
    start.mutate();
  }, [start]);

  if (start.isError) return <Result status="warning" title={errorText(start.error)} />;
  return (
    <div className="centered-page">
      <Spin size="large" />
    </div>
  );
}
