import { useState } from 'react';
import { Button, Card, Modal, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../src-shared/contract';
import { DateTimeText } from '../../components/dual-date';
import { ErrorAlert } from '../../components/error-alert';
import { BackupPreview, formatBytes } from './backup-preview';
import { useBackupList, useRestoreBackup, useVerifyBackup } from './use-backups';

type Entry = MethodOutput<'backups.list'>[number];
type Verdict = MethodOutput<'backups.verify'>;

/** The backups in the folder: check one, see what it holds, restore it after a confirmation. */
export function BackupList() {
  const { t } = useTranslation();
  const list = useBackupList();
  const verify = useVerifyBackup();
  const restore = useRestoreBackup();
  const [verdicts, setVerdicts] = useState<Record<string, Verdict>>({});
  const [previewing, setPreviewing] = useState<Entry | null>(null);
  const [restoring, setRestoring] = useState<Verdict | null>(null);

  const check = (name: string, then?: (verdict: Verdict) => void) =>
    verify.mutate(name, {
      onSuccess: (verdict) => {
        setVerdicts((current) => ({ ...current, [name]: verdict }));
        then?.(verdict);
      },
    });

  const columns = [
    {
      title: t('backups.columns.takenAt'),
      key: 'takenAt',
      render: (_: unknown, entry: Entry) => (entry.manifest ? <DateTimeText value={entry.manifest.takenAt} /> : <span className="ltr-value">{entry.name}</span>),
    },
    {
      title: t('backups.columns.kind'),
      key: 'kind',
      render: (_: unknown, entry: Entry) => (entry.manifest ? t(`backups.kinds.${entry.manifest.kind}`) : <Tag color="red">{t('backups.unreadable')}</Tag>),
    },
    { title: t('backups.columns.beneficiaries'), key: 'beneficiaries', render: (_: unknown, entry: Entry) => entry.manifest?.counts.beneficiaries ?? '—' },
    { title: t('backups.columns.requests'), key: 'requests', render: (_: unknown, entry: Entry) => entry.manifest?.counts.supportRequests ?? '—' },
    { title: t('backups.columns.size'), key: 'size', render: (_: unknown, entry: Entry) => <span className="ltr-value">{formatBytes(entry.totalBytes)}</span> },
    {
      title: t('backups.columns.status'),
      key: 'status',
      render: (_: unknown, entry: Entry) => {
        const verdict = verdicts[entry.name];
        if (!verdict) return '—';
        return verdict.ok ? (
          <Tag color="green" data-testid="backup-verdict">{t('backups.verified')}</Tag>
        ) : (
          <Tag color="red" data-testid="backup-verdict">{t(`backups.problemTags.${verdict.problem ?? 'damaged'}`)}</Tag>
        );
      },
    },
    {
      title: t('backups.columns.actions'),
      key: 'actions',
      render: (_: unknown, entry: Entry) => (
        <Space wrap>
          <Button size="small" onClick={() => check(entry.name)} loading={verify.isPending && verify.variables === entry.name} data-testid="backup-verify">
            {t('backups.verify')}
          </Button>
          <Button size="small" disabled={!entry.manifest} onClick={() => setPreviewing(entry)} data-testid="backup-preview-open">
            {t('backups.preview')}
          </Button>
          <Button size="small" danger disabled={!entry.manifest} onClick={() => check(entry.name, (verdict) => setRestoring(verdict))} data-testid="backup-restore">
            {t('backups.restore')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Card title={t('backups.list')}>
      <ErrorAlert error={list.error ?? verify.error} />
      {Object.values(verdicts).filter((v) => !v.ok).map((v) => (
        <Typography.Paragraph key={v.name} type="danger" data-testid="backup-problem">
          {v.name}: {t(`backups.problems.${v.problem ?? 'damaged'}`)}
        </Typography.Paragraph>
      ))}
      <Table<Entry>
        rowKey="name"
        size="small"
        dataSource={list.data ?? []}
        columns={columns}
        loading={list.isPending}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('backups.empty') }}
        data-testid="backup-list"
      />
      <Modal open={previewing !== null} onCancel={() => setPreviewing(null)} footer={null} width={760} title={t('backups.previewTitle', { name: previewing?.name ?? '' })}>
        {previewing?.manifest ? <BackupPreview manifest={previewing.manifest} /> : null}
      </Modal>
      <Modal
        open={restoring !== null}
        onCancel={() => setRestoring(null)}
        title={t('backups.confirmTitle')}
        width={760}
        okText={t('backups.confirm')}
        cancelText={t('backups.cancel')}
        okButtonProps={{ danger: true, disabled: !restoring?.ok, loading: restore.isPending, ...{ 'data-testid': 'backup-restore-confirm' } }}
        onOk={() => restoring && restore.mutate(restoring.name)}
      >
        <ErrorAlert error={restore.error} testId="backup-restore-error" />
        {restoring && !restoring.ok ? <Typography.Paragraph type="danger">{t(`backups.problems.${restoring.problem ?? 'damaged'}`)}</Typography.Paragraph> : null}
        {restoring?.ok ? <Typography.Paragraph>{t('backups.confirmText')}</Typography.Paragraph> : null}
        {restoring?.manifest ? <BackupPreview manifest={restoring.manifest} migrationsToApply={restoring.migrationsToApply} /> : null}
      </Modal>
    </Card>
  );
}
