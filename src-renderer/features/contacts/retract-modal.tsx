import { useState } from 'react';
import { App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ContactEntry } from '../../../src-shared/contract/contacts';
import { ErrorAlert } from '../../components/error-alert';
import { useRetractContact } from './use-contacts';

/** Withdraws an entry logged by mistake; the reason is kept with it. */
export function RetractModal({ entry, onClose }: { entry: ContactEntry | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const retract = useRetractContact();
  return (
    <Modal
      open={entry !== null}
      title={t('contacts.retractTitle')}
      okText={t('contacts.retract')}
      okButtonProps={{ danger: true }}
      cancelText={t('app.cancel')}
      confirmLoading={retract.isPending}
      onCancel={onClose}
      destroyOnHidden
      onOk={() =>
        entry &&
        retract.mutate(
          { id: entry.id, retractionReason: reason },
          {
            onSuccess: () => {
              void message.success(t('contacts.retracted'));
              setReason('');
              onClose();
            },
          },
        )
      }
    >
      <ErrorAlert error={retract.error} />
      <Typography.Paragraph>{entry?.subject}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('contacts.retractHint')}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item label={t('contacts.fields.retractionReason')} required>
          <Input value={reason} onChange={(e) => setReason(e.target.value)} data-testid="field-retractionReason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
