import { useState } from 'react';
import { Modal } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../src-shared/contract/queue';
import { call } from '../../app/api-client';
import { ErrorAlert } from '../../components/error-alert';
import { BeneficiaryPicker } from './beneficiary-picker';
import { useQueueRefresh } from './use-queue';

/** Links the ticket in hand to the beneficiary the desk has found (a ticket may be taken anonymously). */
export function LinkBeneficiaryModal({ ticket, onClose }: { ticket: Ticket; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useQueueRefresh();
  const [beneficiaryId, setBeneficiaryId] = useState<string | null>(ticket.beneficiaryId);
  const link = useMutation({
    mutationFn: (id: string) => call('queue.linkBeneficiary', { ticketId: ticket.id, beneficiaryId: id }),
    onSuccess: async () => {
      await refresh();
      onClose();
    },
  });
  return (
    <Modal
      open
      title={t('queue.link.title', { number: ticket.number })}
      okText={t('queue.link.choose')}
      cancelText={t('app.cancel')}
      okButtonProps={{ disabled: beneficiaryId === null, loading: link.isPending }}
      onOk={() => beneficiaryId && link.mutate(beneficiaryId)}
      onCancel={onClose}
    >
      <ErrorAlert error={link.error} />
      <BeneficiaryPicker value={beneficiaryId} onChange={setBeneficiaryId} testId="link-beneficiary" />
    </Modal>
  );
}
