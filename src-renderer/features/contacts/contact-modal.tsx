import { App, Form, Modal, type ButtonProps } from 'antd';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ContactInput, type ContactEntry } from '../../../src-shared/contract/contacts';
import { CONTACT_CHANNELS, CONTACT_DIRECTIONS, CONTACT_KINDS, CONTACT_OUTCOMES } from '../../../src-shared/domain/contact-channels';
import { isApiCallError } from '../../app/api-client';
import { contractResolver } from '../../app/form-errors';
import { useLanguage } from '../../app/language';
import { ErrorAlert } from '../../components/error-alert';
import { FormField } from '../../components/form-field';
import { SelectField } from '../../components/select-field';
import { TextInputField } from '../../components/text-input-field';
import { BeneficiaryPicker } from './beneficiary-picker';
import { contactInput, contactValues, emptyContact, type ContactFormValues } from './contact-form-values';
import { useSaveContact } from './use-contacts';
import './contacts.css';

const schema = z.object({ contact: ContactInput });
/** Test id on the dialog's own save button (antd types its props without data attributes). */
const SAVE_BUTTON: ButtonProps & { 'data-testid': string } = { 'data-testid': 'contact-save' };

type Props = {
  open: boolean;
  onClose: () => void;
  /** Logged from a profile: the beneficiary is fixed and shown by name. */
  beneficiary?: { id: string; name: string } | null;
  /** Correcting an entry: the form opens with its values. */
  correcting?: ContactEntry | null;
};

/** Logs one exchange over one of the policy's eight channels, or corrects a logged one. */
export function ContactModal({ open, onClose, beneficiary = null, correcting = null }: Props) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const save = useSaveContact(correcting?.id ?? null);
  const { control, handleSubmit, setError, watch } = useForm<ContactFormValues>({
    defaultValues: correcting ? contactValues(correcting) : emptyContact(beneficiary?.id ?? null),
    resolver: contractResolver<ContactFormValues>(schema),
  });
  const beneficiaryId = watch('contact.beneficiaryId');
  const outcome = watch('contact.outcome');
  const anonymous = beneficiary === null && beneficiaryId === null;

  const submit = handleSubmit((values) =>
    save.mutate(contactInput(values), {
      onSuccess: () => {
        void message.success(t('contacts.recorded'));
        onClose();
      },
      onError: (error) => {
        if (!isApiCallError(error)) return;
        for (const [path, fieldError] of Object.entries(error.apiError.fields ?? {})) {
          if (path.startsWith('contact.')) setError(path as 'contact.subject', { type: 'server', message: fieldError.message[lang] });
        }
      },
    }),
  );

  const option = (prefix: 'directions' | 'kinds' | 'outcomes') => (code: string) => ({ value: code, label: t(`contacts.${prefix}.${code}` as 'contacts.kinds.inquiry') });
  return (
    <Modal
      open={open}
      width={820}
      title={t(correcting ? 'contacts.correctTitle' : 'contacts.recordTitle')}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      okButtonProps={SAVE_BUTTON}
      confirmLoading={save.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={save.error} />
      <Form layout="vertical" component="div">
        {beneficiary ? (
          <FormField label={t('contacts.beneficiary')} path="contact.beneficiaryId" error={undefined}>
            <strong data-testid="contact-beneficiary-name">{beneficiary.name}</strong>
          </FormField>
        ) : (
          <Controller
            control={control}
            name="contact.beneficiaryId"
            render={({ field, fieldState }) => (
              <FormField label={t('contacts.beneficiary')} path="contact.beneficiaryId" error={fieldState.error} extra={anonymous ? t('contacts.anonymous') : undefined}>
                <BeneficiaryPicker value={field.value} onChange={field.onChange} />
              </FormField>
            )}
          />
        )}
        {anonymous ? (
          <div className="contact-form-grid">
            <TextInputField control={control} name="contact.callerName" label={t('contacts.fields.callerName')} testId="field-callerName" />
            <TextInputField control={control} name="contact.callerPhone" label={t('contacts.fields.callerPhone')} testId="field-callerPhone" ltr />
          </div>
        ) : null}
        <SelectField
          control={control}
          name="contact.channel"
          label={t('contacts.fields.channel')}
          testId="field-channel"
          kind="radio"
          required
          options={CONTACT_CHANNELS.map((c) => ({ value: c.code, label: c[lang] }))}
        />
        <div className="contact-form-grid">
          <SelectField control={control} name="contact.direction" label={t('contacts.fields.direction')} testId="field-direction" kind="radio" options={CONTACT_DIRECTIONS.map(option('directions'))} />
          <SelectField control={control} name="contact.contactKind" label={t('contacts.fields.contactKind')} testId="field-contactKind" kind="radio" options={CONTACT_KINDS.map(option('kinds'))} />
        </div>
        <TextInputField control={control} name="contact.subject" label={t('contacts.fields.subject')} testId="field-subject" required autoFocus={Boolean(beneficiary)} />
        <TextInputField control={control} name="contact.details" label={t('contacts.fields.details')} testId="field-details" kind="textarea" />
        <SelectField
          control={control}
          name="contact.outcome"
          label={t('contacts.fields.outcome')}
          testId="field-outcome"
          kind="radio"
          options={CONTACT_OUTCOMES.map(option('outcomes'))}
        />
        <div className="contact-form-grid">
          <TextInputField control={control} name="contact.nextStep" label={t('contacts.fields.nextStep')} testId="field-nextStep" />
          <TextInputField
            control={control}
            name="contact.followUpOn"
            label={t('contacts.fields.followUpOn')}
            testId="field-followUpOn"
            extra={t('contacts.followUpHint')}
            ltr
            required={outcome === 'follow_up_needed'}
          />
        </div>
      </Form>
    </Modal>
  );
}
