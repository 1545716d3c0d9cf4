import { useState } from 'react';
import { Modal, Radio, Select, Space } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Desk, Ticket } from '../../../src-shared/contract/queue';
import { QUEUE_SERVICE_CODES, type QueueService } from '../../../src-shared/domain/queue-services';
import { call } from '../../app/api-client';
import { ErrorAlert } from '../../components/error-alert';
import { useQueueRefresh } from './use-queue';
import { formatNumber } from './queue-format';
import { useLanguage } from '../../app/language';

/** Sends the visitor to another service's line (the researcher's too) or to one named desk. */
export function TransferModal({ ticket, desk, desks, onClose }: { ticket: Ticket; desk: Desk; desks: readonly Desk[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const refresh = useQueueRefresh();
  const [kind, setKind] = useState<'service' | 'desk'>('service');
  const [service, setService] = useState<QueueService | null>(ticket.service === 'researcher' ? null : 'researcher');
  const [toDeskId, setToDeskId] = useState<string | null>(null);
  const transfer = useMutation({
    mutationFn: () =>
      call('queue.transfer', {
        deskId: desk.id,
        ticketId: ticket.id,
        ...(kind === 'service' ? { toService: service } : { toDeskId }),
      }),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });
  const otherDesks = desks.filter((d) => d.active && d.id !== desk.id);

  return (
    <Modal
      open
      title={t('queue.transfer.title', { number: ticket.number })}
      okText={t('queue.transfer.submit')}
      cancelText={t('app.cancel')}
      onOk={() => transfer.mutate()}
      okButtonProps={{ loading: transfer.isPending }}
      onCancel={onClose}
    >
      <ErrorAlert error={transfer.error} />
      <Space direction="vertical" style={{ inlineSize: '100%' }} size="middle">
        <Radio.Group
          value={kind}
          onChange={(e) => setKind(e.target.value as 'service' | 'desk')}
          options={[
            { value: 'service', label: t('queue.transfer.toService') },
            { value: 'desk', label: t('queue.transfer.toDesk') },
          ]}
        />
        {kind === 'service' ? (
          <Select
            style={{ inlineSize: '100%' }}
            value={service}
            placeholder={t('queue.transfer.chooseService')}
            onChange={(v: QueueService) => setService(v)}
            options={QUEUE_SERVICE_CODES.filter((s) => s !== ticket.service).map((s) => ({ value: s, label: t(`queue.services.${s}`) }))}
            data-testid="transfer-service"
          />
        ) : (
          <Select
            style={{ inlineSize: '100%' }}
            value={toDeskId}
            placeholder={t('queue.transfer.chooseDesk')}
            onChange={(v: string) => setToDeskId(v)}
            options={otherDesks.map((d) => ({ value: d.id, label: `${t('queue.desk.number', { number: formatNumber(d.number, lang) })} — ${d.name}` }))}
            data-testid="transfer-desk"
          />
        )}
      </Space>
    </Modal>
  );
}
