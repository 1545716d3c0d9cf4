import { Alert, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { SyncOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../../src-shared/contract/sync';
import { canCall } from '../../app/access';
import { useSession } from '../../app/session';
import { ErrorAlert } from '../../components/error-alert';
import { DateTimeText } from '../../components/dual-date';
import { EnrolForm } from './enrol-form';
import { ParkedList } from './parked-list';
import { ConflictsList } from './conflicts-list';
import { ReviewQueue } from './review-queue';
import { useSyncNow, useSyncStatus } from './use-sync';

const STATE_COLOURS: Record<SyncStatus['state'], string> = { not_configured: 'default', synced: 'green', pending: 'gold', offline: 'orange', error: 'red', resyncing: 'blue' };

function When({ value }: { value: string | null }) {
  const { t } = useTranslation();
  return value ? <DateTimeText value={value} /> : <>{t('sync.never')}</>;
}

/** This desk's sync with head office: its state, the last attempt, "sync now", and enrolment. */
export function SyncScreen() {
  const { t } = useTranslation();
  const { user } = useSession();
  const status = useSyncStatus();
  const syncNow = useSyncNow();
  const data = status.data;
  const configured = data !== undefined && data.state !== 'not_configured';
  return (
    <section>
      <div className="page-title-row">
        <Typography.Title level={2}>{t('sync.title')}</Typography.Title>
        {configured ? (
          <span className="page-title-actions">
            <Button type="primary" icon={<SyncOutlined />} loading={syncNow.isPending} onClick={() => syncNow.mutate()} data-testid="sync-now">
              {t('sync.syncNow')}
            </Button>
          </span>
        ) : null}
      </div>
      <Typography.Paragraph type="secondary">{t('sync.intro')}</Typography.Paragraph>
      <ErrorAlert error={status.error ?? syncNow.error} />
      {data ? (
        <Space direction="vertical" size="large" style={{ inlineSize: '100%' }}>
          {data.resyncingSince ? (
            <Alert type="info" showIcon title={t('sync.resyncTitle')} description={t('sync.resyncBody')} data-testid="sync-resyncing" />
          ) : null}
          {data.error ? <Alert type={data.error === 'offline' ? 'warning' : 'error'} showIcon title={t(`sync.errors.${data.error}`)} data-testid="sync-error" /> : null}
          <Card>
            <Descriptions column={1} bordered size="small">
              <Descriptions.Item label={t('sync.state')}>
                <Tag color={STATE_COLOURS[data.state]} data-testid="sync-state">{t(`sync.states.${data.state}`)}</Tag>
              </Descriptions.Item>
              {configured ? (
                <>
                  <Descriptions.Item label={t('sync.server')}><span className="ltr-value">{data.serverUrl}</span></Descriptions.Item>
                  <Descriptions.Item label={t('sync.pending')}><span data-testid="sync-pending">{data.pendingChanges}</span></Descriptions.Item>
                  <Descriptions.Item label={t('sync.parked')}>{data.parkedChanges}</Descriptions.Item>
                  <Descriptions.Item label={t('sync.lastSyncAt')}><When value={data.lastSyncAt} /></Descriptions.Item>
                  {data.resyncingSince ? <Descriptions.Item label={t('sync.resyncingSince')}><When value={data.resyncingSince} /></Descriptions.Item> : null}
                  {data.offlineSince ? <Descriptions.Item label={t('sync.offlineSince')}><When value={data.offlineSince} /></Descriptions.Item> : null}
                  {data.lastRun ? (
                    <Descriptions.Item label={t('sync.lastRun')}>
                      <span data-testid="sync-last-run">
                        <When value={data.lastRun.finishedAt} /> — {t('sync.lastRunCounts', data.lastRun)}
                      </span>
                    </Descriptions.Item>
                  ) : null}
                </>
              ) : null}
            </Descriptions>
          </Card>
          {data.parkedChanges > 0 && canCall(user, 'sync.parked') ? <ParkedList count={data.parkedChanges} /> : null}
          {configured && canCall(user, 'sync.reviews') ? <ReviewQueue lastRunAt={data.lastRun?.finishedAt ?? null} /> : null}
          {configured && canCall(user, 'sync.conflicts') ? <ConflictsList lastRunAt={data.lastRun?.finishedAt ?? null} /> : null}
          {canCall(user, 'sync.enrol') && (!configured || data.error === 'unauthenticated') ? <EnrolForm serverUrl={data.serverUrl} /> : null}
        </Space>
      ) : null}
    </section>
  );
}
