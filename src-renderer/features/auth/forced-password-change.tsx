import { Alert, Button, Card, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api-client';
import { ME_QUERY_KEY } from '../../app/query-client';
import { ChangePasswordForm } from './change-password-form';
import { LanguageToggle } from '../../components/language-toggle';

/** Shown instead of the app while the account still has a password someone else chose. */
export function ForcedPasswordChange() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const signOut = () => {
    void call('auth.logout', {}).finally(() => client.setQueryData(ME_QUERY_KEY, { user: null }));
  };
  return (
    <div className="centered-page">
      <Card
        className="centered-card"
        style={{ maxInlineSize: 480 }}
        title={<Typography.Title level={3} style={{ margin: 0 }}>{t('password.title')}</Typography.Title>}
        extra={<LanguageToggle />}
      >
        <Alert type="warning" showIcon title={t('password.mustChange')} style={{ marginBlockEnd: 16 }} />
        <ChangePasswordForm onDone={() => void client.invalidateQueries({ queryKey: ME_QUERY_KEY })} />
        <Button type="link" onClick={signOut} data-testid="logout" style={{ marginBlockStart: 8 }}>
          {t('userMenu.logout')}
        </Button>
      </Card>
    </div>
  );
}
