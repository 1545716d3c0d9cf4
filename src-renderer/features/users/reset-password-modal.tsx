import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Modal, App } from 'antd';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { NewPassword, type UserSummary } from '../../../src-shared/contract/accounts';
import { call, isApiCallError } from '../../app/api-client';
import { applyFieldErrors, contractResolver } from '../../app/form-errors';
import { useLanguage } from '../../app/language';
import { ErrorAlert } from '../../components/error-alert';
import { TextInputField } from '../../components/text-input-field';
import { USERS_QUERY_KEY } from './use-accounts';

type ResetValues = { newPassword: string };

/** Sets a new password chosen by the administrator; also unlocks a locked account. */
export function ResetPasswordModal({ user, onClose }: { user: UserSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { control, handleSubmit, setError } = useForm<ResetValues>({
    defaultValues: { newPassword: '' },
    resolver: contractResolver<ResetValues>(z.object({ newPassword: NewPassword })),
  });
  const reset = useMutation({
    mutationFn: ({ newPassword }: ResetValues) => call('users.resetPassword', { id: user.id, newPassword }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: USERS_QUERY_KEY });
      void message.success(t('users.passwordReset'));
      onClose();
    },
    onError: (error) => {
      if (isApiCallError(error)) applyFieldErrors(error.apiError, setError, lang, (p) => p === 'newPassword');
    },
  });
  return (
    <Modal
      open
      title={`${t('users.resetPassword')}: ${user.displayName}`}
      okText={t('app.save')}
      cancelText={t('app.cancel')}
      confirmLoading={reset.isPending}
      onOk={() => void handleSubmit((v) => reset.mutate(v))()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('users.resetHint')} style={{ marginBlockEnd: 16 }} />
      <ErrorAlert error={reset.error} />
      <Form layout="vertical" component="div">
        <TextInputField control={control} name="newPassword" label={t('users.newPassword')} testId="reset-password" kind="password" autoFocus autoComplete="new-password" />
      </Form>
    </Modal>
  );
}
