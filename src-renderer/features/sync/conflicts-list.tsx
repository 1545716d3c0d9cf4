import { App, Button, Card, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { FieldConflict } from '../../../src-shared/contract/duplicate-reviews';
import { MERGE_FIELDS, type MergeField } from '../../../src-shared/domain/merge-fields';
import { ErrorAlert } from '../../components/error-alert';
import { DateTimeText } from '../../components/dual-date';
import { useConflicts, useReapplyConflict } from './use-reviews';

type Conflict = z.infer<typeof FieldConflict>;

function isMergeField(field: string): field is MergeField {
  return (MERGE_FIELDS as readonly string[]).includes(field);
}

/** Values that lost to a concurrent edit of the same field, newest first, each can be applied again. */
export function ConflictsList({ lastRunAt }: { lastRunAt: string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const conflicts = useConflicts(lastRunAt);
  const reapply = useReapplyConflict();
  const columns: ColumnsType<Conflict> = [
    { key: 'field', title: t('syncReview.conflicts.field'), render: (_v, c) => (isMergeField(c.field) ? t(`syncReview.fields.${c.field}`) : c.field) },
    { key: 'losing', title: t('syncReview.conflicts.losing'), render: (_v, c) => <del><bdi>{c.losingValue ?? '—'}</bdi></del> },
    { key: 'winning', title: t('syncReview.conflicts.winning'), render: (_v, c) => <bdi>{c.winningValue ?? '—'}</bdi> },
    { key: 'current', title: t('syncReview.conflicts.current'), render: (_v, c) => <bdi>{c.currentValue ?? '—'}</bdi> },
    {
      key: 'desk',
      title: t('syncReview.conflicts.desk'),
      // The person who typed the losing value; an install id only when that person is not known here.
      render: (_v, c) => (c.losingBy ? <bdi>{c.losingBy}</bdi> : <span className="ltr-value">{c.losingDesk}</span>),
    },
    { key: 'when', title: t('syncReview.conflicts.when'), render: (_v, c) => <DateTimeText value={c.losingAt} /> },
    {
      key: 'action',
      title: '',
      render: (_v, c) => (c.losingIsCurrent ? null : (
        <Button size="small" loading={reapply.isPending} data-testid="conflict-reapply"
          onClick={() => reapply.mutate(c.id, { onSuccess: () => void message.success(t('syncReview.conflicts.reapplied')) })}>
          {t('syncReview.conflicts.reapply')}
        </Button>
      )),
    },
  ];
  return (
    <Card title={t('syncReview.conflicts.title')} data-testid="sync-conflicts">
      <Typography.Paragraph type="secondary">{t('syncReview.conflicts.hint')}</Typography.Paragraph>
      <ErrorAlert error={conflicts.error ?? reapply.error} />
      <Table<Conflict> rowKey="id" size="small" loading={conflicts.isPending} columns={columns} dataSource={conflicts.data?.conflicts ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }} locale={{ emptyText: t('syncReview.conflicts.empty') }} />
    </Card>
  );
}
