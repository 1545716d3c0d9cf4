import { useMutation } from '@tanstack/react-query';
import { Button, Form } from 'antd';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract, type MethodInput } from '../../../src-shared/contract';
import { call, isApiCallError } from '../../app/api-client';
import { applyFieldErrors, contractResolver } from '../../app/form-errors';
import { useLanguage } from '../../app/language';
import { ErrorAlert } from '../../components/error-alert';
import { TextInputField } from '../../components/text-input-field';

type PasswordValues = { currentPassword: string; newPassword: string; confirm: string };

const schema = contract['auth.changePassword'].input.extend({ confirm: z.string() });

/** `auth.changePassword`, used both when forced after sign-in and from the user menu. */
export function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { control, handleSubmit, setError } = useForm<PasswordValues>({
    defaultValues: { currentPassword: '', newPassword: '', confirm: '' },
    resolver: contractResolver<PasswordValues>(schema),
  });
  const change = useMutation({
    mutationFn: (input: MethodInput<'auth.changePassword'>) => call('auth.changePassword', input),
    onSuccess: onDone,
    onError: (error) => {
      if (isApiCallError(error)) applyFieldErrors(error.apiError, setError, lang, (p) => p !== 'confirm');
    },
  });
  const submit = handleSubmit(({ currentPassword, newPassword, confirm }) => {
    if (confirm !== newPassword) {
      setError('confirm', { type: 'mismatch', message: t('setup.passwordsDiffer') }, { shouldFocus: true });
      return;
    }
    change.mutate({ currentPassword, newPassword });
  });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <ErrorAlert error={change.error} />
      <Form layout="vertical" component="div">
        <TextInputField control={control} name="currentPassword" label={t('password.current')} testId="password-current" kind="password" autoFocus autoComplete="current-password" />
        <TextInputField control={control} name="newPassword" label={t('password.new')} testId="password-new" kind="password" autoComplete="new-password" />
        <TextInputField control={control} name="confirm" label={t('password.confirm')} testId="password-confirm" kind="password" autoComplete="new-password" />
        <Button type="primary" htmlType="submit" block loading={change.isPending} data-testid="password-submit">
          {t('password.submit')}
        </Button>
      </Form>
    </form>
  );
}
