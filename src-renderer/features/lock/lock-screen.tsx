import { useState } from 'react';
import { Button, Card, Form, Input, Space, Typography } from 'antd';
import { LockOutlined, LogoutOutlined, UnlockOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../../../src-shared/contract/accounts';
import { call, isApiCallError } from '../../app/api-client';
import { ME_QUERY_KEY } from '../../app/query-client';
import { ErrorAlert } from '../../components/error-alert';
import { LanguageToggle } from '../../components/language-toggle';
import { useSetLocked } from './use-idle-lock';
import './lock.css';

/**
 * Covers the whole app (which stays mounted underneath, inert, so unsaved work survives) until the
 * user's password unlocks the session on the server. Wrong passwords count toward the lockout.
 */
export function LockScreen({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const setLocked = useSetLocked();
  const [password, setPassword] = useState('');
  const signedOut = () => client.setQueryData(ME_QUERY_KEY, { user: null });
  const unlock = useMutation({
    mutationFn: () => call('auth.unlock', { password }),
    onSuccess: () => {
      setPassword('');
      setLocked(false);
      // Whatever was refused while locked is asked again.
      void client.invalidateQueries({ predicate: (query) => query.queryKey[0] !== ME_QUERY_KEY[0] });
    },
    onError: (error) => {
      setPassword('');
      // Too many wrong passwords end the session: back to the sign-in screen, which explains the lockout.
      if (isApiCallError(error) && (error.code === 'ACCOUNT_LOCKED' || error.code === 'UNAUTHENTICATED')) signedOut();
    },
  });
  const signOut = useMutation({ mutationFn: () => call('auth.logout', {}), onSettled: signedOut });

  return (
    <div className="lock-screen" role="dialog" aria-modal="true" aria-labelledby="lock-title" data-testid="lock-screen">
      <Card className="lock-card">
        <Space direction="vertical" size="middle" style={{ inlineSize: '100%' }}>
          <div className="lock-heading">
            <LockOutlined className="lock-icon" />
            <Typography.Title level={3} id="lock-title">
              {t('lock.title')}
            </Typography.Title>
          </div>
          <Typography.Paragraph type="secondary">{t('lock.intro')}</Typography.Paragraph>
          <Typography.Text strong>{t('lock.user', { name: user.displayName })}</Typography.Text>
          <ErrorAlert error={unlock.error} testId="unlock-error" />
          <Form layout="vertical" onFinish={() => unlock.mutate()}>
            <Form.Item label={t('lock.password')} htmlFor="lock-password">
              <Input.Password
                id="lock-password"
                autoFocus
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                data-testid="unlock-password"
              />
            </Form.Item>
            <Space wrap>
              <Button type="primary" htmlType="submit" icon={<UnlockOutlined />} loading={unlock.isPending} disabled={password === ''} data-testid="unlock-submit">
                {t('lock.unlock')}
              </Button>
              <Button icon={<LogoutOutlined />} loading={signOut.isPending} onClick={() => signOut.mutate()} data-testid="lock-sign-out">
                {t('lock.signOut')}
              </Button>
              <LanguageToggle />
            </Space>
          </Form>
        </Space>
      </Card>
    </div>
  );
}
