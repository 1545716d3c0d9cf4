import { useState } from 'react';
import { Checkbox, Form, Input, InputNumber, Modal } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Desk } from '../../../src-shared/contract/queue';
import { QUEUE_SERVICE_CODES, type QueueService } from '../../../src-shared/domain/queue-services';
import { call } from '../../app/api-client';
import { ErrorAlert } from '../../components/error-alert';
import { QUEUE_CONFIG_KEY } from './use-queue';

/** A manager adds a desk of the branch: its number (what visitors read), a name and its services. */
export function DeskModal({ nextNumber, onSaved, onClose }: { nextNumber: number; onSaved: (desk: Desk) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [number, setNumber] = useState<number | null>(nextNumber);
  const [name, setName] = useState('');
  const [services, setServices] = useState<QueueService[]>(['new_request', 'follow_up', 'delivery', 'inquiry', 'complaint']);
  const save = useMutation({
    mutationFn: () => call('queue.saveDesk', { number: number ?? 0, name, services, active: true }),
    onSuccess: async (desk) => {
      await client.invalidateQueries({ queryKey: QUEUE_CONFIG_KEY });
      onSaved(desk);
    },
  });
  return (
    <Modal
      open
      title={t('queue.deskAdmin.add')}
      okText={t('queue.deskAdmin.save')}
      cancelText={t('app.cancel')}
      onOk={() => save.mutate()}
      okButtonProps={{ loading: save.isPending }}
      onCancel={onClose}
    >
      <ErrorAlert error={save.error} />
      <Form layout="vertical">
        <Form.Item label={t('queue.deskAdmin.number')}>
          <InputNumber min={1} max={99} value={number} onChange={(v) => setNumber(v)} data-testid="desk-number" />
        </Form.Item>
        <Form.Item label={t('queue.deskAdmin.name')}>
          <Input value={name} onChange={(e) => setName(e.target.value)} data-testid="desk-name" />
        </Form.Item>
        <Form.Item label={t('queue.deskAdmin.services')}>
          <Checkbox.Group
            value={services}
            onChange={(v) => setServices(v as QueueService[])}
            options={QUEUE_SERVICE_CODES.map((s) => ({ value: s, label: t(`queue.services.${s}`) }))}
            data-testid="desk-services"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
