import { Button, Card, Empty, Popconfirm, Radio, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateReview } from '../../../src-shared/contract/duplicate-reviews';
import { type MergeField } from '../../../src-shared/domain/merge-fields';
import { ErrorAlert } from '../../components/error-alert';
import { DateTimeText } from '../../components/dual-date';
import { useResolveReview, useReviews } from './use-reviews';

const STATE_COLOURS: Record<DuplicateReview['state'], string> = { open: 'gold', pending: 'blue', merged: 'green', distinct: 'default', refused: 'red' };

type Row = { field: MergeField; first: string | null; second: string | null };

/** One review item: both records side by side; for a merge, the record that stays and, per differing field, the value kept. */
function ReviewCard({ review }: { review: DuplicateReview }) {
  const { t } = useTranslation();
  const resolve = useResolveReview();
  const [first, second] = review.records;
  const [survivor, setSurvivor] = useState<string>(first.id);
  // Per differing field: which record's value stays (by record id).
  const [picked, setPicked] = useState<Partial<Record<MergeField, string>>>({});
  const open = review.state === 'open' || review.state === 'refused';
  const differing: Row[] = review.differing
    .map((field) => ({ field, first: first.values[field] ?? null, second: second.values[field] ?? null }));
  const keeps = (field: MergeField) => picked[field] ?? survivor;
  // Records are named by branch; two of one branch (registered at two of its desks) by which came first.
  const sameBranch = first.branchName === second.branchName;
  const firstName = sameBranch ? t('syncReview.reviews.firstOfBranch', { branch: first.branchName }) : first.branchName;
  const secondName = sameBranch ? t('syncReview.reviews.secondOfBranch', { branch: second.branchName }) : second.branchName;
  const aliasFields = differing.filter((r) => keeps(r.field) !== survivor).map((r) => r.field);

  const valueCell = (recordId: string, row: Row, value: string | null) => (
    open ? (
      <Radio checked={keeps(row.field) === recordId} onChange={() => setPicked({ ...picked, [row.field]: recordId })} data-testid={`review-pick-${row.field}-${recordId === first.id ? 'first' : 'second'}`}>
        <bdi>{value ?? '—'}</bdi>
      </Radio>
    ) : <bdi>{value ?? '—'}</bdi>
  );
  const columns: ColumnsType<Row> = [
    { key: 'field', title: t('syncReview.reviews.field'), render: (_v, r) => t(`syncReview.fields.${r.field}`) },
    { key: 'first', title: firstName, render: (_v, r) => valueCell(first.id, r, r.first) },
    { key: 'second', title: secondName, render: (_v, r) => valueCell(second.id, r, r.second) },
  ];

  return (
    <Card
      size="small"
      data-testid="review-item"
      title={<Space wrap><span>{t(`syncReview.reviews.reasons.${review.reason}`, { score: review.score })}</span><DateTimeText value={review.createdAt} /></Space>}
      extra={<Tag color={STATE_COLOURS[review.state]} data-testid="review-state">{t(`syncReview.reviews.states.${review.state}`)}</Tag>}
    >
      <ErrorAlert error={resolve.error} />
      {open ? (
        <>
          <Typography.Paragraph type="secondary">{t('syncReview.reviews.chooseHint')}</Typography.Paragraph>
          <Space wrap style={{ marginBlockEnd: 12 }}>
            <span>{t('syncReview.reviews.survivor')}:</span>
            <Radio.Group value={survivor} onChange={(e) => { setSurvivor(String(e.target.value)); setPicked({}); }} data-testid="review-survivor">
              <Radio value={first.id} data-testid="review-survivor-first">{firstName}</Radio>
              <Radio value={second.id} data-testid="review-survivor-second">{secondName}</Radio>
            </Radio.Group>
          </Space>
        </>
      ) : null}
      <Table<Row> rowKey="field" size="small" pagination={false} columns={columns} dataSource={differing} locale={{ emptyText: t('syncReview.reviews.sameValues') }} />
      {open ? (
        <Space style={{ marginBlockStart: 12 }}>
          <Button type="primary" loading={resolve.isPending} data-testid="review-merge"
            onClick={() => resolve.mutate({ reviewId: review.id, decision: 'merge', survivorId: survivor, aliasFields })}>
            {t('syncReview.reviews.merge')}
          </Button>
          <Popconfirm title={t('syncReview.reviews.confirmDistinct')} onConfirm={() => resolve.mutate({ reviewId: review.id, decision: 'distinct', survivorId: null, aliasFields: [] })}>
            <Button loading={resolve.isPending} data-testid="review-distinct">{t('syncReview.reviews.distinct')}</Button>
          </Popconfirm>
        </Space>
      ) : null}
    </Card>
  );
}

/** The cross-branch review queue of the sync screen. */
export function ReviewQueue({ lastRunAt }: { lastRunAt: string | null }) {
  const { t } = useTranslation();
  const reviews = useReviews(lastRunAt);
  const items = reviews.data?.reviews ?? [];
  return (
    <Card title={t('syncReview.reviews.title')} data-testid="sync-reviews">
      <Typography.Paragraph type="secondary">{t('syncReview.reviews.hint')}</Typography.Paragraph>
      <ErrorAlert error={reviews.error} />
      {items.length === 0 && !reviews.isPending ? <Empty description={t('syncReview.reviews.empty')} /> : null}
      <Space direction="vertical" style={{ inlineSize: '100%' }}>
        {items.map((review) => <ReviewCard key={review.id} review={review} />)}
      </Space>
    </Card>
  );
}
