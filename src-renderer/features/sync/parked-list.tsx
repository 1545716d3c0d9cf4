import { useQuery } from '@tanstack/react-query';
import { Button, Card, Popconfirm, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ParkedChange } from '../../../src-shared/contract/sync';
import { call } from '../../app/api-client';
import { ErrorAlert } from '../../components/error-alert';
import { DateTimeText } from '../../components/dual-date';
import { syncText } from './i18n';
import { useSettleParked } from './use-sync';

type Parked = z.infer<typeof ParkedChange>;
type Reason = keyof typeof syncText.ar.reasons;

/** Reason codes come from head office: one this desk does not know yet is shown as its code. */
function isReason(code: string): code is Reason {
  return Object.hasOwn(syncText.ar.reasons, code);
}

type Table = keyof typeof syncText.ar.tables;

function isTable(name: string): name is Table {
  return Object.hasOwn(syncText.ar.tables, name);
}

export const SYNC_PARKED_QUERY_KEY = ['sync.parked'] as const;

/** Changes set aside with their reason, so a person sees what did not travel and why. */
export function ParkedList({ count }: { count: number }) {
  const { t } = useTranslation();
  const parked = useQuery({ queryKey: [...SYNC_PARKED_QUERY_KEY, count], queryFn: () => call('sync.parked', {}) });
  const settle = useSettleParked();
  const columns: ColumnsType<Parked> = [
    { key: 'at', title: t('sync.parkedColumns.at'), render: (_v, p) => <DateTimeText value={p.at} /> },
    { key: 'direction', title: t('sync.parkedColumns.direction'), render: (_v, p) => t(`sync.directions.${p.direction}`) },
    { key: 'table', title: t('sync.parkedColumns.table'), render: (_v, p) => (isTable(p.table) ? t(`sync.tables.${p.table}`) : <span className="ltr-value">{p.table}</span>) },
    {
      key: 'reason',
      title: t('sync.parkedColumns.reason'),
      render: (_v, p) => (isReason(p.reason) ? t(`sync.reasons.${p.reason}`) : <span className="ltr-value">{p.reason}</span>),
    },
    {
      key: 'action',
      title: t('sync.parkedActions.label'),
      render: (_v, p) => (
        <Space size="small">
          {/* Only an outgoing change is kept whole on this desk; an incoming one can only be set aside. */}
          {p.direction === 'push' ? (
            <Button size="small" loading={settle.isPending} onClick={() => settle.mutate({ action: 'retry', changeId: p.changeId })} data-testid="parked-retry">
              {t('sync.parkedActions.retry')}
            </Button>
          ) : null}
          <Popconfirm title={t('sync.parkedActions.confirmDiscard')} onConfirm={() => settle.mutate({ action: 'discard', changeId: p.changeId })}>
            <Button size="small" danger loading={settle.isPending} data-testid="parked-discard">{t('sync.parkedActions.discard')}</Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];
  return (
    <Card title={t('sync.parkedTitle')} data-testid="sync-parked">
      <Typography.Paragraph type="secondary">{t('sync.parkedHint')}</Typography.Paragraph>
      <ErrorAlert error={parked.error ?? settle.error} />
      <Table<Parked> rowKey="changeId" size="small" loading={parked.isPending} columns={columns} dataSource={parked.data?.changes ?? []} pagination={{ pageSize: 20, hideOnSinglePage: true }} />
    </Card>
  );
}
