import { useState } from 'react';
import { Button, Card, Segmented, Statistic, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ComplaintView } from '../../../src-shared/contract/complaints';
import { CONTACT_CHANNEL_NAMES } from '../../../src-shared/domain/contact-channels';
import { call } from '../../app/api-client';
import { canCall } from '../../app/access';
import { useLanguage } from '../../app/language';
import { useSession } from '../../app/session';
import { DualDate } from '../../components/dual-date';
import { ErrorAlert } from '../../components/error-alert';
import { formatCount } from '../interview/format-number';
import { ComplaintActions } from './complaint-actions';
import { NewComplaintModal } from './new-complaint-modal';
import './complaints.css';

function CountsCard() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const counts = useQuery({ queryKey: ['complaints', 'counts'], queryFn: () => call('complaints.counts', {}) });
  if (!counts.data) return null;
  return (
    <Card title={t('complaints.counts.title')} size="small" data-testid="complaint-counts">
      <div className="complaint-counts">
        {counts.data.byKind.map((k) => <Statistic key={k.key} title={t(`complaints.kinds.${k.key as 'complaint'}`)} value={formatCount(k.count, lang)} />)}
        <Statistic title={t('complaints.counts.overdue')} value={formatCount(counts.data.overdue, lang)} />
        <Statistic title={t('complaints.counts.onTime')} value={formatCount(counts.data.answeredOnTime, lang)} />
        <Statistic title={t('complaints.counts.late')} value={formatCount(counts.data.answeredLate, lang)} />
      </div>
    </Card>
  );
}

/** Complaints and suggestions by their response day, with the step each one is waiting for. */
export function ComplaintsScreen() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const { user } = useSession();
  const [status, setStatus] = useState<'open' | 'closed'>('open');
  const [adding, setAdding] = useState(false);
  const list = useQuery({ queryKey: ['complaints', 'list', status], queryFn: () => call('complaints.list', { status }), staleTime: 0 });
  const settings = useQuery({ queryKey: ['complaints', 'settings'], queryFn: () => call('complaints.settings', {}) });
  return (
    <section>
      <div className="page-title-row">
        <Typography.Title level={2}>{t('complaints.title')}</Typography.Title>
        <span className="page-title-actions">
          <Segmented<'open' | 'closed'> value={status} onChange={setStatus} options={[{ value: 'open', label: t('complaints.open') }, { value: 'closed', label: t('complaints.closed') }]} />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="complaint-new">{t('complaints.new')}</Button>
        </span>
      </div>
      <Typography.Paragraph type="secondary">{t('complaints.intro', { days: formatCount(settings.data?.responseDays ?? 5, lang) })}</Typography.Paragraph>
      <ErrorAlert error={list.error} />
      <div className="complaint-cards">
        {canCall(user, 'complaints.counts') ? <CountsCard /> : null}
        <Card>
          <Table<ComplaintView>
            rowKey="id"
            loading={list.isPending}
            dataSource={list.data?.items ?? []}
            pagination={false}
            data-testid="complaints"
            locale={{ emptyText: t('complaints.empty') }}
            columns={[
              { key: 'due', title: t('complaints.columns.due'), render: (_, c) => <span><DualDate value={c.responseDue} inline /> {c.overdue ? <Tag color="red">{t('complaints.overdue')}</Tag> : null}</span> },
              { key: 'kind', title: t('complaints.columns.kind'), render: (_, c) => <Tag color={c.kind === 'complaint' ? 'volcano' : 'cyan'}>{t(`complaints.kinds.${c.kind}`)}</Tag> },
              { key: 'subject', title: t('complaints.columns.subject'), dataIndex: 'subject' },
              { key: 'beneficiary', title: t('complaints.columns.beneficiary'), render: (_, c) => c.beneficiaryName ?? t('complaints.anonymous') },
              { key: 'channel', title: t('complaints.columns.channel'), render: (_, c) => CONTACT_CHANNEL_NAMES[c.channel][lang] },
              { key: 'status', title: t('complaints.columns.status'), render: (_, c) => <Tag data-testid={`complaint-status-${c.id}`}>{t(`complaints.statuses.${c.status}`)}</Tag> },
              { key: 'assigned', title: t('complaints.columns.assigned'), render: (_, c) => c.assignedToName ?? t('app.none') },
              { key: 'actions', title: t('complaints.columns.actions'), width: 320, render: (_, c) => (c.status === 'closed' ? c.answer : <ComplaintActions c={c} />) },
            ]}
          />
        </Card>
      </div>
      <NewComplaintModal open={adding} onClose={() => setAdding(false)} />
    </section>
  );
}
