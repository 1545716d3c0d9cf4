import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiCallError } from '../app/api-client';
import { useLanguage } from '../app/language';

/** Text for any error a hook may hold: the server's localised message, or a generic one. */
export function useApiErrorText(): (error: unknown) => string {
  const { lang } = useLanguage();
  const { t } = useTranslation();
  return (error) => (isApiCallError(error) ? error.apiError.message[lang] : t('app.unreachable'));
}

export function ErrorAlert({ error, testId }: { error: unknown; testId?: string }) {
  const text = useApiErrorText();
  if (error === null || error === undefined) return null;
  return <Alert type="error" showIcon title={text(error)} data-testid={testId ?? 'error-alert'} style={{ marginBlockEnd: 16 }} />;
}
