import { useMutation } from '@tanstack/react-query';
import { Button, Card, Form, Typography } from 'antd';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract, type MethodInput } from '../../../src-shared/contract';
import { call, isApiCallError } from '../../app/api-client';
import { applyFieldErrors, contractResolver } from '../../app/form-errors';
import { useLanguage } from '../../app/language';
import { useAcceptSession, useSetupStatus } from '../../app/session';
import { ErrorAlert } from '../../components/error-alert';
import { TextInputField } from '../../components/text-input-field';
import { LanguageToggle } from '../../components/language-toggle';

type LoginValues = { username: string; password: string };

/** Sign-in; wrong password and locked account come back from the server with their Arabic message. */
export function LoginScreen() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const accept = useAcceptSession();
  const setup = useSetupStatus();
  const { control, handleSubmit, setError, resetField } = useForm<LoginValues>({
    defaultValues: { username: '', password: '' },
    resolver: contractResolver<LoginValues>(contract['auth.login'].input),
  });
  const login = useMutation({
    mutationFn: (input: MethodInput<'auth.login'>) => call('auth.login', input),
    onSuccess: accept,
    onError: (error) => {
      resetField('password');
      if (isApiCallError(error)) applyFieldErrors(error.apiError, setError, lang, () => true);
    },
  });
  const association = lang === 'en' ? setup.data?.associationNameEn ?? setup.data?.associationNameAr : setup.data?.associationNameAr;

  return (
    <div className="centered-page">
      <Card
        className="centered-card"
        style={{ maxInlineSize: 440 }}
        title={<Typography.Title level={3} style={{ margin: 0 }}>{t('login.title')}</Typography.Title>}
        extra={<LanguageToggle />}
      >
        {association ? <Typography.Title level={4}>{association}</Typography.Title> : null}
        <ErrorAlert error={login.error} testId="login-error" />
        <form onSubmit={(e) => void handleSubmit((values) => login.mutate(values))(e)} noValidate>
          <Form layout="vertical" component="div">
            <TextInputField control={control} name="username" label={t('login.username')} testId="login-username" autoFocus ltr autoComplete="username" />
            <TextInputField control={control} name="password" label={t('login.password')} testId="login-password" kind="password" autoComplete="current-password" />
            <Button type="primary" htmlType="submit" block size="large" loading={login.isPending} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
        </form>
      </Card>
    </div>
  );
}
