import { Button, Card, Form, Typography } from 'antd';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../src-shared/contract';
import { isApiCallError } from '../../app/api-client';
import { applyFieldErrors, contractResolver } from '../../app/form-errors';
import { useLanguage } from '../../app/language';
import { ErrorAlert } from '../../components/error-alert';
import { TextInputField } from '../../components/text-input-field';
import { useEnrol } from './use-sync';

type EnrolValues = { serverUrl: string; code: string };
const schema = contract['sync.enrol'].input;

/** An administrator trades the one-time code from head office for this desk's credential. */
export function EnrolForm({ serverUrl }: { serverUrl: string | null }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const enrol = useEnrol();
  const { control, handleSubmit, setError } = useForm<EnrolValues>({
    defaultValues: { serverUrl: serverUrl ?? '', code: '' },
    resolver: contractResolver<EnrolValues>(schema),
  });
  const submit = handleSubmit((values) =>
    enrol.mutate(schema.parse(values), {
      onError: (error) => {
        if (isApiCallError(error)) applyFieldErrors(error.apiError, setError, lang, () => true);
      },
    }),
  );
  return (
    <Card title={t('sync.enrol.title')} data-testid="sync-enrol">
      <Typography.Paragraph type="secondary">{t('sync.enrol.hint')}</Typography.Paragraph>
      <ErrorAlert error={enrol.error} testId="sync-enrol-error" />
      <Form layout="vertical" component="div">
        <TextInputField control={control} name="serverUrl" label={t('sync.enrol.serverUrl')} testId="sync-server-url" required ltr />
        <TextInputField control={control} name="code" label={t('sync.enrol.code')} testId="sync-code" required ltr />
        <Button type="primary" loading={enrol.isPending} onClick={() => void submit()} data-testid="sync-enrol-submit">
          {t('sync.enrol.submit')}
        </Button>
      </Form>
    </Card>
  );
}
