import { Alert, Button, Card, Descriptions, Space, Typography } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, useApiErrorText } from '../../components/error-alert';
import { DateTimeText } from '../../components/dual-date';
import { localise, isMessageKey } from '../../../src-shared/i18n/error-messages';
import { useLanguage } from '../../app/language';
import { BackupList } from './backup-list';
import { BackupSettingsCard } from './backup-settings-card';
import { useBackUpNow, useBackupStatus } from './use-backups';

/** Backups of this desk: where and when they are taken, "back up now", the list, preview and restore. */
export function BackupsScreen() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const status = useBackupStatus();
  const backUpNow = useBackUpNow();
  const errorText = useApiErrorText();
  const data = status.data;
  return (
    <section>
      <div className="page-title-row">
        <Typography.Title level={2}>{t('backups.title')}</Typography.Title>
        <span className="page-title-actions">
          <Button type="primary" icon={<CloudUploadOutlined />} loading={backUpNow.isPending} onClick={() => backUpNow.mutate()} data-testid="backup-now">
            {t('backups.backUpNow')}
          </Button>
        </span>
      </div>
      <Typography.Paragraph type="secondary">{t('backups.intro')}</Typography.Paragraph>
      <ErrorAlert error={status.error} />
      {backUpNow.error ? <Alert type="error" showIcon title={errorText(backUpNow.error)} data-testid="backup-now-error" style={{ marginBlockEnd: 16 }} /> : null}
      {backUpNow.data ? <Alert type="success" showIcon title={t('backups.backedUp', { name: backUpNow.data.name })} data-testid="backup-now-done" style={{ marginBlockEnd: 16 }} /> : null}
      {data ? (
        <Space direction="vertical" size="large" style={{ inlineSize: '100%' }}>
          {!data.folderAvailable ? <Alert type="error" showIcon title={t('backups.folderMissing')} data-testid="backup-folder-missing" /> : null}
          {data.overdue ? <Alert type="warning" showIcon title={t('backups.overdue')} data-testid="backup-overdue" /> : null}
          {data.folderIsDefault ? <Alert type="info" showIcon title={t('backups.defaultFolder')} /> : null}
          {data.lastFailure && isMessageKey(data.lastFailure) ? (
            <Alert type="error" showIcon title={`${t('backups.lastFailure')}: ${localise(data.lastFailure)[lang]}`} />
          ) : null}
          <Card>
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label={t('backups.folder')}><bdi dir="ltr" data-testid="backup-status-folder">{data.folder}</bdi></Descriptions.Item>
              <Descriptions.Item label={t('backups.lastBackup')}>
                <span data-testid="backup-last">{data.lastBackupAt ? <DateTimeText value={data.lastBackupAt} /> : t('backups.never')}</span>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <BackupSettingsCard status={data} />
          <BackupList />
        </Space>
      ) : null}
    </section>
  );
}
