import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Radio, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../src-shared/contract';
import { ErrorAlert } from '../../components/error-alert';
import { LanguageToggle } from '../../components/language-toggle';
import { BackupPreview } from './backup-preview';
import { useRecoveryRestore } from './use-backups';

type Recovery = MethodOutput<'recovery.status'>;

/**
 * Shown instead of everything else when the store failed its start-up check: an administrator picks
 * a backup, sees what it holds, and proves with an admin password of that backup that they may restore it.
 */
export function RecoveryScreen({ status, onRefresh }: { status: Recovery; onRefresh: () => void }) {
  const { t } = useTranslation();
  const restore = useRecoveryRestore();
  const usable = status.backups.filter((b) => b.manifest !== null);
  const [chosen, setChosen] = useState<string | null>(usable[0]?.name ?? null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const manifest = usable.find((b) => b.name === chosen)?.manifest ?? null;

  return (
    <div className="centered-page recovery-page" data-testid="recovery-screen">
      <Card style={{ inlineSize: 'min(900px, 100%)' }}>
        <Space direction="vertical" size="middle" style={{ inlineSize: '100%' }}>
          <div className="page-title-row">
            <Typography.Title level={2}>{t('backups.recovery.title')}</Typography.Title>
            <LanguageToggle />
          </div>
          <Alert type="error" showIcon title={t('backups.recovery.intro')} />
          {status.folder ? (
            <Typography.Text type="secondary">
              {t('backups.folder')}: <bdi dir="ltr">{status.folder}</bdi>
            </Typography.Text>
          ) : null}
          {usable.length === 0 ? (
            <>
              <Alert type="warning" showIcon title={t('backups.recovery.none')} />
              <Button onClick={onRefresh}>{t('backups.recovery.refresh')}</Button>
            </>
          ) : (
            <Form layout="vertical" onFinish={() => chosen && restore.mutate({ name: chosen, username, password })}>
              <Form.Item label={t('backups.recovery.choose')}>
                <Radio.Group value={chosen} onChange={(e) => setChosen(e.target.value as string)} data-testid="recovery-backups">
                  <Space direction="vertical">
                    {usable.map((b) => (
                      <Radio key={b.name} value={b.name}>
                        <bdi dir="ltr">{b.name}</bdi> — {t(`backups.kinds.${b.manifest!.kind}`)} — {t('backups.counts.beneficiaries')}: {b.manifest!.counts.beneficiaries}
                      </Radio>
                    ))}
                  </Space>
                </Radio.Group>
              </Form.Item>
              {manifest ? <BackupPreview manifest={manifest} /> : null}
              <Typography.Paragraph strong style={{ marginBlockStart: 16 }}>{t('backups.recovery.credentials')}</Typography.Paragraph>
              <ErrorAlert error={restore.error} testId="recovery-error" />
              <Space wrap align="end">
                <Form.Item label={t('backups.recovery.username')} style={{ marginBlockEnd: 0 }}>
                  <Input dir="ltr" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} data-testid="recovery-username" />
                </Form.Item>
                <Form.Item label={t('backups.recovery.password')} style={{ marginBlockEnd: 0 }}>
                  <Input.Password autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} data-testid="recovery-password" />
                </Form.Item>
                <Button type="primary" danger htmlType="submit" loading={restore.isPending} disabled={!chosen || !username || !password} data-testid="recovery-restore">
                  {t('backups.recovery.restore')}
                </Button>
              </Space>
            </Form>
          )}
        </Space>
      </Card>
    </div>
  );
}
