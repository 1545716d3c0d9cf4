import { Form, Input, Modal, Select } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { COMPLAINT_KINDS, type ComplaintKind } from '../../../src-shared/domain/complaint-flow';
import { CONTACT_CHANNELS, type ContactChannel } from '../../../src-shared/domain/contact-channels';
import { call } from '../../app/api-client';
import { useLanguage } from '../../app/language';
import { ErrorAlert } from '../../components/error-alert';
import { BeneficiaryPicker } from '../contacts/beneficiary-picker';
import { placeFieldErrors } from '../committee/field-errors';

type Values = { beneficiaryId: string | null; kind: ComplaintKind; channel: ContactChannel; subject: string; details?: string };

export function NewComplaintModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const receive = useMutation({
    mutationFn: (v: Values) => call('complaints.receive', { ...v, details: v.details ?? null }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['complaints'] });
      form.resetFields();
      onClose();
    },
    onError: (error) => placeFieldErrors(form, error, '', lang),
  });
  return (
    <Modal open={open} title={t('complaints.new')} okText={t('complaints.form.save')} onOk={() => form.submit()} confirmLoading={receive.isPending} onCancel={onClose} forceRender>
      <ErrorAlert error={receive.error} />
      <Form<Values> form={form} layout="vertical" onFinish={(v) => receive.mutate(v)} initialValues={{ beneficiaryId: null, kind: 'complaint', channel: 'in_person_interview' }}>
        <Form.Item name="beneficiaryId" label={t('complaints.form.beneficiary')}>
          <BeneficiaryPicker value={form.getFieldValue('beneficiaryId') as string | null} onChange={(id) => form.setFieldValue('beneficiaryId', id)} />
        </Form.Item>
        <Form.Item name="kind" label={t('complaints.form.kind')}>
          <Select data-testid="complaint-kind" options={COMPLAINT_KINDS.map((k) => ({ value: k, label: t(`complaints.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="channel" label={t('complaints.form.channel')}>
          <Select data-testid="complaint-channel" options={CONTACT_CHANNELS.map((c) => ({ value: c.code, label: c[lang] }))} />
        </Form.Item>
        <Form.Item name="subject" label={t('complaints.form.subject')}>
          <Input data-testid="complaint-subject" />
        </Form.Item>
        <Form.Item name="details" label={t('complaints.form.details')}>
          <Input.TextArea rows={3} data-testid="complaint-details" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
