import { useState } from 'react';
import { Input, Modal, Select, Space, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TaskView } from '../../../src-shared/contract/outreach';
import { CONTACT_OUTCOMES, type ContactOutcome } from '../../../src-shared/domain/contact-channels';
import { call } from '../../app/api-client';
import { ErrorAlert } from '../../components/error-alert';

/** The outcome of the call made for a task; saved to the contact log by the server. */
export function CompleteModal({ task, onClose }: { task: TaskView | null; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [outcome, setOutcome] = useState<ContactOutcome>('answered');
  const [details, setDetails] = useState('');
  const complete = useMutation({
    mutationFn: (id: string) => call('outreach.complete', { id, outcome, details }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['outreach.list'] });
      setDetails('');
      onClose();
    },
  });
  return (
    <Modal open={task !== null} title={t('outreach.complete')} okText={t('outreach.save')} onOk={() => task && complete.mutate(task.id)} confirmLoading={complete.isPending} onCancel={onClose} destroyOnHidden>
      <Space direction="vertical" style={{ inlineSize: '100%' }}>
        <ErrorAlert error={complete.error} />
        {task ? <Typography.Paragraph type="secondary">{task.script}</Typography.Paragraph> : null}
        <span>{t('outreach.outcome')}</span>
        <Select<ContactOutcome> value={outcome} onChange={setOutcome} style={{ inlineSize: '100%' }} data-testid="outreach-outcome" options={CONTACT_OUTCOMES.map((o) => ({ value: o, label: t(`contacts.outcomes.${o}`) }))} />
        <span>{t('outreach.details')}</span>
        <Input.TextArea rows={3} value={details} onChange={(e) => setDetails(e.target.value)} data-testid="outreach-details" />
      </Space>
    </Modal>
  );
}
