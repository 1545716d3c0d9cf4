import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Typography } from 'antd';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { contract, type MethodInput } from '../../../src-shared/contract';
import { call, isApiCallError } from '../../app/api-client';
import { applyFieldErrors, contractResolver } from '../../app/form-errors';
import { useLanguage } from '../../app/language';
import { SETUP_QUERY_KEY } from '../../app/session';
import { ErrorAlert } from '../../components/error-alert';
import { LanguageToggle } from '../../components/language-toggle';
import { TextInputField } from '../../components/text-input-field';

type JoinValues = { serverUrl: string; code: string };
const schema = contract['setup.join'].input;

/**
 * First run of another desk of an existing branch: an enrolment code from head office instead of a
 * new association; the branch and its staff arrive, and the sign-in page follows.
 */
export function JoinBranchScreen({ onBack }: { onBack: () => void }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { control, handleSubmit, setError } = useForm<JoinValues>({ defaultValues: { serverUrl: '', code: '' }, resolver: contractResolver<JoinValues>(schema) });
  const join = useMutation({
    mutationFn: (input: MethodInput<'setup.join'>) => call('setup.join', input),
    onSuccess: async (joined) => {
      void message.success(t('syncReview.join.done', { branch: joined.branchName, pulled: joined.pulled, users: joined.users }));
      await client.invalidateQueries({ queryKey: SETUP_QUERY_KEY });
    },
    onError: (error) => {
      if (isApiCallError(error)) applyFieldErrors(error.apiError, setError, lang, () => true);
    },
  });
  const submit = handleSubmit((values) => join.mutate(schema.parse(values)));
  return (
    <div className="centered-page">
      <Card className="centered-card" title={<Typography.Title level={3} style={{ margin: 0 }}>{t('syncReview.join.title')}</Typography.Title>} extra={<LanguageToggle />}>
        <Typography.Paragraph type="secondary">{t('syncReview.join.hint')}</Typography.Paragraph>
        <ErrorAlert error={join.error} testId="join-error" />
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Form layout="vertical" component="div">
            <TextInputField control={control} name="serverUrl" label={t('syncReview.join.serverUrl')} testId="join-server-url" required ltr autoFocus />
            <TextInputField control={control} name="code" label={t('syncReview.join.code')} testId="join-code" required ltr />
            <div className="form-actions">
              <Button onClick={onBack} data-testid="join-back">{t('syncReview.join.switchToSetup')}</Button>
              <Button type="primary" htmlType="submit" size="large" loading={join.isPending} data-testid="join-submit">{t('syncReview.join.submit')}</Button>
            </div>
          </Form>
        </form>
      </Card>
    </div>
  );
}
