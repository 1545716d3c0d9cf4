import { useMutation } from '@tanstack/react-query';
import { Button, Card, Col, Divider, Form, Row, Typography } from 'antd';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { contract, type MethodInput } from '../../../src-shared/contract';
import { call, isApiCallError } from '../../app/api-client';
import { applyFieldErrors, contractResolver } from '../../app/form-errors';
import { useLanguage } from '../../app/language';
import { useAcceptSession } from '../../app/session';
import { ErrorAlert } from '../../components/error-alert';
import { TextInputField } from '../../components/text-input-field';
import { LanguageToggle } from '../../components/language-toggle';
import { JoinBranchScreen } from './join-branch-screen';

type SetupValues = {
  associationNameAr: string;
  associationNameEn: string;
  branch: { code: string; nameAr: string; city: string };
  admin: { username: string; displayName: string; password: string };
  password2: string;
};

const schema = contract['setup.initialise'].input.extend({ password2: z.string() });

const EMPTY: SetupValues = {
  associationNameAr: '',
  associationNameEn: '',
  branch: { code: '', nameAr: '', city: '' },
  admin: { username: '', displayName: '', password: '' },
  password2: '',
};

/** First run: the association, its first branch and the administrator, in one step. */
export function SetupScreen() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const accept = useAcceptSession();
  const [joining, setJoining] = useState(false);
  const { control, handleSubmit, setError } = useForm<SetupValues>({
    defaultValues: EMPTY,
    resolver: contractResolver<SetupValues>(schema),
  });
  const initialise = useMutation({
    mutationFn: (input: MethodInput<'setup.initialise'>) => call('setup.initialise', input),
    onSuccess: accept,
    onError: (error) => {
      if (isApiCallError(error)) applyFieldErrors(error.apiError, setError, lang, (p) => p !== 'password2');
    },
  });

  const submit = handleSubmit((values) => {
    if (values.password2 !== values.admin.password) {
      setError('password2', { type: 'mismatch', message: t('setup.passwordsDiffer') }, { shouldFocus: true });
      return;
    }
    const { password2: _confirmation, ...input } = values;
    initialise.mutate(input);
  });

  if (joining) return <JoinBranchScreen onBack={() => setJoining(false)} />;
  return (
    <div className="centered-page">
      <Card
        className="centered-card"
        title={<Typography.Title level={3} style={{ margin: 0 }}>{t('setup.title')}</Typography.Title>}
        extra={<LanguageToggle />}
      >
        <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
        <Button type="link" style={{ paddingInline: 0 }} onClick={() => setJoining(true)} data-testid="setup-join-branch">{t('syncReview.join.switchToJoin')}</Button>
        <ErrorAlert error={initialise.error} />
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Form layout="vertical" component="div">
            <Divider titlePlacement="start">{t('setup.association')}</Divider>
            <TextInputField control={control} name="associationNameAr" label={t('setup.associationNameAr')} testId="setup-association" required autoFocus />
            <TextInputField control={control} name="associationNameEn" label={t('setup.associationNameEn')} testId="setup-association-en" ltr />
            <Divider titlePlacement="start">{t('setup.branch')}</Divider>
            <Row gutter={16}>
              <Col xs={24} md={8}>
                <TextInputField control={control} name="branch.code" label={t('setup.branchCode')} testId="setup-branch-code" required ltr extra={t('setup.branchCodeHint')} />
              </Col>
              <Col xs={24} md={8}>
                <TextInputField control={control} name="branch.nameAr" label={t('setup.branchName')} testId="setup-branch-name" required />
              </Col>
              <Col xs={24} md={8}>
                <TextInputField control={control} name="branch.city" label={t('setup.branchCity')} testId="setup-branch-city" />
              </Col>
            </Row>
            <Divider titlePlacement="start">{t('setup.admin')}</Divider>
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <TextInputField control={control} name="admin.username" label={t('setup.username')} testId="setup-admin-username" required ltr autoComplete="username" />
              </Col>
              <Col xs={24} md={12}>
                <TextInputField control={control} name="admin.displayName" label={t('setup.displayName')} testId="setup-admin-name" required />
              </Col>
              <Col xs={24} md={12}>
                <TextInputField control={control} name="admin.password" label={t('setup.password')} testId="setup-admin-password" kind="password" required autoComplete="new-password" />
              </Col>
              <Col xs={24} md={12}>
                <TextInputField control={control} name="password2" label={t('setup.password2')} testId="setup-admin-password2" kind="password" required autoComplete="new-password" />
              </Col>
            </Row>
            <div className="form-actions">
              <Button type="primary" htmlType="submit" size="large" loading={initialise.isPending} data-testid="setup-submit">
                {t('setup.submit')}
              </Button>
            </div>
          </Form>
        </form>
      </Card>
    </div>
  );
}
