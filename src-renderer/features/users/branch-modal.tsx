import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Modal } from 'antd';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../src-shared/contract';
import { call, isApiCallError } from '../../app/api-client';
import { applyFieldErrors, contractResolver } from '../../app/form-errors';
import { useLanguage } from '../../app/language';
import { ErrorAlert } from '../../components/error-alert';
import { TextInputField } from '../../components/text-input-field';
import { BRANCHES_QUERY_KEY } from './use-accounts';

type BranchValues = { code: string; nameAr: string; nameEn: string; city: string };

const schema = contract['branches.create'].input;

export function BranchModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const client = useQueryClient();
  const { control, handleSubmit, setError } = useForm<BranchValues>({
    defaultValues: { code: '', nameAr: '', nameEn: '', city: '' },
    resolver: contractResolver<BranchValues>(schema),
  });
  const create = useMutation({
    mutationFn: (values: BranchValues) => call('branches.create', schema.parse(values)),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: BRANCHES_QUERY_KEY });
      onClose();
    },
    onError: (error) => {
      if (isApiCallError(error)) applyFieldErrors(error.apiError, setError, lang, () => true);
    },
  });
  return (
    <Modal
      open
      title={t('branches.create')}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={create.isPending}
      onOk={() => void handleSubmit((v) => create.mutate(v))()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ErrorAlert error={create.error} />
      <Form layout="vertical" component="div">
        <TextInputField control={control} name="code" label={t('branches.columns.code')} testId="branch-code" required ltr autoFocus extra={t('setup.branchCodeHint')} />
        <TextInputField control={control} name="nameAr" label={t('branches.columns.nameAr')} testId="branch-nameAr" required />
        <TextInputField control={control} name="nameEn" label={t('branches.columns.nameEn')} testId="branch-nameEn" ltr />
        <TextInputField control={control} name="city" label={t('branches.columns.city')} testId="branch-city" />
      </Form>
    </Modal>
  );
}
