import { useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, Form, Input, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../src-shared/contract';
import { ErrorAlert } from '../../components/error-alert';
import { useConfigureBackups } from './use-backups';

type Status = MethodOutput<'backups.status'>;

/** The folder (a USB drive, say) and whether the daily backup runs. */
export function BackupSettingsCard({ status }: { status: Status }) {
  const { t } = useTranslation();
  const configure = useConfigureBackups();
  const [useDefault, setUseDefault] = useState(status.folderIsDefault);
  const [folder, setFolder] = useState(status.folderIsDefault ? '' : status.folder);
  const [daily, setDaily] = useState(status.daily);
  useEffect(() => {
    setUseDefault(status.folderIsDefault);
    setFolder(status.folderIsDefault ? '' : status.folder);
    setDaily(status.daily);
  }, [status.folder, status.folderIsDefault, status.daily]);

  const save = () => configure.mutate({ folder: useDefault ? null : folder, daily });

  return (
    <Card title={t('backups.settings')}>
      <ErrorAlert error={configure.error} testId="backup-settings-error" />
      {configure.isSuccess ? <Alert type="success" showIcon title={t('backups.saved')} data-testid="backup-settings-saved" style={{ marginBlockEnd: 16 }} /> : null}
      <Form layout="vertical" onFinish={save}>
        <Form.Item label={t('backups.folder')} extra={t('backups.folderHint')}>
          <Space direction="vertical" style={{ inlineSize: '100%' }}>
            <Checkbox checked={useDefault} onChange={(e) => setUseDefault(e.target.checked)} data-testid="backup-use-default">
              {t('backups.useDefault')}
            </Checkbox>
            {useDefault ? null : (
              <Input dir="ltr" value={folder} onChange={(e) => setFolder(e.target.value)} data-testid="backup-folder" aria-label={t('backups.folder')} />
            )}
          </Space>
        </Form.Item>
        <Form.Item label={t('backups.daily')}>
          <Switch checked={daily} onChange={setDaily} data-testid="backup-daily" aria-label={t('backups.daily')} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={configure.isPending} data-testid="backup-save">
          {t('backups.save')}
        </Button>
      </Form>
    </Card>
  );
}
