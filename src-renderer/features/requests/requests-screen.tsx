import { useState } from 'react';
import { Card, Empty, Select, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RequestSummary } from '../../../src-shared/contract/requests';
import { daysUntilDue } from '../../../src-shared/domain/committee-clock';
import { REQUEST_STATES, type RequestState } from '../../../src-shared/domain/request-state';
import { call } from '../../app/api-client';
import { useLanguage } from '../../app/language';
import { DateTimeText, DualDate } from '../../components/dual-date';
import { ErrorAlert } from '../../components/error-alert';
import { formatCount } from '../interview/format-number';

/** Days left on the committee clock, or how late it is, for requests still waiting for a decision. */
export function DueTag({ dueDate, state }: { dueDate: string | null; state: RequestState }) {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  if (!dueDate || (state !== 'submitted' && state !== 'under_study')) return null;
  const days = daysUntilDue(dueDate, new Date());
  return days < 0 ? <Tag color="red">{t('interview.requests.overdue', { days: formatCount(-days, lang) })}</Tag> : <Tag color={days <= 3 ? 'orange' : 'default'}>{t('interview.requests.daysLeft', { days: formatCount(days, lang) })}</Tag>;
}

/** Support requests with their state and the committee's due date. */
export function RequestsScreen() {
  const { t } = useTranslation();
  const { lang } = useLanguage();
  const navigate = useNavigate();
  const [states, setStates] = useState<RequestState[]>([]);
  const list = useQuery({ queryKey: ['requests.list', states], queryFn: () => call('requests.list', { states, limit: 200 }), staleTime: 0 });
  return (
    <section>
      <div className="page-title-row">
        <Typography.Title level={2}>{t('interview.requests.title')}</Typography.Title>
        <span className="page-title-actions">
          <Select<RequestState[]>
            mode="multiple"
            allowClear
            placeholder={t('interview.requests.allStates')}
            aria-label={t('interview.requests.allStates')}
            value={states}
            onChange={setStates}
            style={{ minInlineSize: 260 }}
            options={REQUEST_STATES.map((s) => ({ value: s, label: t(`interview.states.${s}`) }))}
          />
        </span>
      </div>
      <ErrorAlert error={list.error} />
      <Card>
        <Table<RequestSummary>
          rowKey="id"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          pagination={false}
          data-testid="requests-table"
          locale={{ emptyText: <Empty description={t('interview.requests.empty')} /> }}
          onRow={(r) => ({ onClick: () => void navigate(`/requests/${r.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { key: 'beneficiary', title: t('interview.requests.columns.beneficiary'), dataIndex: 'beneficiaryName' },
            { key: 'type', title: t('interview.requests.columns.type'), render: (_, r) => (lang === 'en' ? r.requestTypeNameEn : r.requestTypeNameAr) },
            { key: 'state', title: t('interview.requests.columns.state'), render: (_, r) => <Tag color="blue">{t(`interview.states.${r.state}`)}</Tag> },
            { key: 'submitted', title: t('interview.requests.columns.submitted'), render: (_, r) => (r.submittedAt ? <DateTimeText value={r.submittedAt} /> : t('app.none')) },
            {
              key: 'due',
              title: t('interview.requests.columns.due'),
              render: (_, r) => (
                <span>
                  <DualDate value={r.dueDate} inline /> <DueTag dueDate={r.dueDate} state={r.state} />
                </span>
              ),
            },
          ]}
        />
      </Card>
    </section>
  );
}
