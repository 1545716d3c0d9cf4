import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { CLOCK_DRIFT_WARN_MS } from '../../src-shared/contract/sync';
import { useTranslation } from 'react-i18next';
import { call } from '../app/api-client';
import { useSession } from '../app/session';
import { DualDate } from './dual-date';
import { BackupStatusItem } from '../features/backups/backup-status-item';

export const SYSTEM_STATUS_QUERY_KEY = ['system.status'] as const;

/** Who is working, where the data lives and whether it has reached head office. Always visible. */
export function StatusBar() {
  const { t } = useTranslation();
  const { user } = useSession();
  const status = useQuery({
    queryKey: SYSTEM_STATUS_QUERY_KEY,
    queryFn: () => call('system.status', {}),
    refetchInterval: 30_000,
  });
  const data = status.data;
  const refetch = status.refetch;
  // The line is back: head office is tried at once rather than when the backoff ends.
  useEffect(() => {
    const back = () => void call('sync.nudge', {}).then(() => refetch()).catch(() => undefined);
    window.addEventListener('online', back);
    return () => window.removeEventListener('online', back);
  }, [refetch]);
  const drift = data?.sync.clockOffsetMs ?? 0;
  return (
    <footer className="status-bar" data-testid="status-bar" role="status">
      <Item label={t('status.user')}>{user.displayName}</Item>
      <Item label={t('status.role')}>{t(`roles.${user.role}`)}</Item>
      <Item label={t('status.branch')}>{user.branchName}</Item>
      {data ? (
        <>
          <span className="status-item status-store" title={data.storePath}>
            <span className="status-label">{t('status.store')}</span>
            {data.storePath}
          </span>
          <Item label={t('status.schema')}>{data.schemaVersion}</Item>
          <Item label={t('status.pending')}>{data.pendingChanges}</Item>
          <Item label={t('status.sync')}>{t(`status.syncStates.${data.sync.state}`)}</Item>
          {data.sync.error === 'update_required' || data.sync.error === 'server_outdated' ? (
            <span className="status-item status-warning" data-testid="status-sync-update" title={t(`sync.errors.${data.sync.error}`)}>
              {data.sync.error === 'update_required' ? t('sync.updateShort') : t(`sync.errors.${data.sync.error}`)}
            </span>
          ) : null}
          {Math.abs(drift) > CLOCK_DRIFT_WARN_MS ? (
            <span className="status-item status-warning" data-testid="status-clock-drift">{t('sync.clockDrift', { minutes: Math.round(Math.abs(drift) / 60_000) })}</span>
          ) : null}
        </>
      ) : null}
      <BackupStatusItem />
      <span className="status-item status-today">
        <span className="status-label">{t('status.today')}</span>
        <DualDate value={new Date()} inline />
      </span>
    </footer>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <span className="status-item">
      <span className="status-label">{label}</span>
      {children}
    </span>
  );
}
