import { useState } from 'react';
import { Button, Input, Select, Space } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ComplaintView } from '../../../src-shared/contract/complaints';
import { CONTACT_CHANNELS, type ContactChannel } from '../../../src-shared/domain/contact-channels';
import type { MethodInput } from '../../../src-shared/contract';
import { call } from '../../app/api-client';
import { canCall } from '../../app/access';
import { useLanguage } from '../../app/language';
import { useSession } from '../../app/session';
import { useApiErrorText } from '../../components/error-alert';

type Step = 'complaints.acknowledge' | 'complaints.assign' | 'complaints.answer' | 'complaints.close';

function useStep<M extends Step>(method: M) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: MethodInput<M>) => call(method, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['complaints'] }),
  });
}

/** The next step a case allows, where it is listed; refusals show in the row. */
export function ComplaintActions({ c }: { c: ComplaintView }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { user } = useSession();
  const errorText = useApiErrorText();
  const [answer, setAnswer] = useState('');
  const [assignee, setAssignee] = useState<string | null>(null);
  const [channel, setChannel] = useState<ContactChannel>(c.channel);
  const acknowledge = useStep('complaints.acknowledge');
  const assign = useStep('complaints.assign');
  const answerStep = useStep('complaints.answer');
  const close = useStep('complaints.close');
  const mayAssign = canCall(user, 'complaints.assign');
  const staff = useQuery({ queryKey: ['complaints.assignees'], queryFn: () => call('complaints.assignees', {}), enabled: mayAssign && c.status !== 'closed' && c.status !== 'answered' });
  const error = acknowledge.error ?? assign.error ?? answerStep.error ?? close.error;
  return (
    <Space direction="vertical" style={{ inlineSize: '100%' }}>
      {c.status === 'received' ? <Button size="small" onClick={() => acknowledge.mutate({ id: c.id })} data-testid={`complaint-ack-${c.id}`}>{t('complaints.acknowledge')}</Button> : null}
      {mayAssign && ['received', 'acknowledged', 'assigned'].includes(c.status) ? (
        <Space.Compact>
          <Select<string> size="small" style={{ minInlineSize: 160 }} value={assignee ?? undefined} onChange={setAssignee} options={(staff.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} />
          <Button size="small" disabled={!assignee} onClick={() => assignee && assign.mutate({ id: c.id, userId: assignee })}>{t('complaints.assign')}</Button>
        </Space.Compact>
      ) : null}
      {['acknowledged', 'assigned'].includes(c.status) ? (
        <Space.Compact style={{ inlineSize: '100%' }}>
          <Input size="small" placeholder={t('complaints.answer')} value={answer} onChange={(e) => setAnswer(e.target.value)} data-testid={`complaint-answer-${c.id}`} />
          <Button size="small" onClick={() => answerStep.mutate({ id: c.id, answer })} data-testid={`complaint-answer-save-${c.id}`}>{t('complaints.answerSave')}</Button>
        </Space.Compact>
      ) : null}
      {c.status === 'answered' ? (
        <Space.Compact>
          <Select<ContactChannel> size="small" style={{ minInlineSize: 180 }} value={channel} onChange={setChannel} options={CONTACT_CHANNELS.map((ch) => ({ value: ch.code, label: ch[lang] }))} />
          <Button size="small" type="primary" onClick={() => close.mutate({ id: c.id, channel })} data-testid={`complaint-close-${c.id}`}>{t('complaints.close')}</Button>
        </Space.Compact>
      ) : null}
      {error ? <span className="complaint-error">{errorText(error)}</span> : null}
    </Space>
  );
}
