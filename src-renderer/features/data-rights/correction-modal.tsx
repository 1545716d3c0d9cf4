import { useState } from 'react';
import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CORRECTABLE_FIELDS, type CorrectableField } from '../../../src-shared/contract/privacy';
import type { ContactChannel } from '../../../src-shared/domain/contact-channels';
import { fieldLabel } from '../../../src-shared/i18n/field-labels';
import { useLanguage } from '../../app/language';
import { ErrorAlert } from '../../components/error-alert';
import { ChannelSelect } from './channel-select';
import { useDataRightsWrite } from './use-data-rights';

/** Records what the beneficiary asks to correct; the value is checked by the registry's own rules. */
export function CorrectionModal({ beneficiaryId, open, onClose }: { beneficiaryId: string; open: boolean; onClose(): void }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const [field, setField] = useState<CorrectableField>('address');
  const [value, setValue] = useState('');
  const [justification, setJustification] = useState('');
  const [channel, setChannel] = useState<ContactChannel>('in_person_interview');
  const save = useDataRightsWrite('privacy.requestCorrection');
  const submit = () =>
    save.mutate(
      { beneficiaryId, field, requestedValue: value, justification, channel },
      {
        onSuccess: () => {
          void message.success(t('dataRights.corrections.saved'));
          setValue('');
          setJustification('');
          onClose();
        },
      },
    );
  return (
    <Modal open={open} onCancel={onClose} onOk={submit} okText={t('dataRights.corrections.save')} confirmLoading={save.isPending} title={t('dataRights.corrections.new')} destroyOnHidden>
      <ErrorAlert error={save.error} testId="correction-error" />
      <Form layout="vertical">
        <Form.Item label={t('dataRights.corrections.field')}>
          <Select<CorrectableField> aria-label={t('dataRights.corrections.field')} value={field} onChange={setField} data-testid="correction-field" options={CORRECTABLE_FIELDS.map((f) => ({ value: f, label: fieldLabel(f)[lang] }))} />
        </Form.Item>
        <Form.Item label={t('dataRights.corrections.requestedValue')} extra={t('dataRights.corrections.emptyValue')}>
          <Input aria-label={t('dataRights.corrections.requestedValue')} value={value} onChange={(e) => setValue(e.target.value)} data-testid="correction-value" />
        </Form.Item>
        <Form.Item label={t('dataRights.corrections.justification')}>
          <Input.TextArea aria-label={t('dataRights.corrections.justification')} rows={2} value={justification} onChange={(e) => setJustification(e.target.value)} data-testid="correction-justification" />
        </Form.Item>
        <Form.Item label={t('dataRights.corrections.channel')}>
          <ChannelSelect value={channel} onChange={setChannel} testId="correction-channel" label={t('dataRights.corrections.channel')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
