import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BackupCounts, BackupManifest } from '../../../src-shared/contract/backups';
import { DateTimeText } from '../../components/dual-date';

const COUNT_FIELDS: ReadonlyArray<keyof BackupCounts> = [
  'beneficiaries', 'householdMembers', 'supportRequests', 'interviews', 'signedForms', 'attachments', 'contacts', 'users', 'auditEntries',
];

export function formatBytes(bytes: number): string {
  return bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MiB` : `${Math.max(1, Math.round(bytes / 1024))} KiB`;
}

/** What a backup holds, from its manifest: read without restoring anything. */
export function BackupPreview({ manifest, migrationsToApply }: { manifest: BackupManifest; migrationsToApply?: number }) {
  const { t } = useTranslation();
  return (
    <Descriptions column={2} bordered size="small" data-testid="backup-preview">
      <Descriptions.Item label={t('backups.takenAt')} span={2}><DateTimeText value={manifest.takenAt} /></Descriptions.Item>
      <Descriptions.Item label={t('backups.branch')}>{manifest.branch ? `${manifest.branch.nameAr} (${manifest.branch.code})` : '—'}</Descriptions.Item>
      <Descriptions.Item label={t('backups.encrypted')}>{manifest.encrypted ? t('backups.yes') : t('backups.no')}</Descriptions.Item>
      <Descriptions.Item label={t('backups.appVersion')}><span className="ltr-value">{manifest.appVersion}</span></Descriptions.Item>
      <Descriptions.Item label={t('backups.schemaVersion')}>
        {manifest.schemaVersion}
        {migrationsToApply ? ` — ${t('backups.migrations', { count: migrationsToApply })}` : null}
      </Descriptions.Item>
      {COUNT_FIELDS.map((field) => (
        <Descriptions.Item key={field} label={t(`backups.counts.${field}`)}>
          <span data-testid={`backup-count-${field}`}>{manifest.counts[field]}</span>
        </Descriptions.Item>
      ))}
      <Descriptions.Item label={t('backups.contentFiles')}>{manifest.content.files}</Descriptions.Item>
      <Descriptions.Item label={t('backups.columns.size')}>
        <bdi dir="ltr">{formatBytes(manifest.content.bytes + manifest.store.bytes)}</bdi>
      </Descriptions.Item>
    </Descriptions>
  );
}
