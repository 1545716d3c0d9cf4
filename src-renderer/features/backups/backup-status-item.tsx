import { useTranslation } from 'react-i18next';
import { DualDate } from '../../components/dual-date';
import { useBackupStatus } from './use-backups';

/** The status bar's word on backups: the last one, and a warning when it is overdue or the drive is missing. */
export function BackupStatusItem() {
  const { t } = useTranslation();
  const { data } = useBackupStatus();
  if (!data) return null;
  const warning = !data.folderAvailable ? t('backups.status.missing') : data.overdue ? t('backups.status.overdue') : null;
  return (
    <span className={`status-item${warning ? ' status-warning' : ''}`} data-testid="status-backup">
      <span className="status-label">{t('backups.status.label')}</span>
      {data.lastBackupAt ? <DualDate value={data.lastBackupAt} inline /> : t('backups.status.none')}
      {warning ? <strong> — {warning}</strong> : null}
    </span>
  );
}
