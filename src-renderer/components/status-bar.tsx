import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../app/api-client';
import { useSession } from '../app/session';
import { DualDate } from './dual-date';

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
        </>
      ) : null}
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
